import type { BinaryClfCurve, BinaryRows } from '../../kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../kernels/js/js-kernels.js';
import { ValidationError } from '../../errors.js';

/** How the bin edges of a calibration curve are chosen. */
export type CalibrationStrategy = 'uniform' | 'quantile';

/** One non-empty bin of a calibration (reliability) curve. */
export interface CalibrationBin {
  /** Lower edge; the bin holds scores in (lower, upper], the first bin also scores <= lower. */
  readonly lower: number;
  /** Upper edge. */
  readonly upper: number;
  /** Weight (row count when unweighted) of the bin. */
  readonly count: number;
  /** Weighted mean score in the bin (scikit-learn's `prob_pred`). */
  readonly mean_predicted: number;
  /** Weighted share of positives in the bin (scikit-learn's `prob_true`). */
  readonly fraction_positive: number;
}

/** A calibration curve with its summary errors. */
export interface CalibrationCurve {
  /** The non-empty bins, lowest scores first. */
  readonly bins: CalibrationBin[];
  /** Expected calibration error: sum_b count_b / total |fraction_positive_b - mean_predicted_b|; NaN without rows. */
  readonly ece: number;
  /** Maximum calibration error: max_b |fraction_positive_b - mean_predicted_b|; NaN without rows. */
  readonly mce: number;
  readonly strategy: CalibrationStrategy;
  /** Number of bins asked for (empty ones are left out of `bins`). */
  readonly n_bins: number;
}

/**
 * Calibration (reliability) curve of probability scores, as scikit-learn's `calibration_curve`, plus the expected and
 * maximum calibration errors. Everything is read off the shared curve state (distinct scores with cumulative counts);
 * pass `curve` to reuse one already built, otherwise the js kernel builds it.
 *
 * @param rows - validated rows; scores must lie in [0, 1]
 * @param options - `bins` (default 10, integer >= 1), `strategy` (`'uniform'` default, or `'quantile'`), `curve`
 * (the curve of these same rows, to skip the sort)
 * @returns the non-empty bins (edges, count, mean predicted, fraction positive), ece and mce
 * @remarks Edges: uniform e_i = i * (1 / B) (numpy `linspace(0, 1, B + 1)`); quantile e_i = numpy's linear-method
 * percentile of the scores at q_i = (i * (1 / B)) * 100 / 100, i.e. the order statistics x_(floor h) and
 * x_(floor h + 1) at h = (n - 1) q_i interpolated as numpy's `_lerp`. A score s goes to bin
 * #{inner edges e_1..e_{B-1} < s} (numpy `searchsorted`, side left). Per bin: prob_true = sum w y / sum w,
 * prob_pred = sum w s / sum w. scikit-learn has no weights: here weights replace counts throughout, and the quantile
 * order statistics x_(j) are those of the population in which each row is repeated w times (x_(j) = the score at
 * cumulative ascending weight position j, h = (W - 1) q), so integer weights equal repeated rows. Zero-weight rows
 * take no part.
 * @see sklearn.calibration.calibration_curve
 * @throws ValidationError when a score is outside [0, 1], `bins` is not an integer >= 1, or `strategy` is unknown
 * @example
 * ```ts
 * const cal = calibrationCurve(rows, { bins: 10, strategy: 'quantile' });
 * cal.ece; // expected calibration error
 * ```
 */
export function calibrationCurve(
  rows: BinaryRows,
  options: { bins?: number; strategy?: CalibrationStrategy; curve?: BinaryClfCurve } = {},
): CalibrationCurve {
  const nBins = options.bins ?? 10;
  const strategy = options.strategy ?? 'uniform';
  if (!Number.isInteger(nBins) || nBins < 1) {
    throw new ValidationError('invalid_argument', `Expected \`bins\` to be an integer >= 1, but it is ${String(nBins)}.`);
  }
  if (strategy !== 'uniform' && strategy !== 'quantile') {
    throw new ValidationError('invalid_argument', `Expected \`strategy\` to be 'uniform' or 'quantile', but it is ${JSON.stringify(strategy)}.`);
  }
  const { scores } = rows;
  for (let r = 0; r < scores.length; r++) {
    if (!(scores[r] >= 0 && scores[r] <= 1)) {
      throw new ValidationError('invalid_input', `Expected scores in [0, 1] for a calibration curve, but row ${r} has ${String(scores[r])}.`);
    }
  }
  return calibrationFromCurve(options.curve ?? jsBinaryClfCurve(rows), { bins: nBins, strategy });
}

/**
 * The calibration curve from the shared curve state alone (no pass over rows): what `calibrationCurve` computes, for
 * callers that already know the scores lie in [0, 1] (the curve's first and last thresholds tell).
 *
 * @param curve - the binary curve state of probability scores
 * @param options - `bins` (default 10) and `strategy` (`uniform` or `quantile`)
 * @returns bins, ECE and MCE
 * @see sklearn.calibration.calibration_curve
 * @example
 * ```ts
 * calibrationFromCurve(jsBinaryClfCurve(rows), { bins: 10 }).ece;
 * ```
 */
export function calibrationFromCurve(
  curve: BinaryClfCurve,
  options: { bins?: number; strategy?: CalibrationStrategy } = {},
): CalibrationCurve {
  const nBins = options.bins ?? 10;
  const strategy = options.strategy ?? 'uniform';
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  if (m === 0) return { bins: [], ece: NaN, mce: NaN, strategy, n_bins: nBins };
  const total = tps[m - 1] + fps[m - 1];

  const edges = uniformEdges(nBins);
  if (strategy === 'quantile') {
    for (let i = 0; i <= nBins; i++) edges[i] = weightedPercentile(curve, total, (edges[i] * 100) / 100);
  }

  // Bin b holds the scores t with searchsorted(edges[1:-1], t, side='left') = b, i.e. edges[b] < t <= edges[b + 1]
  // (the end bins open-ended). Scores descend along the curve, so each bin is one run of it: its bounds come from a
  // binary search per inner edge, its counts from the cumulative counts there, and only the score sum takes a pass
  // (no search per distinct score: 1e7 rows, 65 -> ~20 ms).
  const count = new Float64Array(nBins);
  const positives = new Float64Array(nBins);
  const sumScores = new Float64Array(nBins);
  let hi = 0; // the run of bin b is [hi, end): thresholds[k] > edges[b] for k < end
  for (let b = nBins - 1; b >= 0; b--) {
    const lo = hi;
    hi = b === 0 ? m : firstAtOrBelow(thresholds, edges[b], lo);
    if (hi === lo) continue;
    const beforeTp = lo > 0 ? tps[lo - 1] : 0;
    const beforeAll = lo > 0 ? tps[lo - 1] + fps[lo - 1] : 0;
    let prevAll = beforeAll;
    let sum = 0;
    for (let k = lo; k < hi; k++) {
      const all = tps[k] + fps[k];
      sum += thresholds[k] * (all - prevAll);
      prevAll = all;
    }
    count[b] = prevAll - beforeAll;
    positives[b] = tps[hi - 1] - beforeTp;
    sumScores[b] = sum;
  }
  return calibrationFromBins(edges, count, positives, sumScores, total, strategy);
}

/**
 * numpy's `linspace(0, 1, bins + 1)` as `calibrationFromCurve` computes it: e_i = i * (1 / bins), the last edge 1.
 * @param bins - number of bins
 * @returns the bins + 1 edges
 */
export function uniformEdges(bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const step = 1 / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step;
  edges[bins] = 1;
  return edges;
}

/**
 * The calibration curve from each bin's weight, positive weight and score sum (bin b between edges[b] and
 * edges[b + 1]): the non-empty bins, ECE and MCE, as `calibrationFromCurve` reports them.
 * @param edges - the bins' edges (bins + 1)
 * @param count - weight of each bin
 * @param positives - positive weight of each bin
 * @param sumScores - weighted score sum of each bin
 * @param total - total weight
 * @param strategy - how the edges were chosen (reported)
 * @returns bins, ECE and MCE
 */
export function calibrationFromBins(
  edges: Float64Array, count: Float64Array, positives: Float64Array, sumScores: Float64Array, total: number, strategy: CalibrationStrategy,
): CalibrationCurve {
  const nBins = count.length;
  const bins: CalibrationBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < nBins; b++) {
    if (!(count[b] > 0)) continue;
    const fractionPositive = positives[b] / count[b];
    const meanPredicted = sumScores[b] / count[b];
    const gap = Math.abs(fractionPositive - meanPredicted);
    ece += (count[b] / total) * gap;
    if (gap > mce) mce = gap;
    bins.push({ lower: edges[b], upper: edges[b + 1], count: count[b], mean_predicted: meanPredicted, fraction_positive: fractionPositive });
  }
  return { bins, ece, mce, strategy, n_bins: nBins };
}

/** The first index k >= from with thresholds[k] <= edge (thresholds descending), or thresholds.length. */
function firstAtOrBelow(thresholds: Float64Array, edge: number, from: number): number {
  let lo = from;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid] > edge) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** numpy's linear-method percentile (`np.percentile(..., method='linear')`) of the curve's weighted scores. */
function weightedPercentile(curve: BinaryClfCurve, total: number, q: number): number {
  const h = (total - 1) * q;
  if (h >= total - 1) return curve.thresholds[0];
  if (h < 0) return orderStatistic(curve, total, 0);
  const j = Math.floor(h);
  const gamma = h - j;
  const a = orderStatistic(curve, total, j);
  const b = orderStatistic(curve, total, j + 1);
  // numpy's _lerp: interpolate from the nearer end so that gamma = 1 returns b exactly.
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** The score at 0-based ascending position j of the population (each row repeated by its weight). */
function orderStatistic(curve: BinaryClfCurve, total: number, j: number): number {
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  // Score t_k covers ascending positions [W - c_k, W - c_{k-1}); find the smallest k with c_k >= W - j.
  const target = total - j;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tps[mid] + fps[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return thresholds[lo];
}
