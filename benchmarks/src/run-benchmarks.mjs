import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { compareWithSklearn } from './compare-with-sklearn.mjs';
import { describeCommit, describeMachine } from './describe-machine.mjs';
import { datasetOptions, ensureBinaryDataset, ensureBinaryStream, ensureRawColumns, streamBatchRows } from './ensure-dataset.mjs';
import { measureBaselineRss, measurePeakMemory } from './measure-memory.mjs';
import { modeNames, modeRuns, modeSetup } from './modes.mjs';
import { hugeRows as defaultHugeRows } from './parse-args.mjs';
import { loadResults, recordResults } from './results-files.mjs';
import { renderResultsTable, renderServerTable, renderSklearnTable, serverMarkers, sklearnMarkers, tableMarkers, updateResultsTable } from './results-table.mjs';
import { runServerBenchmark } from './server-bench.mjs';
import { defaultPython, detectSklearn, runSklearnScript, sklearnScript } from './sklearn.mjs';
import { readScores, timeSortFloor } from './sort-floor.mjs';
import { computeRowsPerSecond, judgeTargets, targets, withThreadsSpeedups } from './targets.mjs';
import { timeCli } from './time-cli.mjs';

/**
 * Runs the binary benchmark: for each size and mode (`exact` whole file, `stream`, `binned`; see `modes.mjs`), the
 * streamed modes once per thread count of `threads` (on the js backend, the only one they have), `exact` on js once
 * per thread count and on tfjs (when in `backends`) once, on one thread (`modeRuns`), makes or reuses the data file,
 * times the CLI end to end, measures peak memory in a fresh process, and for `exact` times the sort floor; then adds
 * each mode's speed-up over one thread (`withThreadsSpeedups`) and judges every case against the targets (the exact
 * ones on js only, each thread count apart); with `huge`, adds `hugeRows` (1e8) rows in the streamed modes; with
 * `sklearn`, times scikit-learn on the same labels and scores against the js exact case of each size on the most
 * threads (and records the ratio to its 1-thread case beside it). Then, when `record` is set, writes
 * `results/<date>.json` and regenerates the README tables from all results files.
 *
 * @remarks
 * The only contracts with the rest of the repository are `deps.cli` (spawned as
 * `node <cli> evaluate <file> --task binary --label label --score score --format json [mode flags] [--threads N]
 * --backend js|tfjs` (no `--threads` for tfjs), a JSON report on stdout with `rows`, `timing_ms`, `backend` and,
 * streamed, `options.threads`),
 * `deps.evalChildScript` (see
 * `eval-child.mjs`), `deps.binaryPredictionsTable` and the scikit-learn script; tests pass fakes for all of them.
 *
 * @param {{ rows: number[], runs: number, record: boolean, modes?: string[], bins?: number, threads?: number[],
 *   backends?: string[], huge?: boolean, sklearn?: boolean, python?: string, server?: boolean, serverOnly?: boolean }}
 *   options - from `parseBenchArgs` (`modes` defaults to all three; `threads` to `[1]`; `backends` to `['js']`;
 *   `sklearn` to off)
 * @param {object} deps
 * @param {string} deps.cli - CLI entry script
 * @param {string} [deps.evalChildScript] - memory probe script (default `eval-child.mjs`)
 * @param {(options: object) => unknown} deps.binaryPredictionsTable - generator
 * @param {(table: unknown, type: 'file') => Uint8Array} deps.tableToIPC - from apache-arrow
 * @param {{ RecordBatchStreamWriter: Function, tableFromIPC: Function }} [deps.arrow] - apache-arrow (streams, raw columns)
 * @param {string} deps.dataDir - data files folder
 * @param {string} deps.resultsDir - results folder
 * @param {string} deps.readme - README holding the results tables
 * @param {string} [deps.repoRoot] - for the git commit in the results
 * @param {number} [deps.hugeRows] - rows of the `huge` cases (default 1e8)
 * @param {string} [deps.sklearnScript] - scikit-learn script (default `scripts/bench/sklearn_auc.py`)
 * @param {(python: string) => { available: boolean, sklearn?: string, note?: string }} [deps.detectSklearn]
 * @param {string} [deps.serverBin] - apps/server/dist/bin.js, for `options.server`
 * @param {(options: object) => Promise<object>} [deps.autocannon] - for `options.server`
 * @param {object[]} [deps.serverLoads] - loads of the server benchmark (default `serverLoads` of server-bench.mjs)
 * @param {(message: string) => void} [deps.log] - progress messages
 * @param {() => Date} [deps.now] - clock, for the results date
 * @returns {Promise<{ result: object, table: string, sklearnTable: string | null, serverTable: string | null,
 *   recordedPath: string | null }>}
 * @example
 * const { table } = await runBenchmarks({ rows: [1e5], runs: 1, record: false }, deps);
 */
export async function runBenchmarks(options, deps) {
  const { cli, evalChildScript, binaryPredictionsTable, tableToIPC, dataDir, resultsDir, readme } = deps;
  const log = deps.log ?? (() => {});
  const now = deps.now ?? (() => new Date());
  const modes = options.modes ?? [...modeNames];
  const threadCounts = options.threads ?? [1];
  const backends = options.backends ?? ['js'];
  if (!existsSync(cli)) {
    throw new Error(`${cli} not found: build the CLI first (pnpm build; pnpm bench builds it through turbo)`);
  }
  const needsArrow = options.server === true || modes.some((m) => m !== 'exact') || options.sklearn === true;
  if (needsArrow && (typeof deps.arrow?.RecordBatchStreamWriter !== 'function' || typeof deps.arrow?.tableFromIPC !== 'function')) {
    throw new Error('deps.arrow (apache-arrow) is needed for the streamed modes and the scikit-learn comparison');
  }

  const machine = describeMachine();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, ${machine.os}, node ${machine.node}`);
  const sizes = options.serverOnly === true ? [] : options.rows.map((rows) => ({ rows, modes, runs: options.runs, warmup: true, sklearn: options.sklearn === true }));
  // The idle baseline of each backend, measured when a case first needs it (tfjs's modules load on first use).
  const baselines = new Map();
  const baselineFor = async (backend) => {
    if (!baselines.has(backend)) {
      baselines.set(backend, await measureBaselineRss(3, evalChildScript, backend));
      log(`idle baseline (${backend}): ${(baselines.get(backend) / 1024).toFixed(1)} MiB peak RSS`);
    }
    return baselines.get(backend);
  };
  if (sizes.length > 0) await baselineFor('js');
  if (options.huge === true && options.serverOnly !== true) {
    const rows = deps.hugeRows ?? defaultHugeRows;
    const hugeModes = modes.filter((m) => m !== 'exact');
    if (hugeModes.length > 0 && !options.rows.includes(rows)) sizes.push({ rows, modes: hugeModes, runs: 1, warmup: false, sklearn: false });
  }

  let sklearn;
  let detected;
  if (options.sklearn === true && options.serverOnly !== true) {
    const python = options.python ?? defaultPython;
    detected = (deps.detectSklearn ?? detectSklearn)(python);
    if (!modes.includes('exact')) {
      sklearn = { status: 'skipped', note: 'the comparison needs the exact mode (--modes exact,...)', cases: [] };
    } else if (!backends.includes('js')) {
      sklearn = { status: 'skipped', note: 'the comparison needs the js exact case (--backends js,...)', cases: [] };
    } else if (!detected.available) {
      sklearn = { status: 'skipped', note: detected.note, cases: [] };
    } else {
      sklearn = { status: 'ran', python, sklearn: detected.sklearn, cases: [] };
    }
    if (sklearn.status === 'skipped') log(`scikit-learn comparison skipped: ${sklearn.note}`);
  }

  const cases = [];
  for (const size of sizes) {
    const { rows } = size;
    const dataset = size.modes.includes('exact') || size.sklearn
      ? ensureBinaryDataset({ rows, dataDir, binaryPredictionsTable, tableToIPC, log })
      : undefined;
    const stream = size.modes.some((m) => m !== 'exact')
      ? await ensureBinaryStream({ rows, dataDir, binaryPredictionsTable, tableToIPC, arrow: deps.arrow, log })
      : undefined;
    const sizeCases = [];
    let sortFloorMs;
    for (const mode of size.modes) {
      // The streamed modes run once per thread count, on js (their only kernels); exact (whole file) runs on js once
      // per thread count and on tfjs once, on one thread (see modeRuns).
      for (const { threads, backend } of modeRuns(mode, threadCounts, backends)) {
        const setup = modeSetup(mode, { bins: options.bins, threads, backend });
        const input = setup.input === 'file' ? dataset : stream;
        const threadsText = threads === undefined ? undefined : `${threads} thread${threads === 1 ? '' : 's'}`;
        const name = `${basename(input.path)} [${[mode, mode === 'exact' ? backend : undefined, threadsText].filter((x) => x !== undefined).join(', ')}]`;
        log(`${name}: CLI, ${size.warmup ? '1 warm-up + ' : 'no warm-up, '}${size.runs} timed run(s)`);
        const timing = await timeCli({ cli, file: input.path, rows, runs: size.runs, extraArgs: setup.cliArgs, warmup: size.warmup });
        log(`${name}: peak memory in a fresh process`);
        const baselineKb = await baselineFor(backend);
        const memory = await measurePeakMemory({ file: input.path, rows, baselineKb, script: evalChildScript, spec: setup.spec });
        const used = threads === undefined ? 1 : usedThreads(timing.report, threads);
        const entry = measuredCase({ mode, rows, input, setup, size, timing, memory, threads: used });
        entry.backend = usedBackend(timing.report, backend);
        if (mode === 'binned') entry.bins = options.bins ?? 'cli-default';
        // The same scores for every backend: the sort floor is timed once per size.
        if (mode === 'exact') entry.sort_floor_ms = sortFloorMs ??= timeSortFloor(readScores(input.path), size.runs);
        sizeCases.push(entry);
        log(
          `${name}: wall median ${entry.wall_ms.median} ms, compute ${entry.timing_ms.compute} ms ` +
            `(${(computeRowsPerSecond(entry) / 1e6).toFixed(1)} M rows/s on ${entry.threads} thread${entry.threads === 1 ? '' : 's'}, ` +
            `backend ${entry.backend.name} on ${entry.backend.device}), peak ${(memory.peak_rss_kb / 1024).toFixed(0)} MiB, ` +
            `${memory.bytes_per_row} B/row${entry.sort_floor_ms !== undefined ? `, sort ${entry.sort_floor_ms} ms` : ''}`,
        );
      }
    }
    // Compared with the js exact case on the fewest threads (1 unless --threads lacks it): the same single thread as
    // the tfjs case. The js reports are the same on any number of threads: a different AUC is worth a warning.
    const jsExact = sizeCases.find((c) => c.mode === 'exact' && c.backend.requested === 'js');
    for (const c of sizeCases) {
      if (c.mode !== 'exact' || c === jsExact || jsExact === undefined) continue;
      if (c.backend.requested === 'js') {
        if (c.roc_auc !== jsExact.roc_auc) log(`warning: ${c.file} [exact, js]: ROC AUC ${c.roc_auc} on ${c.threads} threads, ${jsExact.roc_auc} on ${jsExact.threads}`);
        continue;
      }
      // A check on the backend, not a timing: both are exact, so the AUCs agree up to float rounding.
      if (typeof c.roc_auc === 'number' && typeof jsExact.roc_auc === 'number') c.roc_auc_abs_diff_vs_js = Math.abs(c.roc_auc - jsExact.roc_auc);
      log(
        `${c.file} [exact, ${c.backend.requested}]: compute ${(c.timing_ms.compute / jsExact.timing_ms.compute).toFixed(2)}x, ` +
          `wall ${(c.wall_ms.median / jsExact.wall_ms.median).toFixed(2)}x the js case's on ${jsExact.threads} thread${jsExact.threads === 1 ? '' : 's'}; ` +
          `|AUC diff| ${c.roc_auc_abs_diff_vs_js}`,
      );
    }
    for (const entry of withThreadsSpeedups(sizeCases)) {
      entry.targets = judgeTargets(entry);
      cases.push(entry);
      if (entry.speedup_vs_one_thread !== undefined) {
        log(`${entry.file} [${entry.mode}${entry.mode === 'exact' ? `, ${entry.backend.requested}` : ''}]: compute speed-up on ${entry.threads} threads over 1: ${entry.speedup_vs_one_thread}x`);
      }
    }
    // scikit-learn is compared with the js exact case on the most threads (the target's "all threads"), and its 1-thread
    // case beside it.
    const jsExactCases = cases.filter((c) => c.rows === rows && c.mode === 'exact' && c.backend.requested === 'js');
    const exactCase = jsExactCases.reduce((most, c) => (most === undefined || c.threads > most.threads ? c : most), undefined);
    const oneThreadCase = jsExactCases.find((c) => c.threads === 1);

    if (size.sklearn && sklearn?.status === 'ran' && exactCase !== undefined) {
      const raw = ensureRawColumns({ file: dataset.path, rows, tableFromIPC: deps.arrow.tableFromIPC, log });
      log(`${basename(dataset.path)}: scikit-learn roc_auc_score x${size.runs} and the full set x1`);
      const sk = await runSklearnScript({ python: sklearn.python, script: deps.sklearnScript ?? sklearnScript, prefix: raw.prefix, runs: size.runs, fullRuns: 1 });
      if (sk.rows !== rows) throw new Error(`scikit-learn script says rows = ${sk.rows}, expected ${rows} (${raw.prefix})`);
      const comparison = compareWithSklearn(exactCase, sk, oneThreadCase);
      sklearn.cases.push(comparison);
      if (sk.sklearn !== undefined) sklearn.sklearn = sk.sklearn;
      if (sk.numpy !== undefined) sklearn.numpy = sk.numpy;
      if (sk.python !== undefined) sklearn.python_version = sk.python;
      log(
        `${basename(dataset.path)}: sklearn roc_auc_score ${sk.roc_auc_s.median.toFixed(3)} s; modelperf full report on ` +
          `${comparison.threads} thread${comparison.threads === 1 ? '' : 's'}: compute ${comparison.modelperf_compute_s} s ` +
          `(${comparison.speedup_compute.toFixed(2)}x), wall ${comparison.modelperf_wall_s} s (${comparison.speedup_wall.toFixed(2)}x)` +
          `${comparison.threads > 1 && comparison.speedup_compute_one_thread !== undefined ? `; compute on 1 thread ${comparison.modelperf_compute_one_thread_s} s (${comparison.speedup_compute_one_thread.toFixed(2)}x)` : ''}` +
          `; |AUC diff| ${comparison.roc_auc_abs_diff}`,
      );
    }
  }

  let server;
  if (options.server === true) {
    if (deps.serverBin === undefined || !existsSync(deps.serverBin) || typeof deps.autocannon !== 'function') {
      throw new Error(`the server benchmark needs the built server (${deps.serverBin ?? 'deps.serverBin'}; pnpm build) and autocannon`);
    }
    const ensureStream = (rows) => ensureBinaryStream({ rows, dataDir, binaryPredictionsTable, tableToIPC, arrow: deps.arrow, log });
    server = { tool: 'autocannon', cases: await runServerBenchmark({ serverBin: deps.serverBin, ensureStream, autocannon: deps.autocannon, loads: deps.serverLoads, log }) };
  }

  const result = {
    date: now().toISOString().slice(0, 10),
    machine,
    commit: describeCommit(deps.repoRoot ?? dataDir),
    targets,
    dataset: { generator: 'binaryPredictionsTable', ...datasetOptions, stream_batch_rows: streamBatchRows },
    cases,
  };
  if (sklearn !== undefined) result.sklearn = sklearn;
  if (server !== undefined) result.server = server;
  const table = renderResultsTable([result]);
  const sklearnTable = sklearn !== undefined ? renderSklearnTable([result]) : null;
  let recordedPath = null;
  if (options.record) {
    recordedPath = recordResults({ dir: resultsDir, result });
    const all = loadResults(resultsDir);
    updateResultsTable(readme, renderResultsTable(all), tableMarkers);
    updateResultsTable(readme, renderSklearnTable(all), sklearnMarkers);
    if (server !== undefined) updateResultsTable(readme, renderServerTable(all), serverMarkers);
    log(`recorded ${recordedPath}; README tables updated`);
  }
  const serverTable = server !== undefined ? renderServerTable([result]) : null;
  return { result, table, sklearnTable, serverTable, recordedPath };
}

/**
 * Threads a timed case ran on: the report's `options.threads` when it has one (the streamed modes record it), else the
 * number asked for (the whole-file `exact` report has no `options.threads`).
 *
 * @param {{ options?: { threads?: unknown } } | undefined} report - the last timed CLI report
 * @param {number} requested - the `--threads` passed
 * @returns {number}
 * @example
 * usedThreads({ options: { threads: 4 } }, 4); // 4
 */
export function usedThreads(report, requested) {
  const threads = report?.options?.threads;
  return Number.isSafeInteger(threads) && threads >= 1 ? threads : requested;
}

/**
 * The backend a timed case ran on: the one asked for (`--backend`), and the report's `backend` (`name`, `device`:
 * `tfjs` may run on `gpu`, `cpu-native` or the pure-JS `cpu`; the streamed modes always report `js` on `cpu`).
 *
 * @param {{ backend?: { name?: unknown, device?: unknown } } | undefined} report - the last timed CLI report
 * @param {'js' | 'tfjs'} requested - the `--backend` passed
 * @returns {{ requested: string, name: string, device: string }} `name` falls back to `requested` and `device` to
 *   `unknown` when the report has no backend
 * @example
 * usedBackend({ backend: { name: 'tfjs', device: 'cpu' } }, 'tfjs'); // { requested: 'tfjs', name: 'tfjs', device: 'cpu' }
 */
export function usedBackend(report, requested) {
  const { name, device } = report?.backend ?? {};
  return { requested, name: typeof name === 'string' ? name : requested, device: typeof device === 'string' ? device : 'unknown' };
}

function measuredCase({ mode, rows, input, setup, size, timing, memory, threads }) {
  const entry = {
    task: 'binary',
    mode,
    rows,
    file: basename(input.path),
    file_bytes: input.bytes,
    cli_args: setup.cliArgs,
    runs: size.runs,
    warmup: size.warmup,
    threads,
    wall_ms: roundFields(timing.wall_ms),
    timing_ms: roundFields(timing.timing_ms),
    memory,
  };
  const computeRate = computeRowsPerSecond(entry);
  entry.throughput = {
    compute_rows_per_s: Math.round(computeRate),
    compute_rows_per_s_per_core: Math.round(computeRate / threads),
    wall_rows_per_s: Math.round((rows * 1000) / entry.wall_ms.median),
  };
  const metrics = timing.report?.metrics ?? {};
  if (typeof metrics.roc_auc === 'number') entry.roc_auc = metrics.roc_auc;
  if (typeof metrics.roc_auc_max_error === 'number') entry.roc_auc_max_error = metrics.roc_auc_max_error;
  return entry;
}

function roundFields(object) {
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [k, Array.isArray(v) ? v : typeof v === 'number' ? Math.round(v * 10) / 10 : v]),
  );
}
