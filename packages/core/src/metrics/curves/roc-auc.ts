import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';

/**
 * Area under the ROC curve from the shared curve state.
 *
 * @param curve - the binary curve state
 * @returns the AUC, or NaN when either class is absent (scikit-learn raises; modelperf reports NaN with a warning)
 * @remarks Trapezoids over the ROC points: sum_k (fps_k - fps_{k-1}) (tps_k + tps_{k-1}) / 2, divided by P * N.
 * With unit weights every term is an integer (or half-integer), so the sum is exact below 2^53.
 * @see sklearn.metrics.roc_auc_score
 * @example
 * ```ts
 * rocAuc(jsBinaryClfCurve({ scores: Float64Array.of(0.2, 0.8), positive: Uint8Array.of(0, 1) })); // 1
 * ```
 */
export function rocAuc(curve: BinaryClfCurve): number {
  const { tps, fps } = curve;
  const m = tps.length;
  if (m === 0) return NaN;
  const p = tps[m - 1];
  const n = fps[m - 1];
  if (!(p > 0) || !(n > 0)) return NaN;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < m; k++) {
    const tp = tps[k];
    const fp = fps[k];
    area += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return area / 2 / (p * n);
}
