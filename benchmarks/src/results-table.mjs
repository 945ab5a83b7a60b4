import { readFileSync, writeFileSync } from 'node:fs';

/** Markers around the generated table in `benchmarks/README.md`. */
export const tableMarkers = Object.freeze({ start: '<!-- results:start -->', end: '<!-- results:end -->' });

const header = [
  '| Date | Machine | Node | Rows | CLI wall min / median | read / compute | Sort floor | Peak RSS over idle | Bytes/row | < 1.5 s at 1e7 | < 40 B/row |',
  '|---|---|---|--:|--:|--:|--:|--:|--:|:-:|:-:|',
];

/**
 * Renders results files as one Markdown table, a line per case.
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
    const machine = cell(`${m.cpu ?? '?'}, ${m.cores ?? '?'} cores, ${m.memory_gib ?? '?'} GiB, ${(m.os ?? '').split(' ')[0]}`);
    for (const c of result.cases ?? []) {
      const t = c.timing_ms ?? {};
      lines.push(`| ${[
        result.date,
        machine,
        cell(m.node ?? '?'),
        formatRows(c.rows),
        c.wall_ms ? `${ms(c.wall_ms.min)} / ${ms(c.wall_ms.median)}` : '—',
        t.read !== undefined || t.compute !== undefined ? `${ms(t.read)} / ${ms(t.compute)}` : '—',
        c.sort_floor_ms !== undefined ? ms(c.sort_floor_ms) : '—',
        c.memory ? `${((c.memory.peak_rss_kb - c.memory.baseline_rss_kb) / 1024).toFixed(0)} MiB` : '—',
        c.memory ? c.memory.bytes_per_row.toFixed(1) : '—',
        verdict(c.targets?.time),
        verdict(c.targets?.memory),
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
 * @returns {boolean} whether the file changed
 * @throws {Error} when the markers are missing or out of order
 * @example
 * updateResultsTable('benchmarks/README.md', renderResultsTable(results));
 */
export function updateResultsTable(path, table) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(tableMarkers.start);
  const end = text.indexOf(tableMarkers.end);
  if (start < 0 || end < start) {
    throw new Error(`${path}: expected the markers ${tableMarkers.start} and ${tableMarkers.end}, in that order`);
  }
  const updated = `${text.slice(0, start + tableMarkers.start.length)}\n${table}\n${text.slice(end)}`;
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

function verdict(value) {
  return value === 'pass' ? 'pass' : value === 'fail' ? '**fail**' : '—';
}

function cell(text) {
  return String(text).replaceAll('|', '\\|');
}
