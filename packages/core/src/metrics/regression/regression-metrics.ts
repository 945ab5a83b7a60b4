import { radixSortFloat64 } from '../../kernels/js/radix-sort-float64.js';
import { selectDifferenceRanks } from '../../kernels/js/select-ranks.js';
import type { ReportWarning } from '../../report/report-warning.js';
import { binsByPrediction, PREDICTION_BINS, type PredictionBin } from './bins-by-prediction.js';
import { linearQuantileOfSorted } from './linear-quantile-of-sorted.js';
import { linearQuantilesByRanks, linearQuantilesOfDifferences } from './linear-quantiles-by-ranks.js';
import { validateRegressionInputs } from './validate-regression-inputs.js';
import { weightedPercentileOfSorted } from './weighted-percentile.js';

/** A numeric column of targets, predictions or weights. */
export type NumericArray = Float64Array | Float32Array;

/** Options of {@link regressionMetrics}. */
export interface RegressionOptions {
  /** Non-negative sample weights, one per row (positive total). Every metric but `max_error` uses them. */
  weights?: NumericArray;
  /** The pinball-loss alpha in [0, 1] (default 0.5). */
  quantile?: number;
  /** Column names used in messages (default `y_true` and `y_pred`). */
  names?: { label: string; pred: string };
}

/** Regression metrics, a residual summary and the warnings raised on the way. */
export interface RegressionResult {
  /**
   * mse, rmse, mae, median_absolute_error, max_error, r2, explained_variance, mape, msle, mean_poisson_deviance,
   * mean_gamma_deviance, d2_absolute_error_score, mean_pinball_loss. A metric whose domain rule fails is absent.
   */
  metrics: Record<string, number>;
  /**
   * Unweighted summary of residual = y_true - y_pred (std is the population std, ddof = 0). `by_prediction` groups the
   * rows into up to {@link PREDICTION_BINS} equal-count bins of the prediction, for a predicted-vs-actual plot without rows.
   */
  residuals: {
    quantiles: Array<{ q: number; value: number }>;
    mean: number;
    std: number;
    min: number;
    max: number;
    by_prediction: PredictionBin[];
  };
  /** `metric_domain`, `constant_target`, `undefined_metric` and `near_zero_target` warnings. */
  warnings: Array<{ code: string; message: string }>;
}

export { PREDICTION_BINS, type PredictionBin };

/** The residual quantiles reported (numpy.quantile, linear). */
const RESIDUAL_QS = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1] as const;
/** float64 machine epsilon: sklearn's floor on |y_true| in the MAPE denominator. */
const EPS = 2 ** -52;

/** The first row breaking a metric's domain rule. */
interface DomainBreak {
  row: number;
  pred: boolean;
  value: number;
}

/**
 * Regression metrics of predictions against targets, exactly as scikit-learn 1.2 defines them.
 * Pure: never mutates its inputs; float32 inputs are promoted to float64.
 *
 * @param yTrue - the targets (finite)
 * @param yPred - the predictions (finite), as long as `yTrue`
 * @param options - `weights` (non-negative, positive total), `quantile` (pinball alpha, default 0.5), column `names`
 * @returns the metrics, the residual summary and the warnings
 * @throws ValidationError `empty_input` (no rows), `length_mismatch`, `invalid_input` (non-finite values, negative or
 * all-zero weights), `invalid_argument` (quantile outside [0, 1])
 * @remarks With d = y - p and weighted means E_w[x] = sum w x / sum w:
 * mse = E_w[d^2], rmse = sqrt(mse), mae = E_w|d|, median_absolute_error = median |d| (weighted: sklearn's lower weighted
 * percentile), max_error = max |d| (unweighted), r2 = 1 - sum w d^2 / sum w (y - E_w y)^2,
 * explained_variance = 1 - E_w[(d - E_w d)^2] / E_w[(y - E_w y)^2], mape = E_w[|d| / max(|y|, eps)],
 * msle = E_w[(log1p y - log1p p)^2] (y, p >= 0), Poisson = E_w[2 (xlogy(y, y / p) - y + p)] (y >= 0, p > 0),
 * gamma = E_w[2 (log(p / y) + y / p - 1)] (y, p > 0), pinball_a = E_w[a d if d >= 0 else (a - 1) d],
 * d2_absolute_error = 1 - pinball_0.5(y, p) / pinball_0.5(y, median y).
 * Edge conventions (sklearn `force_finite=True`): a zero numerator gives 1, a zero denominator with a nonzero numerator
 * gives 0 (with a `constant_target` warning); r2 and D2 are NaN for one row (`undefined_metric`). All-equal targets
 * count as constant even where float rounding would leave sklearn a tiny nonzero denominator.
 * `residuals.by_prediction`: rows sorted by prediction (stable) and cut into min(20, n) bins of as equal counts as
 * possible; a cut falling inside a run of equal predictions moves to the run's end, so ties never split across bins (and
 * there may be fewer bins). All its statistics are unweighted, like the rest of `residuals`.
 * @see sklearn.metrics.mean_squared_error, mean_absolute_error, median_absolute_error, max_error, r2_score,
 * explained_variance_score, mean_absolute_percentage_error, mean_squared_log_error, mean_poisson_deviance,
 * mean_gamma_deviance, d2_absolute_error_score, mean_pinball_loss
 * @example
 * ```ts
 * const r = regressionMetrics(Float64Array.of(3, 0.5, 2, 7), Float64Array.of(2.5, 0.3, 2, 8));
 * r.metrics.mse; // 0.3225
 * r.metrics.r2; // 0.9443...
 * ```
 */
export function regressionMetrics(yTrue: NumericArray, yPred: NumericArray, options: RegressionOptions = {}): RegressionResult {
  const labelName = options.names?.label ?? 'y_true';
  const predName = options.names?.pred ?? 'y_pred';
  const alpha = options.quantile ?? 0.5;
  const weights = options.weights;
  validateRegressionInputs(yTrue, yPred, weights, alpha, labelName, predName);

  const n = yTrue.length;
  const warnings: ReportWarning[] = [];

  // Pass 1: every weighted sum that needs no mean, plus the domain checks.
  let sw = 0, swy = 0, swd = 0, sse = 0, sae = 0, sape = 0, spin = 0, spinHalf = 0;
  let ssle = 0, spoisson = 0, sgamma = 0, maxErr = 0, nearZero = -1, yMin = Infinity, yMax = -Infinity;
  let msleBreak: DomainBreak | undefined;
  let poissonBreak: DomainBreak | undefined;
  let gammaBreak: DomainBreak | undefined;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const p = yPred[i];
    const w = weights === undefined ? 1 : weights[i];
    const d = y - p;
    const ad = Math.abs(d);
    sw += w;
    swy += w * y;
    swd += w * d;
    sse += w * (d * d);
    sae += w * ad;
    const ay = Math.abs(y);
    if (ay < EPS && nearZero < 0) nearZero = i;
    sape += w * (ad / (ay > EPS ? ay : EPS));
    spin += w * (d >= 0 ? alpha * d : -(1 - alpha) * d);
    spinHalf += w * (d >= 0 ? 0.5 * d : -0.5 * d);
    if (ad > maxErr) maxErr = ad;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;

    if (msleBreak === undefined) {
      if (y < 0) msleBreak = { row: i, pred: false, value: y };
      else if (p < 0) msleBreak = { row: i, pred: true, value: p };
      else {
        const dl = Math.log1p(y) - Math.log1p(p);
        ssle += w * (dl * dl);
      }
    }
    // Both deviances use log(y / p) (gamma's log(p / y) is its negation, equal to ~1 ulp): one logarithm, not two.
    const logRatio = y > 0 && p > 0 && (poissonBreak === undefined || gammaBreak === undefined) ? Math.log(y / p) : 0;
    if (poissonBreak === undefined) {
      if (y < 0) poissonBreak = { row: i, pred: false, value: y };
      else if (p <= 0) poissonBreak = { row: i, pred: true, value: p };
      else spoisson += w * (2 * ((y === 0 ? 0 : y * logRatio) - y + p));
    }
    if (gammaBreak === undefined) {
      if (y <= 0) gammaBreak = { row: i, pred: false, value: y };
      else if (p <= 0) gammaBreak = { row: i, pred: true, value: p };
      else sgamma += w * (2 * (-logRatio + y / p - 1));
    }
  }

  // Unweighted: the residual quantiles, the median |residual| and the targets' median (np.percentile, linear, for D2)
  // are order statistics found by radix selection, with no sort (with the bins' selection below: the report of 1e7 rows
  // in 1.58 s instead of 2.29 s, medians of 8 alternating runs on the 2-core VM, and ~14 instead of ~40 bytes a row),
  // and the residuals computed again in each pass rather than kept (an array of them was 80 MB of fresh memory at 1e7
  // rows, whose first touches cost more than the passes).
  // Weighted: one sort of the residuals (weights ride along) gives the quantiles and, merging its two signed halves,
  // |d| sorted for sklearn's lower weighted percentile; the targets are sorted with their weights likewise.
  let medianAbs: number;
  let quantiles: number[];
  let yMedian: number;
  let rMean = swd / sw;
  if (weights === undefined) {
    quantiles = linearQuantilesOfDifferences(yTrue, yPred, RESIDUAL_QS);
    const h = n >> 1;
    const middle = selectDifferenceRanks(yTrue, yPred, n % 2 === 1 ? [h] : [h - 1, h], true);
    medianAbs = n % 2 === 1 ? middle[0] : (middle[0] + middle[1]) / 2;
    yMedian = linearQuantilesByRanks(yTrue instanceof Float64Array ? yTrue : Float64Array.from(yTrue), [0.5])[0];
  } else {
    const residuals = Float64Array.from(yTrue, (y, i) => y - yPred[i]);
    rMean = unweightedMean(residuals);
    const sortedW = Float64Array.from(weights);
    radixSortFloat64(residuals, sortedW);
    quantiles = RESIDUAL_QS.map((q) => linearQuantileOfSorted(residuals, q));
    const { abs, absW } = sortedAbsolute(residuals, sortedW);
    medianAbs = weightedPercentileOfSorted(abs, absW!, 50);
    const ySorted = Float64Array.from(yTrue);
    const yW = Float64Array.from(weights);
    radixSortFloat64(ySorted, yW);
    yMedian = weightedPercentileOfSorted(ySorted, yW, 50);
  }
  const constantY = yMin === yMax;

  // Pass 2: sums around the means (two passes, as sklearn, rather than a cancelling one-pass formula).
  const yMean = swy / sw;
  const dMean = swd / sw;
  let ssTot = 0, ssDiff = 0, ssRes = 0, spinBase = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const w = weights === undefined ? 1 : weights[i];
    const d = y - yPred[i];
    const cy = y - yMean;
    ssTot += w * (cy * cy);
    const cd = d - dMean;
    ssDiff += w * (cd * cd);
    const cr = d - rMean;
    ssRes += cr * cr;
    const dq = y - yMedian;
    spinBase += w * (dq >= 0 ? 0.5 * dq : -0.5 * dq);
  }
  if (constantY) ssTot = 0;

  const metrics: Record<string, number> = {};
  const mse = sse / sw;
  metrics.mse = mse;
  metrics.rmse = Math.sqrt(mse);
  metrics.mae = sae / sw;
  metrics.median_absolute_error = medianAbs;
  metrics.max_error = maxErr;
  if (n < 2) {
    metrics.r2 = NaN;
    warnings.push({ code: 'undefined_metric', message: 'r2 is not well-defined with less than two rows (NaN).' });
  } else {
    metrics.r2 = forceFiniteScore('r2', sse, ssTot, labelName, warnings);
  }
  metrics.explained_variance = forceFiniteScore('explained_variance', ssDiff / sw, ssTot / sw, labelName, warnings);
  metrics.mape = sape / sw;
  if (nearZero >= 0) {
    warnings.push({
      code: 'near_zero_target',
      message: `mape is inflated: column \`${labelName}\` holds ${String(yTrue[nearZero])} at row ${nearZero}; `
        + 'its error is divided by float64 eps there, as scikit-learn does.',
    });
  }
  const names = { label: labelName, pred: predName };
  addOrOmit(metrics, warnings, 'msle', ssle / sw, msleBreak, names, 'values >= 0');
  addOrOmit(metrics, warnings, 'mean_poisson_deviance', spoisson / sw, poissonBreak, names, `${labelName} >= 0 and ${predName} > 0`);
  addOrOmit(metrics, warnings, 'mean_gamma_deviance', sgamma / sw, gammaBreak, names, 'values > 0');
  if (n < 2) {
    metrics.d2_absolute_error_score = NaN;
    warnings.push({ code: 'undefined_metric', message: 'd2_absolute_error_score is not well-defined with less than two rows (NaN).' });
  } else {
    metrics.d2_absolute_error_score = forceFiniteScore('d2_absolute_error_score', spinHalf / sw, spinBase / sw, labelName, warnings);
  }
  metrics.mean_pinball_loss = spin / sw;

  return {
    metrics,
    residuals: {
      quantiles: RESIDUAL_QS.map((q, i) => ({ q, value: quantiles[i] })),
      mean: rMean,
      std: Math.sqrt(ssRes / n),
      min: quantiles[0],
      max: quantiles[quantiles.length - 1],
      by_prediction: binsByPrediction(yTrue, yPred, PREDICTION_BINS),
    },
    warnings,
  };
}

/** sklearn's force_finite: 1 for a zero numerator, 0 (with a warning) for a zero denominator, else 1 - num / den. */
function forceFiniteScore(what: string, numerator: number, denominator: number, labelName: string, warnings: ReportWarning[]): number {
  if (denominator !== 0) return numerator === 0 ? 1 : 1 - numerator / denominator;
  const value = numerator === 0 ? 1 : 0;
  warnings.push({
    code: 'constant_target',
    message: `${what} is ill-defined: column \`${labelName}\` is constant; set to ${value.toFixed(1)} (${value === 1 ? 'perfect' : 'imperfect'} predictions), as scikit-learn does.`,
  });
  return value;
}

/** Stores a metric, or leaves it out with a `metric_domain` warning naming the first offending row. */
function addOrOmit(
  metrics: Record<string, number>,
  warnings: ReportWarning[],
  key: string,
  value: number,
  broken: DomainBreak | undefined,
  names: { label: string; pred: string },
  rule: string,
): void {
  if (broken === undefined) {
    metrics[key] = value;
    return;
  }
  const column = broken.pred ? names.pred : names.label;
  const kind = broken.value < 0 ? 'a negative' : 'a zero';
  warnings.push({
    code: 'metric_domain',
    message: `${key} omitted: column \`${column}\` holds ${kind} value at row ${broken.row} (${String(broken.value)}); ${key} needs ${rule}.`,
  });
}

function unweightedMean(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/**
 * |r| in ascending order from residuals sorted ascending, in O(n): the negative half read backwards merged with the
 * non-negative half. Weights (aligned with `sorted`) move along.
 */
function sortedAbsolute(sorted: Float64Array, weights: Float64Array | undefined): { abs: Float64Array; absW?: Float64Array } {
  const n = sorted.length;
  const abs = new Float64Array(n);
  const absW = weights === undefined ? undefined : new Float64Array(n);
  let j = 0;
  while (j < n && sorted[j] < 0) j++;
  let i = j - 1;
  for (let k = 0; k < n; k++) {
    const takeNeg = i >= 0 && (j >= n || -sorted[i] < sorted[j]);
    const from = takeNeg ? i-- : j++;
    abs[k] = Math.abs(sorted[from]);
    if (absW !== undefined && weights !== undefined) absW[k] = weights[from];
  }
  return { abs, absW };
}
