/**
 * The evaluation modes the benchmark compares, per size.
 * - `exact`: the whole-file path (the original benchmark): the `.arrow` file (one batch) read at once, exact curves.
 * - `stream`: `--stream`, exact curves, from the `.arrows` file read batch by batch (2^20 rows) and merged as
 *   mergeable states; the sorted runs of all rows are still held, so memory grows with rows.
 * - `binned`: `--curve-mode binned` (streamed), a fixed score histogram of `bins` bins: O(bins) memory; the report
 *   adds `metrics.roc_auc_max_error`.
 * `cliArgs` go after the benchmark's usual `evaluate <file> --task binary ... --format json`; `spec` is merged into
 * the `evaluateFile` spec of the memory probe; `input` names the data file each mode reads. Every mode takes a thread
 * count (`--threads N`, `threads: N`): the streamed modes run their batches and merges on a pool of worker threads,
 * `exact` splits the score sort of its js kernels by score range across them (the tfjs kernels run on one thread).
 */
export const modeNames = Object.freeze(['exact', 'stream', 'binned']);

/**
 * The kernel backends the benchmark compares (`--backend X` of the CLI, `backend: X` of the probe spec).
 * - `js`: modelperf's float64 JavaScript kernels.
 * - `tfjs`: TensorFlow.js kernels, on the best runtime that loads: tfjs-node-gpu (a GPU), tfjs-node (native CPU),
 *   else tfjs-core's pure-JS `cpu` backend; the report's `backend.device` says which.
 * Only the whole-file `exact` mode has tfjs kernels: the streamed modes (mergeable states) always run the js ones and
 * report `{ name: 'js', device: 'cpu' }` whatever `--backend` says, so they run on `js` only.
 */
export const backendNames = Object.freeze(['js', 'tfjs']);

/**
 * The CLI flags and probe spec of one mode (and, for the streamed modes, one thread count).
 *
 * @param {'exact' | 'stream' | 'binned'} mode
 * @param {{ bins?: number, threads?: number, backend?: 'js' | 'tfjs' }} [options] - `bins`: histogram bins of the
 *   binned mode (default: the CLI's, 65536); `threads`: threads of the evaluation, appended as `--threads N` and
 *   `threads: N` (default: none, the CLI's default: 1 for the streamed modes, every core for `exact`); `backend`: appended last as `--backend X` and `backend: X`
 *   (default: none, the CLI's `auto`); `tfjs` only for `exact`, and on one thread (no `threads` or 1)
 * @returns {{ mode: string, input: 'file' | 'stream', cliArgs: string[], spec: object }}
 * @throws {Error} on an unknown mode or backend, `tfjs` for a streamed mode, or `tfjs` with threads > 1
 * @example
 * modeSetup('binned', { bins: 4096, threads: 2, backend: 'js' });
 * // { input: 'stream', cliArgs: ['--curve-mode', 'binned', '--bins', '4096', '--quiet', '--threads', '2', '--backend', 'js'], ... }
 * modeSetup('exact', { threads: 2, backend: 'js' }).cliArgs; // ['--threads', '2', '--backend', 'js']
 * modeSetup('exact', { backend: 'tfjs' }).cliArgs; // ['--backend', 'tfjs']
 */
export function modeSetup(mode, options = {}) {
  const { backend } = options;
  if (backend !== undefined && !backendNames.includes(backend)) {
    throw new Error(`unknown backend "${backend}" (expected one of ${backendNames.join(', ')})`);
  }
  if (backend === 'tfjs' && mode !== 'exact' && modeNames.includes(mode)) {
    throw new Error(`the ${mode} mode has js kernels only (the streamed states): backend tfjs is for the exact mode`);
  }
  if (backend === 'tfjs' && options.threads !== undefined && options.threads !== 1) {
    throw new Error(`the tfjs kernels run on one thread: no threads option above 1 (got ${options.threads})`);
  }
  const finish = (setup) => {
    const threaded = options.threads === undefined
      ? setup
      : { ...setup, cliArgs: [...setup.cliArgs, '--threads', String(options.threads)], spec: { ...setup.spec, threads: options.threads } };
    if (backend === undefined) return threaded;
    return { ...threaded, cliArgs: [...threaded.cliArgs, '--backend', backend], spec: { ...threaded.spec, backend } };
  };
  switch (mode) {
    case 'exact':
      return finish({ mode, input: 'file', cliArgs: [], spec: {} });
    case 'stream':
      return finish({ mode, input: 'stream', cliArgs: ['--stream', '--quiet'], spec: { stream: true } });
    case 'binned': {
      const bins = options.bins === undefined ? [] : ['--bins', String(options.bins)];
      const spec = { stream: true, curveMode: 'binned', ...(options.bins === undefined ? {} : { histogramBins: options.bins }) };
      return finish({ mode, input: 'stream', cliArgs: ['--curve-mode', 'binned', ...bins, '--quiet'], spec });
    }
    default:
      throw new Error(`unknown mode "${mode}" (expected one of ${modeNames.join(', ')})`);
  }
}

/**
 * The cases of one mode at one size: the thread count and backend of each CLI call. The streamed modes run once per
 * thread count, on js (their only kernels); `exact` (whole file) runs on js once per thread count (its sorts split
 * across the threads), and on tfjs once, on one thread, without `--threads` (the tfjs kernels have no threads). Sorted
 * as the results files sort cases: by thread count (1 when none), then js before tfjs.
 *
 * @param {'exact' | 'stream' | 'binned'} mode
 * @param {number[]} threadCounts - from `--threads`, ascending
 * @param {string[]} backends - from `--backends` (only `exact` looks at them; the streamed modes run on js)
 * @returns {{ threads: number | undefined, backend: 'js' | 'tfjs' }[]} `threads` undefined: none passed (1 thread)
 * @example
 * modeRuns('exact', [1, 2], ['js', 'tfjs']);
 * // [{ threads: 1, backend: 'js' }, { threads: undefined, backend: 'tfjs' }, { threads: 2, backend: 'js' }]
 * modeRuns('stream', [1, 2], ['tfjs']); // [{ threads: 1, backend: 'js' }, { threads: 2, backend: 'js' }]
 */
export function modeRuns(mode, threadCounts, backends) {
  if (mode !== 'exact') return threadCounts.map((threads) => ({ threads, backend: 'js' }));
  const runs = [
    ...(backends.includes('js') ? threadCounts.map((threads) => ({ threads, backend: 'js' })) : []),
    ...(backends.includes('tfjs') ? [{ threads: undefined, backend: 'tfjs' }] : []),
  ];
  const order = (run) => backendNames.indexOf(run.backend);
  return runs.sort((a, b) => (a.threads ?? 1) - (b.threads ?? 1) || order(a) - order(b));
}
