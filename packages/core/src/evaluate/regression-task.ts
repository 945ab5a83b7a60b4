import type { Table } from 'apache-arrow';
import { getColumn, toNumericArray } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { regressionMetrics } from '../metrics/regression/regression-metrics.js';
import { RegressionState } from '../states/regression/index.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { RegressionSpec } from './evaluation-spec.js';
import { gatherRows } from './gather-rows.js';
import type { PreparedTask } from './prepared-task.js';
import { validRows } from './row-validation.js';

type Values = Float64Array | Float32Array;

/**
 * Validates the columns of a regression task in a table.
 * @param table - the data
 * @param spec - the regression spec
 * @returns the prepared task
 * @throws SchemaError for missing/non-numeric columns; ValidationError for nulls (policy `error`), infinities,
 * negative weights or a quantile outside (0, 1)
 * @example
 * ```ts
 * const task = prepareRegressionTask(table, { task: 'regression', label: 'y', pred: 'yhat' });
 * ```
 */
export function prepareRegressionTask(table: Table, spec: RegressionSpec): PreparedTask {
  const quantile = spec.quantile ?? 0.5;
  if (!(quantile > 0 && quantile < 1)) {
    throw new ValidationError('invalid_argument', `quantile must lie strictly between 0 and 1, got ${quantile}.`);
  }
  let y: Values = toNumericArray(getColumn(table, spec.label), spec.label).values;
  let p: Values = toNumericArray(getColumn(table, spec.pred), spec.pred).values;
  let w: Values | undefined = spec.weight !== undefined ? toNumericArray(getColumn(table, spec.weight), spec.weight).values : undefined;
  if (y.length === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  const warnings: ReportWarning[] = [];
  const keep = validRows(y.length, [
    { name: spec.label, values: y },
    { name: spec.pred, values: p },
    ...(w !== undefined && spec.weight !== undefined ? [{ name: spec.weight, values: w, nonNegative: true }] : []),
  ], spec.nan ?? 'error', warnings, spec.rowOffset);
  const dropped = keep !== undefined ? y.length - keep.length : 0;
  if (keep !== undefined) {
    y = gatherRows(y, keep);
    p = gatherRows(p, keep);
    if (w !== undefined) w = gatherRows(w, keep);
  }
  const columns = { label: spec.label, pred: spec.pred, ...(spec.weight !== undefined ? { weight: spec.weight } : {}) };
  const build = (yy: Values, pp: Values, ww: Values | undefined, drop: number, warn: ReportWarning[], source?: Uint32Array): PreparedTask => ({
    task: 'regression',
    rows: yy.length,
    columns,
    options: { quantile },
    sourceRows: source,
    dropped: drop,
    warnings: warn,
    async evaluate(_kernels, detail) {
      const r = regressionMetrics(yy, pp, { weights: ww, quantile, names: { label: spec.label, pred: spec.pred } });
      return { metrics: r.metrics, sections: detail ? { residuals: r.residuals } : {}, warnings: r.warnings };
    },
    subset: (idx) => build(gatherRows(yy, idx), gatherRows(pp, idx), ww !== undefined ? gatherRows(ww, idx) : undefined, 0, []),
    toState: () => new RegressionState({ quantile, names: { label: spec.label, pred: spec.pred } }).update({ yTrue: yy, yPred: pp, weights: ww }),
  });
  return build(y, p, w, dropped, warnings, keep);
}
