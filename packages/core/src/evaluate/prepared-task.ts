import type { PrefixRowPool } from '../states/binary/prefix-row-pool.js';
import type { Kernels } from '../kernels/binary-clf-curve.js';
import type { LabelValue, ReportInterval, TaskName } from '../report/report.js';
import type { MetricState } from '../states/metric-state.js';
import type { ReportWarning } from '../report/report-warning.js';

/** What one task computes over a set of rows. */
export interface TaskResult {
  metrics: Record<string, number>;
  /** Report sections beside `metrics` (confusion_matrix, per_class, curves, calibration, ...). */
  sections: Record<string, unknown>;
  warnings: ReportWarning[];
}

/**
 * A task's validated columns, ready to evaluate — on all rows, on a slice, or on a bootstrap sample.
 * One implementation per task; `evaluateTable` drives them.
 */
export interface PreparedTask {
  readonly task: TaskName;
  /** Rows to evaluate. */
  readonly rows: number;
  readonly columns: Record<string, string | string[]>;
  readonly options: Record<string, unknown>;
  /** Table positions of the rows (undefined: every row of the table, in order). */
  readonly sourceRows?: Uint32Array;
  /** Rows dropped by `nan: 'drop'`. */
  readonly dropped: number;
  /** Warnings from validation. */
  readonly warnings: ReportWarning[];
  /**
   * Computes the metrics.
   * @param kernels - the backend
   * @param detail - true for the full report (curves, tables), false for metrics only (slices, bootstrap)
   * @param last - the task's last use (no `subset`, intervals or state follow): a binary task may then sort the copies
   *   it made of its columns in place, and a table's own columns when the table was given away (`prepareTask`'s
   *   `consumeTable`), instead of copying them first
   */
  evaluate(kernels: Kernels, detail: boolean, last?: boolean): Promise<TaskResult>;
  /** The same task over the rows at these positions (may repeat). */
  subset(indices: Uint32Array): PreparedTask;
  /** Closed-form intervals the task offers (e.g. DeLong for ROC AUC), at a confidence level. */
  analyticIntervals?(level: number): Record<string, ReportInterval>;
  /**
   * A mergeable state holding these rows (streaming: one per leaf of batches, merged). The task's last use: the
   * state may take over copies the task made of its columns (binary scores joined from several chunks are sorted in
   * place), so `evaluate`, `subset` and intervals must not follow it.
   */
  toState(context: StreamContext): MetricState<unknown>;
}

/** What the batches of one stream share, for building mergeable states that can be merged. */
export interface StreamContext {
  /** Binary curve mode: exact sorted runs (default) or a histogram of `histogramBins` bins. */
  readonly curveMode: 'exact' | 'binned';
  readonly histogramBins?: number;
  /**
   * Binary: the batch is prepared with the stream's final positive label, so its state need not support
   * `swapClasses` (the binned state then keeps the log-loss and Brier sums of one labelling instead of two).
   */
  readonly settledClasses?: boolean;
  /**
   * Binary exact: the stream's pool of waiting-row buffers (`PrefixRowPool`), so that rows arriving after a sort
   * reuse the buffers it consumed.
   */
  readonly rowBuffers?: PrefixRowPool;
  /** The stream-wide id of a ranking query value (batch-local codes differ between batches). */
  queryId(value: LabelValue): number;
  /** Query values by stream-wide id (grows as batches arrive). */
  readonly queryValues: LabelValue[];
}
