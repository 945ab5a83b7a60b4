/**
 * The evaluation modes the benchmark compares, per size.
 * - `exact`: the whole-file path (the original benchmark): the `.arrow` file (one batch) read at once, exact curves.
 * - `stream`: `--stream`, exact curves, from the `.arrows` file read batch by batch (2^20 rows) and merged as
 *   mergeable states; the sorted runs of all rows are still held, so memory grows with rows.
 * - `binned`: `--curve-mode binned` (streamed), a fixed score histogram of `bins` bins: O(bins) memory; the report
 *   adds `metrics.roc_auc_max_error`.
 * `cliArgs` go after the benchmark's usual `evaluate <file> --task binary ... --format json`; `spec` is merged into
 * the `evaluateFile` spec of the memory probe; `input` names the data file each mode reads.
 */
export const modeNames = Object.freeze(['exact', 'stream', 'binned']);

/**
 * @param {'exact' | 'stream' | 'binned'} mode
 * @param {{ bins?: number }} [options] - `bins`: histogram bins of the binned mode (default: the CLI's, 65536)
 * @returns {{ mode: string, input: 'file' | 'stream', cliArgs: string[], spec: object }}
 * @example
 * modeSetup('binned', { bins: 4096 }); // { input: 'stream', cliArgs: ['--curve-mode', 'binned', '--bins', '4096', '--quiet'], ... }
 */
export function modeSetup(mode, options = {}) {
  switch (mode) {
    case 'exact':
      return { mode, input: 'file', cliArgs: [], spec: {} };
    case 'stream':
      return { mode, input: 'stream', cliArgs: ['--stream', '--quiet'], spec: { stream: true } };
    case 'binned': {
      const bins = options.bins === undefined ? [] : ['--bins', String(options.bins)];
      const spec = { stream: true, curveMode: 'binned', ...(options.bins === undefined ? {} : { histogramBins: options.bins }) };
      return { mode, input: 'stream', cliArgs: ['--curve-mode', 'binned', ...bins, '--quiet'], spec };
    }
    default:
      throw new Error(`unknown mode "${mode}" (expected one of ${modeNames.join(', ')})`);
  }
}
