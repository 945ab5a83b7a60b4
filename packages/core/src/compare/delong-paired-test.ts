import { checkLevel } from '../intervals/check-level.js';
import { normalQuantile } from '../intervals/normal-quantile.js';
import { delongComponents } from './delong-components.js';
import { normalUpperTail } from './normal-upper-tail.js';

/** DeLong's test of two correlated ROC AUCs measured on the same rows. */
export interface DelongPairedTest {
  readonly method: 'delong';
  /** ROC AUC of the first model (the candidate). */
  readonly auc: number;
  /** ROC AUC of the second model (the baseline). */
  readonly baseline_auc: number;
  /** auc - baseline_auc. */
  readonly difference: number;
  /** Standard error of the difference. */
  readonly se: number;
  /** difference / se (0 when both are 0). */
  readonly z: number;
  /** Two-sided p-value of "the AUCs are equal". */
  readonly p_value: number;
  /** Confidence interval of the difference, difference ± z_{(1+level)/2} se (not clipped). */
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

/**
 * DeLong's test for the difference of two correlated ROC AUCs (two models scored on the same rows), with the fast
 * midrank algorithm of Sun & Xu (2014).
 *
 * @param positive - 1 for a positive row, 0 for a negative
 * @param a - the first model's scores (finite), same length
 * @param b - the second model's scores (finite), same length
 * @param level - confidence level of the interval of the difference, in (0, 1) (default 0.95)
 * @returns AUCs, difference, its standard error, z, two-sided p-value and interval. Everything is NaN when a class is
 * absent; se, z, p and the interval are NaN when a class has a single row. A zero variance (e.g. identical scores)
 * gives z = 0 and p = 1 when the AUCs are equal, else z = ±Infinity and p = 0.
 * @remarks With V10/V01 the structural components of each model (see `delongComponents`), the paired variance is
 * var(AUC_a - AUC_b) = s²(V10_a - V10_b) / m + s²(V01_a - V01_b) / n with s² the sample variance (ddof 1) over the m
 * positives and the n negatives — the same as the contrast [1, -1] applied to DeLong's 2x2 covariance matrix
 * S10 / m + S01 / n. z = difference / se, p = 2 P(Z > |z|).
 * @see DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44(3); Sun & Xu (2014), IEEE SPL 21(11); R's
 * `pROC::roc.test(method = "delong", paired = TRUE)`
 * @throws ValidationError when `level` is not strictly between 0 and 1
 * @example
 * ```ts
 * import { delongPairedTest } from '@modelperf/core';
 * const positive = Uint8Array.of(1, 0, 1, 0, 1, 0);
 * const t = delongPairedTest(positive, Float64Array.of(0.9, 0.2, 0.8, 0.3, 0.4, 0.5), Float64Array.of(0.6, 0.4, 0.5, 0.7, 0.3, 0.2));
 * console.log(t.difference.toFixed(4), t.p_value.toFixed(3)); // 0.3333 0.386
 * ```
 */
export function delongPairedTest(
  positive: Uint8Array, a: Float64Array | Float32Array, b: Float64Array | Float32Array, level = 0.95,
): DelongPairedTest {
  checkLevel(level);
  let m = 0;
  for (let i = 0; i < positive.length; i++) m += positive[i];
  const n = positive.length - m;
  const ca = delongComponents(a, positive, m);
  const cb = delongComponents(b, positive, m);
  const difference = ca.auc - cb.auc;
  const nan = { method: 'delong' as const, se: NaN, z: NaN, p_value: NaN, low: NaN, high: NaN, level };
  if (m === 0 || n === 0) return { ...nan, auc: NaN, baseline_auc: NaN, difference: NaN };
  if (m < 2 || n < 2) return { ...nan, auc: ca.auc, baseline_auc: cb.auc, difference };
  const variance = centredSquares(ca.v10, cb.v10, difference) / (m - 1) / m + centredSquares(ca.v01, cb.v01, difference) / (n - 1) / n;
  const se = Math.sqrt(variance);
  let z: number;
  if (se > 0) z = difference / se;
  else z = difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity;
  const half = normalQuantile((1 + level) / 2) * se;
  return {
    method: 'delong',
    auc: ca.auc,
    baseline_auc: cb.auc,
    difference,
    se,
    z,
    p_value: Math.min(1, 2 * normalUpperTail(Math.abs(z))),
    low: difference - half,
    high: difference + half,
    level,
  };
}

/**
 * Sum of squares of (x_i - y_i) - mean around the known mean of the differences (two-pass, no cancellation).
 * Both the mean of V10_a - V10_b and of V01_a - V01_b is AUC_a - AUC_b, since mean V10 = mean V01 = AUC.
 */
function centredSquares(x: Float64Array, y: Float64Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - y[i] - mean;
    ss += d * d;
  }
  return ss;
}
