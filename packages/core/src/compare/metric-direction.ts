/** Whether higher or lower values of a metric are better; `none` for descriptive numbers such as prevalence. */
export type MetricDirection = 'higher' | 'lower' | 'none';

/** Metrics that describe the data, not the model. */
const DESCRIPTIVE = new Set(['prevalence', 'queries', 'documents', 'support']);

/**
 * Whether higher or lower values of a metric are better, following scikit-learn's naming: `*_loss`, `*_error`,
 * `*_deviance` and the error abbreviations (mse, rmse, mae, mape, msle, max_error) are lower-is-better; `*_score`,
 * accuracies, AUCs and the rest higher-is-better; prevalence is neither.
 *
 * @param metric - a metric key of a report
 * @returns `higher`, `lower` or `none`
 * @example
 * ```ts
 * import { metricDirection } from '@modelperf/core';
 * console.log(metricDirection('roc_auc'), metricDirection('log_loss'), metricDirection('prevalence')); // higher lower none
 * ```
 */
export function metricDirection(metric: string): MetricDirection {
  if (DESCRIPTIVE.has(metric)) return 'none';
  if (/score$/.test(metric)) return 'higher';
  if (/loss|error|deviance|^mse$|^rmse$|^mae$|^mape$|^msle$|^rmsle$/.test(metric)) return 'lower';
  return 'higher';
}
