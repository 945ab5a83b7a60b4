import type { BinaryClfCurve, BinaryRows, Kernels } from '../kernels/binary-clf-curve.js';
import { precisionRecallCurve } from '../metrics/curves/precision-recall-curve.js';
import { rocCurve } from '../metrics/curves/roc-curve.js';
import { confusionAtThreshold } from '../metrics/binary/confusion-at-threshold.js';
import { curveSummary, withLossSums, type CurveLossSums, type CurveSummary } from '../metrics/binary/curve-summary.js';
import type { BinaryLabels } from '../metrics/binary/resolve-binary-labels.js';
import { thresholdMetrics } from '../metrics/binary/threshold-metrics.js';
import { calibrationFromCurve, gainsTable, thresholdSweep } from '../metrics/binary-extras/index.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { ResolvedBinaryOptions } from './binary-options.js';
import { InternalError } from '../errors.js';
import type { CurveDigest, CurvePassOptions } from '../metrics/binary/curve-pass.js';
import type { TaskResult } from './prepared-task.js';

/** Options of the binary sections beyond the threshold metrics. */
export interface BinaryDetailOptions {
  /** Calibration bins (default 10). */
  bins?: number;
  costFp?: number;
  costFn?: number;
}

/**
 * Every binary metric of validated rows, from one sort of the scores.
 *
 * @param rows - validated rows
 * @param labels - the resolved negative and positive labels
 * @param opts - resolved options
 * @param kernels - the backend
 * @param detail - include the confusion matrix, calibration, gains and best thresholds and, when asked, curves and the
 * full threshold sweep (false: scalar metrics only)
 * @param extra - calibration bins and the costs of errors for the cost-optimal threshold
 * @returns metrics, sections and warnings
 * @example
 * ```ts
 * const { metrics } = await binaryResult(rows, labels, resolveBinaryOptions({}), jsKernels, false);
 * ```
 */
export async function binaryResult(
  rows: BinaryRows,
  labels: BinaryLabels,
  opts: ResolvedBinaryOptions,
  kernels: Kernels,
  detail: boolean,
  extra: BinaryDetailOptions = {},
): Promise<TaskResult> {
  const curve = await kernels.binaryClfCurve(rows);
  return binaryMetricsSharingLosses(curve, labels, opts, detail, extra, kernels.curveLossSums?.bind(kernels));
}

/**
 * `binaryMetricsFromCurve` with the curve's loss sums (`curveLossSums`) computed elsewhere — on another thread — while
 * this one runs the rest of the curve's pass (`curveSummary`): the same result, to the last bit.
 * @param curve - as `binaryMetricsFromCurve`
 * @param labels - as `binaryMetricsFromCurve`
 * @param opts - as `binaryMetricsFromCurve`
 * @param detail - as `binaryMetricsFromCurve`
 * @param extra - as `binaryMetricsFromCurve`
 * @param lossSums - starts the loss sums of a curve elsewhere, or returns undefined when it would not (then, or without
 *   it, everything runs here)
 * @returns metrics, sections and warnings
 * @example
 * ```ts
 * const result = await binaryMetricsSharingLosses(curve, labels, opts, true, {}, (c) => pool.run({ kind: 'curve-losses', ...c }));
 * ```
 */
export async function binaryMetricsSharingLosses(
  curve: BinaryClfCurve,
  labels: BinaryLabels,
  opts: ResolvedBinaryOptions,
  detail: boolean,
  extra: BinaryDetailOptions,
  lossSums?: (curve: BinaryClfCurve) => Promise<CurveLossSums> | undefined,
): Promise<TaskResult> {
  const elsewhere = lossSums !== undefined && probabilityScores(curve) ? lossSums(curve) : undefined;
  if (elsewhere === undefined) return binaryMetricsFromCurve(curve, labels, opts, detail, extra);
  // A failure here must not leave the other thread's rejection unhandled.
  elsewhere.catch(() => undefined);
  const sweep = curveSummary(curve, { probabilities: false, costFp: extra.costFp ?? 1, costFn: extra.costFn ?? 1 });
  return binaryMetricsFromCurve(curve, labels, opts, detail, extra, withLossSums(sweep, await elsewhere, curve));
}

/** Whether every score of the curve is in [0, 1] (then log loss, Brier and calibration are reported). */
function probabilityScores(curve: BinaryClfCurve): boolean {
  const m = curve.thresholds.length;
  return m > 0 && curve.thresholds[m - 1] >= 0 && curve.thresholds[0] <= 1;
}

/**
 * Every binary metric from the shared curve state alone — what one-shot evaluation and mergeable states both report.
 *
 * @param curve - distinct thresholds with cumulative tps/fps
 * @param labels - the resolved negative and positive labels
 * @param opts - resolved options
 * @param detail - include the sections (see `binaryResult`)
 * @param extra - calibration bins and error costs
 * @param summary - `curveSummary` of this curve with these costs, when already computed (`binaryMetricsSharingLosses`)
 * @returns metrics, sections and warnings
 * @example
 * ```ts
 * binaryMetricsFromCurve(jsBinaryClfCurve(rows), labels, resolveBinaryOptions({}), true);
 * ```
 */
export function binaryMetricsFromCurve(
  curve: BinaryClfCurve,
  labels: BinaryLabels,
  opts: ResolvedBinaryOptions,
  detail: boolean,
  extra: BinaryDetailOptions = {},
  summary?: CurveSummary,
): TaskResult {
  const m = curve.thresholds.length;
  const probabilities = probabilityScores(curve);
  // One pass over the curve for every metric that reads all of it (see curveSummary).
  summary ??= curveSummary(curve, { probabilities, costFp: extra.costFp ?? 1, costFn: extra.costFn ?? 1 });
  const digest: CurveDigest = {
    runs: m,
    positives: m > 0 ? curve.tps[m - 1] : 0,
    negatives: m > 0 ? curve.fps[m - 1] : 0,
    minScore: m > 0 ? curve.thresholds[m - 1] : NaN,
    maxScore: m > 0 ? curve.thresholds[0] : NaN,
    confusion: confusionAtThreshold(curve, opts.threshold),
    summary,
    calibration: probabilities ? calibrationFromCurve(curve, { bins: extra.bins ?? 10, strategy: 'uniform' }) : undefined,
    gains: detail ? gainsTable(curve, { groups: GAINS_GROUPS }) : undefined,
  };
  return binaryMetricsFromDigest(digest, labels, opts, detail, extra, curve);
}

/** Groups of the report's gains table (deciles). */
export const GAINS_GROUPS = 10;

/**
 * What a {@link CurvePass} over a curve's runs needs to give `binaryMetricsFromDigest` what `binaryMetricsFromCurve`
 * reads off the whole curve.
 * @param opts - resolved options (the threshold)
 * @param detail - include the sections (then the gains table)
 * @param extra - calibration bins and error costs
 * @returns the pass's options
 */
export function curvePassOptions(opts: ResolvedBinaryOptions, detail: boolean, extra: BinaryDetailOptions = {}): CurvePassOptions {
  return {
    threshold: opts.threshold, costFp: extra.costFp ?? 1, costFn: extra.costFn ?? 1, calibrationBins: extra.bins ?? 10,
    gainsGroups: detail ? GAINS_GROUPS : undefined,
  };
}

/**
 * Every binary metric from what the report reads off the curve (`binaryMetricsFromCurve` computes the digest from the
 * curve's arrays; a stream's exact state from its runs as they are sorted, with a `CurvePass`).
 * @param digest - the curve's totals, extremes, confusion at the threshold, summary, calibration and gains
 * @param labels - the resolved negative and positive labels
 * @param opts - resolved options (with `curves`, `curve` is needed)
 * @param detail - include the sections (see `binaryResult`)
 * @param extra - calibration bins and error costs
 * @param curve - the whole curve, for the per-threshold arrays of `opts.curves`
 * @returns metrics, sections and warnings
 * @throws InternalError when the curves are asked for without the curve
 */
export function binaryMetricsFromDigest(
  digest: CurveDigest,
  labels: BinaryLabels,
  opts: ResolvedBinaryOptions,
  detail: boolean,
  extra: BinaryDetailOptions = {},
  curve?: BinaryClfCurve,
): TaskResult {
  const warnings: ReportWarning[] = [];
  const { positives, confusion, summary, calibration, minScore, maxScore } = digest;
  const total = positives + digest.negatives;
  const metrics: Record<string, number> = {
    ...thresholdMetrics(confusion, { beta: opts.beta, zeroDivision: opts.zeroDivision }, warnings),
  };
  const probabilities = digest.runs > 0 && minScore >= 0 && maxScore <= 1;
  metrics.roc_auc = summary.rocAuc;
  if (Number.isNaN(metrics.roc_auc)) {
    warnings.push({ code: 'undefined_metric', message: 'roc_auc is undefined with a single class in the labels (NaN).' });
  }
  metrics.average_precision = summary.averagePrecision;
  if (positives === 0) {
    warnings.push({ code: 'undefined_metric', message: 'average_precision is ill-defined without positive labels; reported as 0.' });
  }
  if (probabilities) {
    metrics.log_loss = summary.logLoss;
    metrics.brier_score_loss = summary.brier;
  } else {
    warnings.push({
      code: 'not_probabilities',
      message: `Scores range over [${minScore}, ${maxScore}], not [0, 1]: log_loss and brier_score_loss are omitted.`,
    });
  }
  metrics.prevalence = total > 0 ? positives / total : NaN;
  metrics.ks_statistic = summary.ks;
  if (calibration !== undefined) {
    metrics.expected_calibration_error = calibration.ece;
    metrics.maximum_calibration_error = calibration.mce;
  }

  const sections: Record<string, unknown> = {};
  if (detail) {
    sections.confusion_matrix = {
      labels: [labels.negative, labels.positive],
      matrix: [[confusion.tn, confusion.fp], [confusion.fn, confusion.tp]],
    };
    if (calibration !== undefined) sections.calibration = calibration;
    if (digest.gains === undefined) throw new InternalError('A detailed binary report needs the gains table of its curve.');
    sections.gains = digest.gains;
    const costs = { cost_fp: extra.costFp ?? 1, cost_fn: extra.costFn ?? 1 };
    if (opts.curves && curve === undefined) throw new InternalError('The per-threshold curves of a binary report need the whole curve.');
    sections.threshold_sweep = opts.curves && curve !== undefined
      ? thresholdSweep(curve, { costFp: costs.cost_fp, costFn: costs.cost_fn })
      : { best: summary.best, ...costs, thresholds: digest.runs, note: 'per-threshold arrays with --curves' };
    if (opts.curves && curve !== undefined) {
      const roc = rocCurve(curve, { dropIntermediate: true });
      const pr = precisionRecallCurve(curve);
      sections.curves = {
        roc: { fpr: Array.from(roc.fpr), tpr: Array.from(roc.tpr), thresholds: Array.from(roc.thresholds) },
        pr: { precision: Array.from(pr.precision), recall: Array.from(pr.recall), thresholds: Array.from(pr.thresholds) },
      };
    }
  }
  return { metrics, sections, warnings };
}
