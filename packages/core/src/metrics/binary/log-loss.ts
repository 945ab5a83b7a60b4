import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import { NegLogSum } from './neg-log-sum.js';

const EPS = Number.EPSILON;

/**
 * Binary cross-entropy of probability scores, from the shared curve state: the probabilities of scores held by a few
 * rows (most of them, for continuous scores) go into a running product with a logarithm every few thousand rows,
 * other scores take a logarithm per class (`NegLogSum.addCounts`).
 *
 * @param curve - the binary curve state; scores must be probabilities of the positive class in [0, 1]
 * @returns the weighted mean of -[y log p + (1 - y) log(1 - p)], or NaN for an empty curve
 * @remarks p is clipped to [eps, 1 - eps] with eps = 2^-52 (float64 machine epsilon), as scikit-learn's `eps="auto"`.
 * @see sklearn.metrics.log_loss
 * @example
 * ```ts
 * logLoss(jsBinaryClfCurve({ scores: Float64Array.of(0.9, 0.2), positive: Uint8Array.of(1, 0) })); // 0.164...
 * ```
 */
export function logLoss(curve: BinaryClfCurve): number {
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  if (m === 0) return NaN;
  const logs = new NegLogSum();
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < m; k++) {
    const pos = tps[k] - prevTp;
    const neg = fps[k] - prevFp;
    prevTp = tps[k];
    prevFp = fps[k];
    logs.addCounts(Math.min(Math.max(thresholds[k], EPS), 1 - EPS), pos, neg);
  }
  return logs.total() / (tps[m - 1] + fps[m - 1]);
}
