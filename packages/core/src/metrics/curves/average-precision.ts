import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';

/**
 * Average precision (area under the step-wise PR curve, no interpolation) from the shared curve state.
 *
 * @param curve - the binary curve state
 * @returns AP in [0, 1]; 0 when there are no positives, as scikit-learn returns (the caller warns)
 * @remarks AP = sum_k (R_k - R_{k-1}) P_k over thresholds in decreasing order, R_{-1} = 0.
 * @see sklearn.metrics.average_precision_score
 * @example
 * ```ts
 * averagePrecision(jsBinaryClfCurve(rows));
 * ```
 */
export function averagePrecision(curve: BinaryClfCurve): number {
  const { tps, fps } = curve;
  const m = tps.length;
  if (m === 0) return NaN;
  const total = tps[m - 1];
  if (total === 0) return 0;
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < m; k++) {
    const recall = tps[k] / total;
    const ps = tps[k] + fps[k];
    const precision = ps !== 0 ? tps[k] / ps : 0;
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
  }
  return ap;
}
