/**
 * The evaluation modes the benchmark compares, per size.
 * - `exact`: the whole-file path (the original benchmark): the `.arrow` file (one batch) read at once, exact curves.
 * - `stream`: `--stream`, exact curves, from the `.arrows` file read batch by batch (2^20 rows) and merged as
 *   mergeable states; the sorted runs of all rows are still held, so memory grows with rows.
 * - `binned`: `--curve-mode binned` (streamed), a fixed score histogram of `bins` bins: O(bins) memory; the report
 *   adds `metrics.roc_auc_max_error`.
 * `cliArgs` go after the benchmark's usual `evaluate <file> --task binary ... --format json`; `spec` is merged into
 * the `evaluateFile` spec of the memory probe; `input` names the data file each mode reads. The streamed modes run on
 * a pool of worker threads (`--threads N`, `threads: N`); `exact` runs on one thread.
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
 *   binned mode (default: the CLI's, 65536); `threads`: worker threads of the streamed modes, appended as
 *   `--threads N` and `threads: N` (default: none, the CLI's default); `exact` takes no threads; `backend`: appended
 *   last as `--backend X` and `backend: X` (default: none, the CLI's `auto`); `tfjs` only for `exact`
 * @returns {{ mode: string, input: 'file' | 'stream', cliArgs: string[], spec: object }}
 * @throws {Error} on an unknown mode or backend, threads for `exact`, or `tfjs` for a streamed mode
 * @example
 * modeSetup('binned', { bins: 4096, threads: 2, backend: 'js' });
 * // { input: 'stream', cliArgs: ['--curve-mode', 'binned', '--bins', '4096', '--quiet', '--threads', '2', '--backend', 'js'], ... }
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
  const finish = (setup) => {
    const threaded = options.threads === undefined
      ? setup
      : { ...setup, cliArgs: [...setup.cliArgs, '--threads', String(options.threads)], spec: { ...setup.spec, threads: options.threads } };
    if (backend === undefined) return threaded;
    return { ...threaded, cliArgs: [...threaded.cliArgs, '--backend', backend], spec: { ...threaded.spec, backend } };
  };
  switch (mode) {
    case 'exact':
      if (options.threads !== undefined) throw new Error('the exact mode (whole file) runs on one thread: no threads option');
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
