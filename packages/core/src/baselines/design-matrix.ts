import type { ReportWarning } from '../report/report-warning.js';

/**
 * A dense float64 design matrix: what the baseline models fit on and predict from.
 *
 * @example
 * ```ts
 * const x: DesignMatrix = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 1), names: ['a', 'b'] };
 * ```
 */
export interface DesignMatrix {
  /** Number of rows (samples). */
  readonly rows: number;
  /** Number of columns (encoded features). */
  readonly cols: number;
  /** The values, row-major: row i, column j at `data[i * cols + j]`. */
  readonly data: Float64Array;
  /** One name per column, e.g. `age`, `age__missing`, `region=eu`. */
  readonly names: string[];
  /** Conditions met while encoding this table (unknown categories, missing values unseen in training). */
  readonly warnings?: ReportWarning[];
}
