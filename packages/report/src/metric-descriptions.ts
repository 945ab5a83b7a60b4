import type { TaskName } from '@modelperf/core';

/** Readable names of metrics; keys not listed are shown as they are. */
const LABELS: Record<string, string> = {
  roc_auc: 'ROC AUC',
  average_precision: 'average precision',
  accuracy: 'accuracy',
  balanced_accuracy: 'balanced accuracy',
  precision: 'precision',
  recall: 'recall (sensitivity)',
  specificity: 'specificity',
  f1: 'F1',
  fbeta: 'F-beta',
  matthews_corrcoef: 'Matthews corr. coef.',
  cohen_kappa: "Cohen's kappa",
  log_loss: 'log loss',
  brier_score_loss: 'Brier score',
  prevalence: 'prevalence (positive share)',
  ks_statistic: 'Kolmogorov-Smirnov',
  expected_calibration_error: 'expected calibration error',
  maximum_calibration_error: 'maximum calibration error',
  mse: 'mean squared error',
  rmse: 'root mean squared error',
  mae: 'mean absolute error',
  median_absolute_error: 'median absolute error',
  max_error: 'max error',
  r2: 'R²',
  explained_variance: 'explained variance',
  mape: 'mean abs. percentage error',
  msle: 'mean squared log error',
  mean_poisson_deviance: 'mean Poisson deviance',
  mean_gamma_deviance: 'mean Gamma deviance',
  d2_absolute_error_score: 'D² absolute error',
  mean_pinball_loss: 'mean pinball loss',
  hamming_loss: 'Hamming loss',
  subset_accuracy: 'subset accuracy',
  label_ranking_average_precision: 'label ranking avg. precision',
  coverage_error: 'coverage error',
  label_ranking_loss: 'label ranking loss',
  map: 'mean average precision',
  mrr: 'mean reciprocal rank',
};

/**
 * A readable name for a metric key.
 * @param key - the metric key
 * @returns the name, or the key itself
 */
export function metricLabel(key: string): string {
  return LABELS[key] ?? key.replace(/_/g, ' ');
}

/**
 * Whether smaller values of a metric are better (losses and errors).
 * @param key - the metric key
 * @returns true for losses, errors and deviances
 */
export function lowerIsBetter(key: string): boolean {
  return /loss|error|^mse$|^rmse$|^mae$|^mape$|^msle$|deviance/.test(key) && !/score$/.test(key);
}

/** The metrics shown per slice in the table, by task (the rest are in the JSON report). */
export const SLICE_METRICS: Record<TaskName, string[]> = {
  binary: ['roc_auc', 'average_precision', 'accuracy', 'f1', 'prevalence'],
  multiclass: ['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc_ovr_macro'],
  multilabel: ['f1_micro', 'f1_macro', 'hamming_loss', 'subset_accuracy'],
  regression: ['rmse', 'mae', 'r2', 'mape'],
  ranking: ['map', 'mrr'],
};
