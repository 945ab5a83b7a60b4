import { radixSortFloat64 } from '../kernels/js/radix-sort-float64.js';

/** DeLong's structural components of one model's scores, per row of each class, in input row order. */
export interface DelongComponents {
  /** V10 of each positive row (in input order): the share of negatives it outranks, ties counting one half. */
  readonly v10: Float64Array;
  /** V01 of each negative row (in input order): the share of positives that outrank it, ties counting one half. */
  readonly v01: Float64Array;
  /** The ROC AUC (mean of V10; the Mann-Whitney statistic). */
  readonly auc: number;
}

/**
 * DeLong's structural components of a score column, from midranks after one sort (Sun & Xu 2014).
 *
 * @param scores - finite scores, one per row
 * @param positive - 1 for a positive row, 0 for a negative, same length
 * @param positives - the number of positive rows (m); the rest (n) are negatives
 * @returns V10 per positive and V01 per negative, each in row order (so the components of two models on the same rows
 * line up), and the AUC
 * @remarks With m positives X and n negatives Y: V10(x) = (#{y < x} + #{y = x} / 2) / n and
 * V01(y) = (#{x > y} + #{x = y} / 2) / m. After an ascending sort the rows fall into runs of tied scores; a run with
 * `pg` positives and `ng` negatives above `negBelow` negatives and `posBelow` positives gives its positives
 * V10 = (negBelow + ng / 2) / n and its negatives V01 = (m - posBelow - pg / 2) / m — Sun & Xu's midrank
 * differences, in O(N log N) for the sort (radix) and O(N) after it.
 * @see DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44(3); Sun & Xu (2014), IEEE Signal Processing Letters 21(11)
 * @example
 * ```ts
 * const { v10, v01, auc } = delongComponents(Float64Array.of(0.9, 0.2, 0.4), Uint8Array.of(1, 0, 1), 2);
 * ```
 */
export function delongComponents(scores: Float64Array | Float32Array, positive: Uint8Array, positives: number): DelongComponents {
  const total = scores.length;
  const m = positives;
  const n = total - positives;
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  if (m === 0 || n === 0) return { v10, v01, auc: NaN };
  // Each row's index within its class, so components land in row order.
  const rowOf = new Float64Array(total);
  const classIndex = new Uint32Array(total);
  let pi = 0;
  let ni = 0;
  for (let i = 0; i < total; i++) {
    rowOf[i] = i;
    classIndex[i] = positive[i] === 1 ? pi++ : ni++;
  }
  const keys = Float64Array.from(scores);
  radixSortFloat64(keys, rowOf);

  let negBelow = 0;
  let posBelow = 0;
  let sum10 = 0;
  let start = 0;
  while (start < total) {
    let end = start + 1;
    while (end < total && keys[end] === keys[start]) end++;
    let pg = 0;
    for (let j = start; j < end; j++) pg += positive[rowOf[j]];
    const ng = end - start - pg;
    const a10 = (negBelow + ng / 2) / n;
    const a01 = (m - posBelow - pg / 2) / m;
    for (let j = start; j < end; j++) {
      const row = rowOf[j];
      if (positive[row] === 1) v10[classIndex[row]] = a10;
      else v01[classIndex[row]] = a01;
    }
    sum10 += pg * a10;
    negBelow += ng;
    posBelow += pg;
    start = end;
  }
  return { v10, v01, auc: sum10 / m };
}
