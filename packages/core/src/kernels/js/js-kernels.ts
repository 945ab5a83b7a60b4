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
  return rows.weights === undefined ? unweightedCurve(rows.scores, rows.positive) : weightedCurve(rows.scores, rows.positive, rows.weights);
}

function unweightedCurve(scores: Float64Array | Float32Array, positive: Uint8Array): BinaryClfCurve {
  const n = scores.length;
  const keys = new Float64Array(n);
  // `+ 0` turns -0 into +0 so both zeros form one tie group, as numpy's stable sort has them.
  for (let i = 0; i < n; i++) keys[i] = scores[i] + 0;
  const flags = positive.slice();
  const scratch = new Float64Array(n);
  radixSortFloat64(keys, flags, { keys: scratch, payload: new Uint8Array(n) });
  return curveFromSortedFlags(keys, flags, new Uint32Array(scratch.buffer, scratch.byteOffset, 2 * n));
}

/**
 * The descending walk of the unweighted curve over keys sorted ascending (stable) with their class flags; compacts
 * the distinct thresholds into `keys` in place and the cumulative counts into `counts`.
 * @param keys - sorted keys (overwritten: the thresholds are a subarray of it)
 * @param flags - class flags in the same order
 * @param counts - at least `2 * keys.length` words of scratch; tps and fps are subarrays of it
 * @returns the curve state
 * @example
 * ```ts
 * curveFromSortedFlags(Float64Array.of(0.1, 0.9), Uint8Array.of(0, 1), new Uint32Array(4)).tps; // [1, 1]
 * ```
 */
export function curveFromSortedFlags(keys: Float64Array, flags: Uint8Array, counts: Uint32Array): BinaryClfCurve {
  const n = keys.length;
  // Walk from the largest score down; run k is written at w = n-1-k, never ahead of the read position r.
  let r = n - 1;
  let w = n - 1;
  let tp = 0;
  let fp = 0;
  while (r >= 0) {
    const s = keys[r];
    do {
      const f = flags[r];
      tp += f;
      fp += 1 - f;
      r--;
    } while (r >= 0 && keys[r] === s);
    keys[w] = s;
    counts[w] = tp;
    counts[n + w] = fp;
    w--;
  }
  const start = w + 1;
  const thresholds = keys.subarray(start);
  const tps = counts.subarray(start, n);
  const fps = counts.subarray(n + start, 2 * n);
  thresholds.reverse();
  tps.reverse();
  fps.reverse();
  return { thresholds, tps, fps };
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
  return curveFromSortedSigned(keys, signed, tpsBuf, fpsBuf);
}

/**
 * The descending walk of the weighted curve over keys sorted ascending (stable) with their signed weights (class in
 * the sign); compacts the distinct thresholds into `keys` in place.
 * @param keys - sorted keys (overwritten: the thresholds are a subarray of it)
 * @param signed - weights in the same order, positive for the positive class, negative for the negative class
 * @param tpsBuf - scratch of `keys.length`; tps is a subarray of it
 * @param fpsBuf - scratch of `keys.length`; fps is a subarray of it
 * @returns the curve state
 * @example
 * ```ts
 * const c = curveFromSortedSigned(Float64Array.of(0.1, 0.9), Float64Array.of(-2, 1), new Float64Array(2), new Float64Array(2)); // fps [0, 2]
 * ```
 */
export function curveFromSortedSigned(keys: Float64Array, signed: Float64Array, tpsBuf: Float64Array, fpsBuf: Float64Array): BinaryClfCurve {
  const m = keys.length;
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
