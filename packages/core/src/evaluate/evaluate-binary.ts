import type { Kernels } from '../kernels/binary-clf-curve.js';
import { selectKernels } from '../kernels/select-kernels.js';
import { averagePrecision } from '../metrics/curves/average-precision.js';
import { precisionRecallCurve } from '../metrics/curves/precision-recall-curve.js';
import { rocAuc } from '../metrics/curves/roc-auc.js';
import { rocCurve } from '../metrics/curves/roc-curve.js';
import { brierScoreLoss } from '../metrics/binary/brier-score-loss.js';
import { confusionAtThreshold } from '../metrics/binary/confusion-at-threshold.js';
import { logLoss } from '../metrics/binary/log-loss.js';
import { thresholdMetrics } from '../metrics/binary/threshold-metrics.js';
import { REPORT_SCHEMA, type Report } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import { resolveBinaryOptions, type BinaryEvaluationOptions } from './binary-options.js';
import { prepareBinaryRows, type BinaryColumnsInput } from './prepare-binary-rows.js';

/**
 * The full binary-classification report over extracted columns: threshold metrics, ROC AUC, average precision,
 * log loss and Brier score (when scores are probabilities), prevalence, the confusion matrix and optionally the
 * ROC and PR curves — all from one sort of the scores.
 *
 * @param input - label codes, scores, optional weights, and the column names
 * @param options - see `BinaryEvaluationOptions`
 * @param kernels - kernels to use (default: resolved from `options.backend`)
 * @returns the report (without `input` and read timing, which the caller adds)
 * @throws ValidationError for bad input (see `prepareBinaryRows`) or options
 * @see sklearn.metrics (accuracy_score, roc_auc_score, average_precision_score, log_loss, ...)
 * @example
 * ```ts
 * const report = await evaluateBinary({ label, score, names: { label: 'y', score: 'p' } }, { threshold: 0.5 });
 * report.metrics.roc_auc;
 * ```
 */
export async function evaluateBinary(
  input: BinaryColumnsInput,
  options: BinaryEvaluationOptions = {},
  kernels?: Kernels,
): Promise<Report> {
  const started = performance.now();
  const opts = resolveBinaryOptions(options);
  const warnings: ReportWarning[] = [];
  const { rows, labels, dropped } = prepareBinaryRows(input, { posLabel: opts.posLabel, nan: opts.nan }, warnings);
  const k = kernels ?? (await selectKernels(opts.backend));
  const curve = await k.binaryClfCurve(rows);

  const m = curve.thresholds.length;
  const positives = curve.tps[m - 1];
  const total = positives + curve.fps[m - 1];
  const confusion = confusionAtThreshold(curve, opts.threshold);
  const atThreshold = thresholdMetrics(confusion, { beta: opts.beta, zeroDivision: opts.zeroDivision }, warnings);

  const metrics: Record<string, number> = { ...atThreshold };
  metrics.roc_auc = rocAuc(curve);
  if (Number.isNaN(metrics.roc_auc)) {
    warnings.push({ code: 'undefined_metric', message: 'roc_auc is undefined with a single class in the labels (NaN).' });
  }
  metrics.average_precision = averagePrecision(curve);
  if (positives === 0) {
    warnings.push({ code: 'undefined_metric', message: 'average_precision is ill-defined without positive labels; reported as 0.' });
  }
  const minScore = curve.thresholds[m - 1];
  const maxScore = curve.thresholds[0];
  if (minScore >= 0 && maxScore <= 1) {
    metrics.log_loss = logLoss(curve);
    metrics.brier_score_loss = brierScoreLoss(rows);
  } else {
    warnings.push({
      code: 'not_probabilities',
      message: `Scores range over [${minScore}, ${maxScore}], not [0, 1]: log_loss and brier_score_loss are omitted.`,
    });
  }
  metrics.prevalence = positives / total;

  const report: Report = {
    schema: REPORT_SCHEMA,
    task: 'binary',
    rows: rows.scores.length,
    backend: { name: k.name, device: k.device },
    columns: { label: input.names.label, score: input.names.score, ...(input.names.weight ? { weight: input.names.weight } : {}) },
    options: { pos_label: labels.positive, threshold: opts.threshold, beta: opts.beta, zero_division: opts.zeroDivision },
    metrics,
    confusion_matrix: {
      labels: [labels.negative, labels.positive],
      matrix: [[confusion.tn, confusion.fp], [confusion.fn, confusion.tp]],
    },
    warnings: [],
    timing_ms: { compute: 0, total: 0 },
  };
  if (opts.curves) {
    const roc = rocCurve(curve, { dropIntermediate: true });
    const pr = precisionRecallCurve(curve);
    report.curves = {
      roc: { fpr: Array.from(roc.fpr), tpr: Array.from(roc.tpr), thresholds: Array.from(roc.thresholds) },
      pr: { precision: Array.from(pr.precision), recall: Array.from(pr.recall), thresholds: Array.from(pr.thresholds) },
    };
  }
  if (opts.nan === 'drop') report.dropped_rows = dropped;
  report.warnings = dedupeWarnings(warnings);
  const elapsed = performance.now() - started;
  report.timing_ms = { compute: round(elapsed), total: round(elapsed) };
  return report;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function dedupeWarnings(warnings: ReportWarning[]): ReportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => (seen.has(w.message) ? false : (seen.add(w.message), true)));
}
