/**
 * Performance targets the results are checked against. `null` verdicts mean "not applicable at this size or mode".
 * - time (exact whole-file): the full binary report of a 1e7-row Arrow file, CLI end to end (median wall time),
 *   under 1.5 s; judged on every js exact case, each thread count on its own.
 * - memory (exact whole-file): peak RSS over an idle process, under 40 bytes per row; judged from 1e6 rows up, where
 *   fixed costs (heap growth steps, code) no longer dominate the per-row figure; each thread count on its own.
 * - stream_memory (exact, `--stream`): at most 16 bytes per row held (peak RSS over idle / rows); judged from 1e7 rows
 *   up, since at 1e6 rows one 2^20-row input batch (14 bytes a row) is itself the whole file.
 * - binned_throughput (`--curve-mode binned`): at least 150 million rows a second per core, from the report's
 *   `timing_ms.compute` (median; for streamed modes it includes reading the batches); judged from 1e6 rows up, for
 *   every thread count; per core = rows/s / the case's `threads`.
 * - binned_peak (`--curve-mode binned`): peak RSS of the whole process under 1 GiB on 1e8 rows (`--huge`).
 * - threads_speedup (`--stream`): median compute of the 1-thread case / that of the case with the most threads (> 1)
 *   of the same mode and size (its `speedup_vs_one_thread`, see {@link withThreadsSpeedups}) at least 1.6, judged on
 *   that case at 1e7 rows; the binned and exact (js) modes record the same speed-up, unjudged.
 * - sklearn: modelperf's full exact report at least 10 times faster than scikit-learn's `roc_auc_score` alone, on
 *   1e7 rows and all threads (the js exact case with the most threads); judged twice, on modelperf's
 *   `timing_ms.compute` and on its CLI wall time.
 * The exact-mode targets (time, memory) and the scikit-learn comparison are judged on the js backend only; the exact
 * cases of other backends (`--backends js,tfjs`) are recorded beside them, unjudged.
 */
export const targets = Object.freeze({
  timeRows: 1e7,
  timeMs: 1500,
  memoryMinRows: 1e6,
  bytesPerRow: 40,
  streamMinRows: 1e7,
  streamBytesPerRow: 16,
  binnedMinRows: 1e6,
  binnedRowsPerSecondPerCore: 150e6,
  binnedPeakRows: 1e8,
  binnedPeakBytes: 2 ** 30,
  sklearnRows: 1e7,
  sklearnSpeedup: 10,
  threadsRows: 1e7,
  threadsSpeedup: 1.6,
});

/**
 * Judges one benchmark case against {@link targets}, by its mode (`exact` when absent). Exact cases of a backend
 * other than js are not judged (all `null`).
 *
 * @param {{ rows: number, mode?: string, threads?: number, backend?: { requested?: string }, wall_ms?: { median: number },
 *   timing_ms?: { compute?: number }, memory?: { bytes_per_row: number, peak_rss_kb: number },
 *   speedup_vs_one_thread?: number }} result - one case (`threads` 1 and backend js when absent)
 * @returns {Record<string, 'pass' | 'fail' | null>} exact: `{ time, memory }`; stream: `{ stream_memory,
 *   threads_speedup }`; binned: `{ binned_throughput, binned_peak }`
 * @example
 * judgeTargets({ rows: 1e7, wall_ms: { median: 1200 }, memory: { bytes_per_row: 31 } }); // { time: 'pass', memory: 'pass' }
 * judgeTargets({ rows: 1e7, backend: { requested: 'tfjs' }, wall_ms: { median: 1200 } }); // { time: null, memory: null }
 */
export function judgeTargets(result) {
  const mode = result.mode ?? 'exact';
  if (mode === 'stream') {
    const ok = result.rows >= targets.streamMinRows && result.memory ? result.memory.bytes_per_row <= targets.streamBytesPerRow : null;
    const speedup = result.speedup_vs_one_thread;
    const faster = result.rows === targets.threadsRows && Number.isFinite(speedup) ? speedup >= targets.threadsSpeedup : null;
    return { stream_memory: verdict(ok), threads_speedup: verdict(faster) };
  }
  if (mode === 'binned') {
    const perCore = computeRowsPerSecond(result) / (result.threads ?? 1);
    const throughput = result.rows >= targets.binnedMinRows && Number.isFinite(perCore) ? perCore >= targets.binnedRowsPerSecondPerCore : null;
    const peak = result.rows >= targets.binnedPeakRows && result.memory ? result.memory.peak_rss_kb * 1024 < targets.binnedPeakBytes : null;
    return { binned_throughput: verdict(throughput), binned_peak: verdict(peak) };
  }
  if (requestedBackend(result) !== 'js') return { time: null, memory: null };
  const time = result.rows === targets.timeRows && result.wall_ms ? result.wall_ms.median < targets.timeMs : null;
  const memory = result.rows >= targets.memoryMinRows && result.memory ? result.memory.bytes_per_row < targets.bytesPerRow : null;
  return { time: verdict(time), memory: verdict(memory) };
}

/**
 * Adds the thread speed-up to the cases of every mode: in each group of the same task, mode, size and requested
 * backend that has a 1-thread case, the case with the most threads (> 1) gets `speedup_vs_one_thread` = median
 * `timing_ms.compute` of the 1-thread case / its own (3 decimals). Other cases are returned as they are (the tfjs
 * exact case runs on one thread only, so it never gets one).
 *
 * @param {{ task?: string, mode?: string, rows: number, threads?: number, backend?: { requested?: string },
 *   timing_ms?: { compute?: number } }[]} cases - one run's cases (`threads` 1 and backend js when absent)
 * @returns {object[]} the same cases in the same order, those with a speed-up copied with the field added
 * @example
 * withThreadsSpeedups([
 *   { mode: 'stream', rows: 1e7, threads: 1, timing_ms: { compute: 2000 } },
 *   { mode: 'stream', rows: 1e7, threads: 2, timing_ms: { compute: 1100 } },
 * ])[1].speedup_vs_one_thread; // 1.818
 */
export function withThreadsSpeedups(cases) {
  const threadsOf = (c) => c.threads ?? 1;
  const group = (c) => `${c.task ?? 'binary'}:${c.mode ?? 'exact'}:${c.rows}:${requestedBackend(c)}`;
  const one = new Map();
  const most = new Map();
  for (const c of cases) {
    const key = group(c);
    if (threadsOf(c) === 1) one.set(key, c);
    else if (threadsOf(c) >= threadsOf(most.get(key) ?? { threads: 1 })) most.set(key, c);
  }
  return cases.map((c) => {
    const base = one.get(group(c));
    if (base === undefined || most.get(group(c)) !== c) return c;
    const ratio = base.timing_ms?.compute / c.timing_ms?.compute;
    return Number.isFinite(ratio) && ratio > 0 ? { ...c, speedup_vs_one_thread: Number(ratio.toFixed(3)) } : c;
  });
}

/**
 * Judges one scikit-learn comparison: speed-ups are sklearn's `roc_auc_score` seconds over modelperf's.
 *
 * @param {{ rows: number, speedup_compute?: number, speedup_wall?: number }} comparison
 * @returns {{ compute: 'pass' | 'fail' | null, wall: 'pass' | 'fail' | null }}
 * @example
 * judgeSklearn({ rows: 1e7, speedup_compute: 12, speedup_wall: 4 }); // { compute: 'pass', wall: 'fail' }
 */
export function judgeSklearn(comparison) {
  const judged = comparison.rows === targets.sklearnRows;
  const check = (x) => verdict(judged && Number.isFinite(x) ? x >= targets.sklearnSpeedup : null);
  return { compute: check(comparison.speedup_compute), wall: check(comparison.speedup_wall) };
}

/**
 * The backend a case asked for: its `backend.requested`, `js` for cases from before backends were compared (the
 * streamed modes have js kernels only, and the exact mode ran on the CLI's `auto`, js without a GPU).
 *
 * @param {{ backend?: { requested?: string } }} result - one case
 * @returns {string}
 * @example
 * requestedBackend({ mode: 'exact', rows: 1e6 }); // 'js'
 */
export function requestedBackend(result) {
  return result.backend?.requested ?? 'js';
}

/**
 * @param {{ rows: number, timing_ms?: { compute?: number } }} result
 * @returns {number} rows per second of the report's compute time (NaN without one)
 */
export function computeRowsPerSecond(result) {
  const ms = result.timing_ms?.compute;
  return typeof ms === 'number' && ms > 0 ? (result.rows * 1000) / ms : Number.NaN;
}

function verdict(ok) {
  return ok === null ? null : ok ? 'pass' : 'fail';
}
