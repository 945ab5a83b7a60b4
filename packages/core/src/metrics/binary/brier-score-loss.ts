import type { BinaryClfCurve, BinaryRows } from '../../kernels/binary-clf-curve.js';

/**
 * Brier score: the weighted mean squared difference between the probability score and the 0/1 outcome.
 *
 * @param rows - validated rows with probability scores in [0, 1]
 * @returns the Brier score loss (lower is better), NaN for no rows
 * @remarks sum_i w_i (y_i - p_i)^2 / sum_i w_i, accumulated in float64.
 * @see sklearn.metrics.brier_score_loss
 * @example
 * ```ts
 * brierScoreLoss({ scores: Float64Array.of(0.9, 0.2), positive: Uint8Array.of(1, 0) }); // 0.025
 * ```
 */
export function brierScoreLoss(rows: BinaryRows): number {
  const { scores, positive, weights } = rows;
  const n = scores.length;
  let sum = 0;
  if (weights === undefined) {
    for (let i = 0; i < n; i++) {
      const d = positive[i] - scores[i];
      sum += d * d;
    }
    return n > 0 ? sum / n : NaN;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = positive[i] - scores[i];
    sum += weights[i] * d * d;
    total += weights[i];
  }
  return total > 0 ? sum / total : NaN;
}

/**
 * Brier score from the shared curve state: sum over distinct scores s of pos(s) (1 - s)^2 + neg(s) s^2, over the total.
 * Exact integer counts make it agree with the row-wise form; it lets mergeable states, which keep no rows, report it.
 *
 * @param curve - the binary curve state of probability scores
 * @returns the Brier score loss, NaN for an empty curve
 * @see sklearn.metrics.brier_score_loss
 * @example
 * ```ts
 * brierScoreFromCurve(jsBinaryClfCurve({ scores: Float64Array.of(0.9, 0.2), positive: Uint8Array.of(1, 0) })); // 0.025
 * ```
 */
export function brierScoreFromCurve(curve: BinaryClfCurve): number {
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  if (m === 0) return NaN;
  let sum = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < m; k++) {
    const s = thresholds[k];
    const pos = tps[k] - prevTp;
    const neg = fps[k] - prevFp;
    prevTp = tps[k];
    prevFp = fps[k];
    sum += pos * (1 - s) * (1 - s) + neg * s * s;
  }
  return sum / (tps[m - 1] + fps[m - 1]);
}
