import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';

/** A binary confusion matrix as (weighted) counts. */
export interface BinaryConfusion {
  readonly tn: number;
  readonly fp: number;
  readonly fn: number;
  readonly tp: number;
}

/**
 * The confusion matrix at a threshold, read off the shared curve state by binary search (no pass over the rows).
 *
 * @param curve - the binary curve state
 * @param threshold - a row is predicted positive iff `score >= threshold`
 * @returns tn, fp, fn, tp
 * @see sklearn.metrics.confusion_matrix
 * @example
 * ```ts
 * const { tp, fp } = confusionAtThreshold(curve, 0.5);
 * ```
 */
export function confusionAtThreshold(curve: BinaryClfCurve, threshold: number): BinaryConfusion {
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  const p = m > 0 ? tps[m - 1] : 0;
  const n = m > 0 ? fps[m - 1] : 0;
  // Count of thresholds >= threshold (thresholds are descending).
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid] >= threshold) lo = mid + 1;
    else hi = mid;
  }
  const tp = lo > 0 ? tps[lo - 1] : 0;
  const fp = lo > 0 ? fps[lo - 1] : 0;
  return { tn: n - fp, fp, fn: p - tp, tp };
}
