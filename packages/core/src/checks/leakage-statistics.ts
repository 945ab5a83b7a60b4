import { jsBinaryClfCurve } from '../kernels/js/js-kernels.js';
import { rocAuc } from '../metrics/curves/roc-auc.js';

/**
 * ROC AUC of one feature used as the score of a binary label, on the rows where both are present.
 * @param values - the feature per row (NaN = missing)
 * @param positive - per row: 1 positive, 0 negative, 255 missing label
 * @returns the AUC (NaN when a class is absent); the engine's exact curve, as `evaluate` computes it
 * @example
 * ```ts
 * singleFeatureAuc(Float64Array.of(0.1, 0.9), Uint8Array.of(0, 1)); // 1
 * ```
 * @see sklearn.metrics.roc_auc_score(y, x)
 */
export function singleFeatureAuc(values: Float64Array, positive: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i] && positive[i] !== 255) n++;
  const scores = new Float64Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (values[i] === values[i] && positive[i] !== 255) {
      scores[k] = values[i];
      flags[k++] = positive[i];
    }
  }
  return rocAuc(jsBinaryClfCurve({ scores, positive: flags }));
}

/**
 * Pearson correlation of two numeric columns over the rows where both are present (two-pass, float64 sums).
 * @param x - first column (NaN = missing)
 * @param y - second column (NaN = missing)
 * @returns r in [-1, 1], NaN when a column is constant
 * @example
 * ```ts
 * pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7));
 * ```
 * @see scipy.stats.pearsonr
 */
export function pearsonCorrelation(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      n++;
      sx += x[i];
      sy += y[i];
    }
  }
  if (n < 2) return NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      const dx = x[i] - mx;
      const dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/**
 * Mutual information (natural log) between two coded columns, over the rows where both are present (code >= 0 or
 * the `(other)` code -2).
 * @param a - codes of the first column (-1 = missing)
 * @param b - codes of the second column (-1 = missing)
 * @returns `{ mutualInformation, entropyB }`: I(A; B) and H(B) in nats, over the same rows
 * @example
 * ```ts
 * import { mutualInformation } from '@modelperf/core';
 * const r = mutualInformation(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 1));
 * console.log(r.mutualInformation === Math.log(2), r.entropyB === Math.log(2)); // true true
 * ```
 * @see sklearn.metrics.mutual_info_score(b, a)
 */
export function mutualInformation(a: Int32Array, b: Int32Array): { mutualInformation: number; entropyB: number } {
  const joint = new Map<number, number>();
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  let n = 0;
  let widthB = 2;
  for (let i = 0; i < b.length; i++) if (b[i] + 3 > widthB) widthB = b[i] + 3;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === -1 || y === -1) continue;
    n++;
    const key = (x + 2) * widthB + (y + 2);
    joint.set(key, (joint.get(key) ?? 0) + 1);
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  if (n === 0) return { mutualInformation: NaN, entropyB: NaN };
  let mi = 0;
  for (const [key, c] of joint) {
    const x = Math.floor(key / widthB) - 2;
    const y = (key % widthB) - 2;
    mi += (c / n) * Math.log((c * n) / ((countA.get(x) as number) * (countB.get(y) as number)));
  }
  let entropyB = 0;
  for (const c of countB.values()) entropyB -= (c / n) * Math.log(c / n);
  return { mutualInformation: Math.max(0, mi), entropyB };
}

/**
 * Correlation ratio η² of a numeric column over the groups of a coded one: the share of its variance that the groups
 * explain (the R² of predicting it by its group mean).
 * @param codes - group per row (-1 = missing)
 * @param y - the numeric column (NaN = missing)
 * @returns η² in [0, 1]
 * @example
 * ```ts
 * correlationRatio(Int32Array.of(0, 0, 1, 1), Float64Array.of(1, 1, 5, 5)); // 1
 * ```
 */
export function correlationRatio(codes: Int32Array, y: Float64Array): number {
  const sums = new Map<number, [number, number]>();
  let n = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    if (codes[i] === -1 || y[i] !== y[i]) continue;
    n++;
    total += y[i];
    const s = sums.get(codes[i]);
    if (s === undefined) sums.set(codes[i], [1, y[i]]);
    else {
      s[0]++;
      s[1] += y[i];
    }
  }
  if (n < 2) return NaN;
  const mean = total / n;
  let within = 0;
  let all = 0;
  for (let i = 0; i < y.length; i++) {
    if (codes[i] === -1 || y[i] !== y[i]) continue;
    const [c, s] = sums.get(codes[i]) as [number, number];
    within += (y[i] - s / c) ** 2;
    all += (y[i] - mean) ** 2;
  }
  return all > 0 ? 1 - within / all : NaN;
}
