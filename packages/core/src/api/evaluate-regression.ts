import type { RegressionSpec } from '../evaluate/evaluation-spec.js';
import type { Report } from '../report/report.js';
import type { ColumnInput } from './column-vector.js';
import { evaluateColumns } from './evaluate-columns.js';

/** The columns of a regression evaluation. */
export interface RegressionColumns {
  /** True values. */
  label: ColumnInput;
  /** Predicted values. */
  pred: ColumnInput;
  /** Non-negative sample weights. */
  weight?: ColumnInput;
}

/** Options of {@link evaluateRegression}: a regression spec without the task and column names. */
export type EvaluateRegressionOptions = Omit<RegressionSpec, 'task' | 'label' | 'pred' | 'weight' | 'by'>;

/**
 * Evaluates a regression model: MAE, MSE, RMSE, R², explained variance, median absolute error, MAPE, pinball loss and
 * the rest of the regression metrics, as scikit-learn computes them.
 *
 * @param columns - `label`, `pred` and optional `weight`
 * @param options - quantile, nan, ci, ... (as {@link RegressionSpec})
 * @returns the report
 * @throws ValidationError for bad options or values
 * @see sklearn.metrics.r2_score, sklearn.metrics.mean_absolute_error
 * @example
 * ```ts
 * import { evaluateRegression } from '@modelperf/core';
 * const report = await evaluateRegression({ label: [3, -0.5, 2, 7], pred: [2.5, 0, 2, 8] });
 * console.log(report.metrics.mae, report.metrics.mse); // 0.5 0.375
 * ```
 */
export function evaluateRegression(columns: RegressionColumns, options: EvaluateRegressionOptions = {}): Promise<Report> {
  return evaluateColumns(
    { label: columns.label, pred: columns.pred, weight: columns.weight },
    { ...options, task: 'regression', label: 'label', pred: 'pred', ...(columns.weight !== undefined ? { weight: 'weight' } : {}) },
  );
}
