import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';

/** The Kolmogorov-Smirnov separation of the two classes' score distributions. */
export interface KsStatistic {
  /** max over thresholds of |TPR - FPR|, in [0, 1]; NaN when a class is absent. */
  readonly ks: number;
  /** The (highest) distinct score at which the maximum is attained; NaN when a class is absent. */
  readonly threshold: number;
}

/**
 * Two-sample Kolmogorov-Smirnov statistic between the positive and negative score distributions, read off the shared
 * curve state in one pass over the distinct thresholds.
 *
 * @param curve - the binary curve state (weighted or not)
 * @returns `ks` and the `threshold` where it is attained (ties: the highest threshold); both NaN when a class is absent
 * @remarks ks = max_k |tps_k / P - fps_k / N| with P = tps_last and N = fps_last. The empirical CDFs
 * F(x) = share of a class with score <= x jump only at the distinct scores, and 1 - F(t_{k+1}) = tps_k / P, so this is
 * sup_x |F_pos(x) - F_neg(x)|. With weights the ECDFs are weighted (share of class weight); zero-weight rows do not
 * count. The threshold is the one at which the classifier `score >= threshold` attains TPR - FPR = ±ks.
 * @see scipy.stats.ks_2samp (statistic, unweighted)
 * @example
 * ```ts
 * ksStatistic(jsBinaryClfCurve({ scores: Float64Array.of(0.1, 0.4, 0.35, 0.8), positive: Uint8Array.of(0, 0, 1, 1) }));
 * // { ks: 0.5, threshold: 0.8 }
 * ```
 */
export function ksStatistic(curve: BinaryClfCurve): KsStatistic {
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  if (m === 0) return { ks: NaN, threshold: NaN };
  const p = tps[m - 1];
  const n = fps[m - 1];
  if (!(p > 0) || !(n > 0)) return { ks: NaN, threshold: NaN };
  let ks = -1;
  let threshold = NaN;
  for (let k = 0; k < m; k++) {
    const d = Math.abs(tps[k] / p - fps[k] / n);
    if (d > ks) {
      ks = d;
      threshold = thresholds[k];
    }
  }
  return { ks, threshold };
}
