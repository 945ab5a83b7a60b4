import { REPORT_SCHEMA, type Report } from '@modelperf/core';

/** A binary report with curves of `n` points, shaped like `modelperf evaluate --curves` output. */
export function binaryReport(n = 1000): Report {
  const fpr: number[] = [0];
  const tpr: number[] = [0];
  const thresholds: number[] = [Infinity];
  for (let i = 1; i <= n; i++) {
    const x = i / n;
    fpr.push(x);
    tpr.push(Math.min(1, Math.sqrt(x) + (i % 7) * 1e-4));
    thresholds.push(1 - x);
  }
  const recall = tpr.slice().reverse();
  const precision = recall.map((r) => 0.2 + 0.8 * (1 - r) ** 2);
  const sweepT = thresholds.slice(1);
  return {
    schema: REPORT_SCHEMA, task: 'binary', rows: n * 10, input: { path: 'data.arrow', format: 'arrow' },
    backend: { name: 'js', device: 'cpu' }, columns: { label: 'label', score: 'score' },
    options: { pos_label: 1, threshold: 0.5, beta: 1, ci: 0.95 },
    metrics: { accuracy: 0.9, roc_auc: 0.87, average_precision: 0.64, prevalence: 0.2, expected_calibration_error: 0.02, log_loss: 0.3 },
    intervals: { roc_auc: { low: 0.86, high: 0.88, level: 0.95, method: 'delong' } },
    confusion_matrix: { labels: [0, 1], matrix: [[700, 100], [50, 150]] },
    curves: { roc: { fpr, tpr, thresholds }, pr: { precision, recall, thresholds } },
    calibration: { strategy: 'uniform', bins: [0, 1, 2, 3, 4].map((b) => ({ lower: b / 5, upper: (b + 1) / 5, count: 100 - b * 10, mean_predicted: b / 5 + 0.1, fraction_positive: b / 5 + 0.08 })) },
    gains: { groups: [1, 2, 3].map((g) => ({ group: g, threshold: 1 - g / 3, rows: 10, positives: 4 - g, cumulative_share_of_rows: g / 3, cumulative_share_of_positives: [0.5, 0.83, 1][g - 1], lift: 1.5 / g, cumulative_lift: 1.2 })) },
    threshold_sweep: {
      best: { f1: { threshold: 0.3, value: 0.64 } },
      threshold: sweepT, precision: sweepT.map((t) => 0.2 + 0.7 * t), recall: sweepT.map((t) => 1 - t), f1: sweepT.map((t) => 0.5 - (t - 0.3) ** 2),
    },
    warnings: [{ code: 'zero_division', message: 'precision is 0/0 at <threshold> 1' }],
    timing_ms: { read: 5, compute: 10, total: 15 },
  } as Report;
}

/** A small regression report with slices and intervals. */
export function regressionReport(): Report {
  return {
    schema: REPORT_SCHEMA, task: 'regression', rows: 100, backend: { name: 'js', device: 'cpu' },
    columns: { label: 'y', pred: 'p' }, options: {}, metrics: { rmse: 2, mae: 1.5, r2: 0.8 },
    residuals: {
      quantiles: [0, 0.25, 0.5, 0.75, 1].map((q) => ({ q, value: (q - 0.5) * 4 })), mean: 0, std: 1.2, min: -2, max: 2,
      by_prediction: [0, 1, 2, 3].map((i) => ({
        pred_low: 10 * i, pred_high: 10 * i + 9, count: 25, mean_predicted: 10 * i + 4.5, mean_actual: 10 * i + 4 + i / 2,
        mean_residual: i / 2 - 0.5, residual_p10: -2, residual_p90: 2,
      })),
    },
    slices: ['a', 'b'].map((value, i) => ({ column: 'seg', value, rows: 50, metrics: { rmse: 2 + i, mae: 1 + i, r2: 0.7 }, intervals: { rmse: { low: 1.8 + i, high: 2.2 + i, level: 0.9, method: 'bootstrap' as const } } })),
    warnings: [], timing_ms: { compute: 1, total: 1 },
  } as Report;
}

/** A multiclass report with per-class results. */
export function multiclassReport(): Report {
  return {
    schema: REPORT_SCHEMA, task: 'multiclass', rows: 30, backend: { name: 'js', device: 'cpu' },
    columns: { label: 'y', scores: ['p0', 'p1', 'p2'] }, options: {}, metrics: { accuracy: 0.7 },
    confusion_matrix: { labels: ['cat', 'dog', 'eel'], matrix: [[8, 1, 1], [2, 7, 1], [0, 3, 7]] },
    per_class: ['cat', 'dog', 'eel'].map((c) => ({ class: c, precision: 0.7, recall: 0.7, f1: 0.7, support: 10 })),
    warnings: [], timing_ms: { compute: 1, total: 1 },
  } as Report;
}
