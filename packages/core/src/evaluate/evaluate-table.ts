import type { Table } from 'apache-arrow';
import { getColumn, toLabelCodes, toNumericArray } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import type { Report } from '../report/report.js';
import { evaluateBinary } from './evaluate-binary.js';
import type { EvaluationSpec } from './evaluation-spec.js';

/**
 * Evaluates the columns of an Arrow table as the spec says.
 *
 * @param table - an Arrow `Table` (any number of record batches)
 * @param spec - task, column names and options
 * @returns the report
 * @throws SchemaError for a missing or non-numeric column; ValidationError for bad values (see `evaluateBinary`)
 * @example
 * ```ts
 * const report = await evaluateTable(table, { task: 'binary', label: 'y', score: 'p' });
 * ```
 */
export async function evaluateTable(table: Table, spec: EvaluationSpec): Promise<Report> {
  if (spec.task !== 'binary') {
    throw new ValidationError('invalid_argument', `Unknown task "${String(spec.task)}"; this version evaluates: binary.`);
  }
  const started = performance.now();
  const label = toLabelCodes(getColumn(table, spec.label), spec.label);
  const score = toNumericArray(getColumn(table, spec.score), spec.score).values;
  const weight = spec.weight !== undefined ? toNumericArray(getColumn(table, spec.weight), spec.weight).values : undefined;
  const extracted = performance.now() - started;
  const report = await evaluateBinary(
    { label, score, weight, names: { label: spec.label, score: spec.score, weight: spec.weight } },
    spec,
  );
  const compute = Math.round((report.timing_ms.compute + extracted) * 10) / 10;
  report.timing_ms = { compute, total: compute };
  return report;
}
