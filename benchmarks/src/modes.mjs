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
 * The CLI flags and probe spec of one mode (and, for the streamed modes, one thread count).
 *
 * @param {'exact' | 'stream' | 'binned'} mode
 * @param {{ bins?: number, threads?: number }} [options] - `bins`: histogram bins of the binned mode (default: the
 *   CLI's, 65536); `threads`: worker threads of the streamed modes, appended as `--threads N` and `threads: N`
 *   (default: none, the CLI's default, all cores); `exact` takes no threads
 * @returns {{ mode: string, input: 'file' | 'stream', cliArgs: string[], spec: object }}
 * @throws {Error} on an unknown mode, or threads for `exact`
 * @example
 * modeSetup('binned', { bins: 4096, threads: 2 });
 * // { input: 'stream', cliArgs: ['--curve-mode', 'binned', '--bins', '4096', '--quiet', '--threads', '2'], ... }
 */
export function modeSetup(mode, options = {}) {
  const threaded = (setup) => {
    if (options.threads === undefined) return setup;
    const { cliArgs, spec } = setup;
    return { ...setup, cliArgs: [...cliArgs, '--threads', String(options.threads)], spec: { ...spec, threads: options.threads } };
  };
  switch (mode) {
    case 'exact':
      if (options.threads !== undefined) throw new Error('the exact mode (whole file) runs on one thread: no threads option');
      return { mode, input: 'file', cliArgs: [], spec: {} };
    case 'stream':
      return threaded({ mode, input: 'stream', cliArgs: ['--stream', '--quiet'], spec: { stream: true } });
    case 'binned': {
      const bins = options.bins === undefined ? [] : ['--bins', String(options.bins)];
      const spec = { stream: true, curveMode: 'binned', ...(options.bins === undefined ? {} : { histogramBins: options.bins }) };
      return threaded({ mode, input: 'stream', cliArgs: ['--curve-mode', 'binned', ...bins, '--quiet'], spec });
    }
    default:
      throw new Error(`unknown mode "${mode}" (expected one of ${modeNames.join(', ')})`);
  }
}
