import type { BinaryClfCurve, BinaryRows } from '../kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../kernels/js/js-kernels.js';
import { checkLevel } from './check-level.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { normalQuantile } from './normal-quantile.js';

/** DeLong's confidence interval of the ROC AUC. */
export interface DelongInterval extends ConfidenceInterval {
  readonly method: 'delong';
  /** The ROC AUC (Mann-Whitney form, ties count one half). */
  readonly estimate: number;
  /** DeLong's standard error of the AUC. */
  readonly se: number;
}

/**
 * DeLong's asymptotic confidence interval of the ROC AUC, with the fast midrank algorithm of Sun & Xu (2014).
 *
 * @param rows - validated rows; unweighted only
 * @param level - nominal coverage in (0, 1), default 0.95
 * @param curve - the curve of these same rows, to skip the sort (built with the js kernel otherwise)
 * @returns `{ low, high, level, method: 'delong', estimate, se }`, the ends clipped to [0, 1]; all NaN when a class is
 * absent, se (and the ends) NaN when a class has a single row; `undefined` when the rows carry weights (DeLong's
 * variance is defined for unweighted samples; the caller reports a warning)
 * @remarks With m positives X and n negatives Y, the structural components are
 * V10(x) = (#{y < x} + #{y = x} / 2) / n and V01(y) = (#{x > y} + #{x = y} / 2) / m; AUC = mean V10;
 * S10 = sample variance (ddof 1) of V10 over the positives, S01 likewise over the negatives; se^2 = S10 / m + S01 / n;
 * interval = AUC ± z_{(1+level)/2} se. Sun & Xu obtain V10, V01 from midranks after one O(N log N) sort; the same
 * midranks are the cumulative counts of the shared curve state: a positive at distinct score t_k has
 * V10 = (n - fps_k + (fps_k - fps_{k-1}) / 2) / n and a negative there V01 = (tps_{k-1} + (tps_k - tps_{k-1}) / 2) / m,
 * so after the sort everything is O(distinct scores).
 * @see DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44(3); Sun & Xu (2014), IEEE Signal Processing Letters
 * 21(11); R's `pROC::ci.auc(method = "delong")`
 * @throws ValidationError when `level` is not strictly between 0 and 1
 * @example
 * ```ts
 * const ci = delongRocAucInterval({ scores, positive });
 * if (ci !== undefined) console.log(ci.low, ci.high);
 * ```
 */
export function delongRocAucInterval(rows: BinaryRows, level = 0.95, curve?: BinaryClfCurve): DelongInterval | undefined {
  checkLevel(level);
  if (rows.weights !== undefined) return undefined;
  const { tps, fps } = curve ?? jsBinaryClfCurve(rows);
  const k = tps.length;
  const m = k > 0 ? tps[k - 1] : 0;
  const n = k > 0 ? fps[k - 1] : 0;
  if (!(m > 0) || !(n > 0)) return { low: NaN, high: NaN, level, method: 'delong', estimate: NaN, se: NaN };

  // First pass: the AUC as the mean of V10 (counts are integers, so the numerator is exact below 2^52).
  let sum = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < k; i++) {
    const dTp = tps[i] - prevTp;
    const dFp = fps[i] - prevFp;
    sum += dTp * (2 * (n - fps[i]) + dFp);
    prevTp = tps[i];
    prevFp = fps[i];
  }
  const auc = sum / (2 * n) / m;

  // Second pass: centred sums of squares (two-pass variance, no cancellation).
  let ss10 = 0;
  let ss01 = 0;
  prevTp = 0;
  prevFp = 0;
  for (let i = 0; i < k; i++) {
    const dTp = tps[i] - prevTp;
    const dFp = fps[i] - prevFp;
    if (dTp > 0) {
      const d = (n - fps[i] + dFp / 2) / n - auc;
      ss10 += dTp * d * d;
    }
    if (dFp > 0) {
      const d = (prevTp + dTp / 2) / m - auc;
      ss01 += dFp * d * d;
    }
    prevTp = tps[i];
    prevFp = fps[i];
  }
  const se = m > 1 && n > 1 ? Math.sqrt(ss10 / (m - 1) / m + ss01 / (n - 1) / n) : NaN;
  const z = normalQuantile((1 + level) / 2);
  return {
    low: Math.max(0, auc - z * se),
    high: Math.min(1, auc + z * se),
    level,
    method: 'delong',
    estimate: auc,
    se,
  };
}
