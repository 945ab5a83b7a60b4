import type { Report } from '../report/report.js';
import type { EvaluationSpec } from '../evaluate/evaluation-spec.js';
import { evaluateTable } from '../evaluate/evaluate-table.js';
import { checkSpec } from './check-spec.js';
import { toTable, type TableInput } from './table-input.js';

/**
 * Evaluates predictions as a spec says: any task, over an Arrow table, record batches or plain named columns. The
 * one-call entry point of the library; the CLI's `modelperf evaluate` computes the same report.
 *
 * @param data - an Arrow `Table`, `RecordBatch` (or several), or named columns (Vectors, typed arrays, plain arrays)
 * @param spec - the task, its columns and options (see {@link EvaluationSpec}); checked first with {@link checkSpec}
 * @returns the report (plain JSON-able object; `reportToJson` writes it)
 * @throws ValidationError for a bad spec or bad values (naming column, row and fix); SchemaError for a missing or
 * mistyped column
 * @example
 * ```ts
 * import { evaluate } from '@modelperf/core';
 * const report = await evaluate(
 *   { y: [0, 0, 1, 1], p: [0.1, 0.4, 0.35, 0.8] },
 *   { task: 'binary', label: 'y', score: 'p', backend: 'js' },
 * );
 * console.log(report.metrics.roc_auc); // 0.75
 * ```
 */
export async function evaluate(data: TableInput, spec: EvaluationSpec): Promise<Report> {
  checkSpec(spec);
  return evaluateTable(toTable(data), spec);
}
