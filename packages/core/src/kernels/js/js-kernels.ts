import type { BinaryClfCurve, BinaryRows, Kernels } from '../binary-clf-curve.js';
import { radixSortFloat64 } from './radix-sort-float64.js';

/**
 * The typed-array backend: one LSD radix sort of all scores with the class flags (or signed weights) moved alongside,
 * then one descending walk that compacts the distinct thresholds in place. The curve lives in the sort's own buffers,
 * so a binary evaluation allocates 18 bytes per row unweighted (34 weighted) and nothing per distinct score.
 */
export const jsKernels: Kernels = {
  name: 'js',
  device: 'cpu',
  async binaryClfCurve(rows: BinaryRows): Promise<BinaryClfCurve> {
    return jsBinaryClfCurve(rows);
  },
};

/**
 * Synchronous form of the js backend's curve kernel.
 * @param rows - validated rows (finite scores; weights finite and >= 0)
 * @returns the curve state; zero-weight rows add no threshold, as in scikit-learn's `_binary_clf_curve`
 * @example
 * ```ts
 * jsBinaryClfCurve({ scores: Float64Array.of(0.1, 0.9), positive: Uint8Array.of(0, 1) }).thresholds; // [0.9, 0.1]
 * ```
 */
export function jsBinaryClfCurve(rows: BinaryRows): BinaryClfCurve {
  return rows.weights === undefined
    ? unweightedCurve(rows.scores, rows.positive, rows.consumeScores === true)
    : weightedCurve(rows.scores, rows.positive, rows.weights);
}

function unweightedCurve(scores: Float64Array | Float32Array, positive: Uint8Array, consume: boolean): BinaryClfCurve {
  const n = scores.length;
  // Sorted in place when the caller hands the scores over (`consumeScores`), else in a copy.
  const keys = consume && scores instanceof Float64Array ? scores : new Float64Array(n);
  // `+ 0` turns -0 into +0 so both zeros form one tie group, as numpy's stable sort has them.
  for (let i = 0; i < n; i++) keys[i] = scores[i] + 0;
  const flags = positive.slice();
  const scratch = new Float64Array(n);
  radixSortFloat64(keys, flags, { keys: scratch, payload: new Uint8Array(n) }, true);

  // Walk from the largest score down; run k is written at k, never ahead of the read position r.
  const counts = new Uint32Array(scratch.buffer, scratch.byteOffset, 2 * n);
  let r = 0;
  let w = 0;
  let tp = 0;
  let fp = 0;
  while (r < n) {
    const s = keys[r];
    do {
      const f = flags[r];
      tp += f;
      fp += 1 - f;
      r++;
    } while (r < n && keys[r] === s);
    keys[w] = s;
    counts[w] = tp;
    counts[n + w] = fp;
    w++;
  }
  return { thresholds: keys.subarray(0, w), tps: counts.subarray(0, w), fps: counts.subarray(n, n + w) };
}

function weightedCurve(scores: Float64Array | Float32Array, positive: Uint8Array, weights: Float64Array | Float32Array): BinaryClfCurve {
  const n = scores.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) m++;
  const keys = new Float64Array(m);
  // The class rides in the sign of the (strictly positive) weight.
  const signed = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    const wt = weights[i];
    if (!(wt > 0)) continue;
    keys[j] = scores[i] + 0;
    signed[j] = positive[i] === 1 ? wt : -wt;
    j++;
  }
  const tpsBuf = new Float64Array(m);
  const fpsBuf = new Float64Array(m);
  radixSortFloat64(keys, signed, { keys: tpsBuf, payload: fpsBuf });

  // Sequential sums in descending score order, ties in descending input order: numpy's cumsum over
  // scikit-learn's argsort(kind="mergesort")[::-1], so weighted sums agree with scikit-learn bit for bit.
  let r = m - 1;
  let w = m - 1;
  let tp = 0;
  let fp = 0;
  while (r >= 0) {
    const s = keys[r];
    do {
      const v = signed[r];
      if (v > 0) tp += v;
      else fp -= v;
      r--;
    } while (r >= 0 && keys[r] === s);
    keys[w] = s;
    tpsBuf[w] = tp;
    fpsBuf[w] = fp;
    w--;
  }
  const start = w + 1;
  const thresholds = keys.subarray(start).reverse();
  const tps = tpsBuf.subarray(start).reverse();
  const fps = fpsBuf.subarray(start).reverse();
  return { thresholds, tps, fps };
}
