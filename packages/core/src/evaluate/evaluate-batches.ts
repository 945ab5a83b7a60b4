import type { RecordBatch } from 'apache-arrow';
import type { Report } from '../report/report.js';
import type { EvaluationSpec } from './evaluation-spec.js';
import { StreamRun, type StreamOptions } from './stream-run.js';

export type { StreamOptions } from './stream-run.js';

/**
 * Evaluates record batches as they arrive, one mergeable state per leaf (consecutive batches of at least 2^16 rows,
 * 2^21 for weighted exact binary curves, a bigger batch alone: `leafRowsFor`) merged as it goes: memory holds the states
 * (O(distinct scores) for exact binary curves, O(bins) binned, the values for metrics that need them, e.g. medians),
 * never the input. The result equals evaluating the whole table (to the last bits of float sums).
 *
 * @param batches - record batches of one schema
 * @param spec - task, columns and options; `by` and `ci` need the whole input and are refused here
 * @param options - curve mode, histogram bins, progress callback
 * @returns the report
 * @throws ValidationError for options streaming cannot serve, bad values (naming the row in the whole input), empty input
 * @example
 * ```ts
 * import { evaluateBatches, toTable } from '@modelperf/core';
 * async function* batches() {
 *   yield* toTable({ y: [3, -0.5], yhat: [2.5, 0] }).batches;
 *   yield* toTable({ y: [2, 7], yhat: [2, 8] }).batches;
 * }
 * const report = await evaluateBatches(batches(), { task: 'regression', label: 'y', pred: 'yhat' });
 * console.log(report.rows, report.metrics.mae, report.metrics.mse); // 4 0.5 0.375
 * ```
 */
export async function evaluateBatches(
  batches: AsyncIterable<RecordBatch>,
  spec: EvaluationSpec,
  options: StreamOptions = {},
): Promise<Report> {
  const run = new StreamRun(spec, options);
  for await (const batch of batches) {
    run.addBatch(batch);
    if (batch.numRows > 0) options.onBatch?.(run.rows);
  }
  return run.finish();
}
