/** Short human descriptions of the binary metrics, in report order; `higher` tells which direction is better. */
export const BINARY_METRIC_INFO: ReadonlyArray<{ key: string; label: string; higher: boolean }> = [
  { key: 'roc_auc', label: 'ROC AUC', higher: true },
  { key: 'average_precision', label: 'average precision', higher: true },
  { key: 'accuracy', label: 'accuracy', higher: true },
  { key: 'balanced_accuracy', label: 'balanced accuracy', higher: true },
  { key: 'precision', label: 'precision', higher: true },
  { key: 'recall', label: 'recall (sensitivity)', higher: true },
  { key: 'specificity', label: 'specificity', higher: true },
  { key: 'f1', label: 'F1', higher: true },
  { key: 'fbeta', label: 'F-beta', higher: true },
  { key: 'matthews_corrcoef', label: 'Matthews corr. coef.', higher: true },
  { key: 'cohen_kappa', label: "Cohen's kappa", higher: true },
  { key: 'log_loss', label: 'log loss', higher: false },
  { key: 'brier_score_loss', label: 'Brier score', higher: false },
  { key: 'prevalence', label: 'prevalence (positive share)', higher: true },
];
