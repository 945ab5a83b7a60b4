import { readFileSync, writeFileSync } from 'node:fs';
import { computeRowsPerSecond } from './targets.mjs';

/** Markers around the generated modes table in `benchmarks/README.md`. */
export const tableMarkers = Object.freeze({ start: '<!-- results:start -->', end: '<!-- results:end -->' });

/** Markers around the generated scikit-learn comparison table in `benchmarks/README.md`. */
export const sklearnMarkers = Object.freeze({ start: '<!-- sklearn:start -->', end: '<!-- sklearn:end -->' });

/** Markers around the generated HTTP server table in `benchmarks/README.md`. */
export const serverMarkers = Object.freeze({ start: '<!-- server:start -->', end: '<!-- server:end -->' });

const header = [
  '| Date | Machine | Node | Rows | Mode | Threads | Backend | CLI wall min / median | read / compute | Compute rows/s (per core) | Compute speed-up vs 1 thread | Sort floor | Peak RSS / over idle | Bytes/row | < 1.5 s at 1e7 (exact) | < 40 B/row (exact) | ≤ 16 B/row (stream) | ≥ 150 M rows/s/core (binned) | < 1 GiB peak at 1e8 (binned) | ≥ 1.6× (2+ threads, stream 1e7) |',
  '|---|---|---|--:|---|--:|---|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|:-:|:-:|:-:|:-:|',
];

const sklearnHeader = [
  '| Date | Machine | Rows | scikit-learn | sklearn `roc_auc_score` min / median | sklearn full set | modelperf full report: compute / CLI wall | Speed-up on compute | Speed-up on wall | ROC AUC \\|Δ\\| | ≥ 10× at 1e7 (compute) | ≥ 10× at 1e7 (wall) |',
  '|---|---|--:|---|--:|--:|--:|--:|--:|--:|:-:|:-:|',
];

/**
 * Renders the cases of results files as one Markdown table, a line per size, mode (`exact` when a case has none),
 * thread count (1 when a case has none: results from before the thread pool) and backend (`js` when a case has none:
 * results from before backends were compared; `tfjs (device)` with the device the report named).
 *
 * @param {object[]} results - as returned by `loadResults`, in display order
 * @returns {string} the Markdown table (header only when there are no results)
 * @example
 * renderResultsTable(loadResults('benchmarks/results'));
 */
export function renderResultsTable(results) {
  const lines = [...header];
  for (const result of results) {
    const m = result.machine ?? {};
    for (const c of result.cases ?? []) {
      const t = c.timing_ms ?? {};
      const rate = computeRowsPerSecond(c);
      const v = c.targets ?? {};
      const threads = c.threads ?? 1;
      lines.push(`| ${[
        result.date,
        machineCell(m),
        cell(m.node ?? '?'),
        formatRows(c.rows),
        c.mode ?? 'exact',
        threads,
        backendCell(c),
        c.wall_ms ? `${ms(c.wall_ms.min)} / ${ms(c.wall_ms.median)}` : '—',
        t.read !== undefined || t.compute !== undefined ? `${ms(t.read)} / ${ms(t.compute)}` : '—',
        Number.isFinite(rate) ? `${formatRate(rate)} (${formatRate(rate / threads)})` : '—',
        times(c.speedup_vs_one_thread),
        c.sort_floor_ms !== undefined ? ms(c.sort_floor_ms) : '—',
        c.memory ? `${mib(c.memory.peak_rss_kb)} / ${mib(c.memory.peak_rss_kb - c.memory.baseline_rss_kb)}` : '—',
        c.memory ? c.memory.bytes_per_row.toFixed(1) : '—',
        verdict(v.time),
        verdict(v.memory),
        verdict(v.stream_memory),
        verdict(v.binned_throughput),
        verdict(v.binned_peak),
        verdict(v.threads_speedup),
      ].join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/**
 * Renders the scikit-learn comparisons of results files (their `sklearn.cases`) as one Markdown table. A results file
 * whose comparison was skipped adds one line with the reason. A comparison against a js exact case on more than one
 * thread says so beside modelperf's times (`(2 threads)`) and adds the 1-thread case's speed-up on compute beside its
 * own (`(1 thread: 3.43×)`, when recorded); one on 1 thread (or from before exact took threads) shows neither.
 *
 * @param {object[]} results - as returned by `loadResults`, in display order
 * @returns {string} the Markdown table (header only when there are no comparisons)
 * @example
 * renderSklearnTable(loadResults('benchmarks/results'));
 */
export function renderSklearnTable(results) {
  const lines = [...sklearnHeader];
  for (const result of results) {
    const sk = result.sklearn;
    if (sk === undefined) continue;
    const machine = machineCell(result.machine ?? {});
    if ((sk.cases ?? []).length === 0) {
      lines.push(`| ${result.date} | ${machine} | — | ${cell(`skipped: ${sk.note ?? 'not run'}`)} | — | — | — | — | — | — | — | — |`);
      continue;
    }
    for (const c of sk.cases) {
      lines.push(`| ${[
        result.date,
        machine,
        formatRows(c.rows),
        cell(`${c.sklearn ?? sk.sklearn ?? '?'} (numpy ${c.numpy ?? sk.numpy ?? '?'})`),
        `${seconds(c.sklearn_roc_auc_s?.min)} / ${seconds(c.sklearn_roc_auc_s?.median)}`,
        seconds(c.sklearn_full_set_s?.median),
        `${seconds(c.modelperf_compute_s)} / ${seconds(c.modelperf_wall_s)}${c.threads > 1 ? ` (${c.threads} threads)` : ''}`,
        `${times(c.speedup_compute)}${c.threads > 1 && Number.isFinite(c.speedup_compute_one_thread) ? ` (1 thread: ${times(c.speedup_compute_one_thread)})` : ''}`,
        times(c.speedup_wall),
        Number.isFinite(c.roc_auc_abs_diff) ? c.roc_auc_abs_diff.toExponential(1) : '—',
        verdict(c.targets?.compute),
        verdict(c.targets?.wall),
      ].join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/**
 * Replaces the text between {@link tableMarkers} in a Markdown file.
 *
 * @param {string} path - the README
 * @param {string} table - Markdown to put between the markers
 * @param {{ start: string, end: string }} [markers] - default {@link tableMarkers}
 * @returns {boolean} whether the file changed
 * @throws {Error} when the markers are missing or out of order
 * @example
 * updateResultsTable('benchmarks/README.md', renderResultsTable(results));
 */
export function updateResultsTable(path, table, markers = tableMarkers) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start < 0 || end < start) {
    throw new Error(`${path}: expected the markers ${markers.start} and ${markers.end}, in that order`);
  }
  const updated = `${text.slice(0, start + markers.start.length)}\n${table}\n${text.slice(end)}`;
  if (updated === text) return false;
  writeFileSync(path, updated);
  return true;
}

/**
 * @param {number} rows
 * @returns {string} `1e7` for round powers of ten times a digit, else grouped digits (`1,234,567`)
 */
export function formatRows(rows) {
  const exponent = Math.floor(Math.log10(rows));
  const mantissa = rows / 10 ** exponent;
  return exponent >= 3 && Number.isInteger(mantissa) ? `${mantissa}e${exponent}` : rows.toLocaleString('en-US');
}

function ms(value) {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

function seconds(value) {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value >= 10 ? `${value.toFixed(1)} s` : `${value.toFixed(2)} s`;
}

function times(value) {
  return value === undefined || !Number.isFinite(value) ? '—' : `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
}

function mib(kb) {
  return `${(kb / 1024).toFixed(0)} MiB`;
}

/** @returns {string} rows per second as `12.3 M/s` */
function formatRate(rowsPerSecond) {
  return rowsPerSecond >= 1e6 ? `${(rowsPerSecond / 1e6).toFixed(1)} M/s` : `${(rowsPerSecond / 1e3).toFixed(0)} k/s`;
}

function backendCell(c) {
  if (c.backend === undefined) return 'js';
  const name = c.backend.name ?? c.backend.requested;
  // js kernels always run on the CPU; tfjs says where it ran (gpu, cpu-native or the pure-JS cpu backend).
  const shown = name === 'js' ? 'js' : `${name} (${c.backend.device ?? '?'})`;
  return cell(name === c.backend.requested || c.backend.requested === undefined ? shown : `${shown}, asked ${c.backend.requested}`);
}

function machineCell(m) {
  return cell(`${m.cpu ?? '?'}, ${m.cores ?? '?'} cores, ${m.memory_gib ?? '?'} GiB, ${(m.os ?? '').split(' ')[0]}`);
}

function verdict(value) {
  return value === 'pass' ? 'pass' : value === 'fail' ? '**fail**' : '—';
}

function cell(text) {
  return String(text).replaceAll('|', '\\|');
}

const serverHeader = [
  '| Date | Machine | Node | Rows per body | Body | Requests × connections | Completed / errors / non-2xx | Requests/s | Rows/s | Latency p50 / p90 / p99 |',
  '|---|---|---|--:|--:|--:|--:|--:|--:|--:|',
];

/**
 * Renders the HTTP server cases (`result.server.cases`) of results files as one Markdown table.
 *
 * @param {object[]} results - as returned by `loadResults`
 * @returns {string} the Markdown table (header only when no file has server cases)
 * @example
 * renderServerTable(loadResults('benchmarks/results'));
 */
export function renderServerTable(results) {
  const lines = [...serverHeader];
  for (const result of results) {
    const m = result.machine ?? {};
    for (const c of result.server?.cases ?? []) {
      const l = c.latency_ms ?? {};
      lines.push(`| ${[
        result.date,
        machineCell(m),
        cell(m.node ?? '?'),
        formatRows(c.rows),
        `${(c.body_bytes / 2 ** 20).toFixed(c.body_bytes >= 10 * 2 ** 20 ? 0 : 2)} MiB`,
        `${c.requests} × ${c.connections}`,
        `${c.completed} / ${c.errors} / ${c.non_2xx}`,
        Number.isFinite(c.requests_per_s) ? c.requests_per_s.toFixed(c.requests_per_s >= 100 ? 0 : 1) : '—',
        Number.isFinite(c.rows_per_s) ? formatRate(c.rows_per_s) : '—',
        `${ms(l.p50)} / ${ms(l.p90)} / ${ms(l.p99)}`,
      ].join(' | ')} |`);
    }
  }
  return lines.join('\n');
}
