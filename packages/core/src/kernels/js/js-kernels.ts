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
    ? unweightedCurve(rows.scores, rows.positive, rows.consumeScores === true, rows.consumeFlags === true)
    : weightedCurve(rows.scores, rows.positive, rows.weights);
}

function unweightedCurve(
  scores: Float64Array | Float32Array, positive: Uint8Array, consumeScores: boolean, consumeFlags: boolean,
): BinaryClfCurve {
  const n = scores.length;
  // Sorted in place when the caller hands the rows over (`consumeScores`, `consumeFlags`), else in copies.
  const keys = consumeScores && scores instanceof Float64Array ? scores : Float64Array.from(scores);
  const flags = consumeFlags ? positive : positive.slice();
  const scratch = new Float64Array(n);
  // The counts go to the sort's scratch buffer once the sort is done with it.
  const tps = new Uint32Array(scratch.buffer, scratch.byteOffset, n);
  const fps = new Uint32Array(scratch.buffer, scratch.byteOffset + 4 * n, n);
  const w = sortedRuns(keys, flags, scratch, new Uint8Array(n), tps, fps, 0, 0);
  return { thresholds: keys.subarray(0, w), tps: tps.subarray(0, w), fps: fps.subarray(0, w) };
}

/**
 * Sorts scores (descending) with their class flags and compacts them into runs of distinct scores with cumulative
 * counts: the body of the unweighted js kernel, also run on one score range per thread by the parallel kernel.
 *
 * @param keys - the scores (no NaN): sorted in place, then the distinct scores are written to `keys[0..w)` (-0 as +0)
 * @param flags - 1 for a positive row, 0 for a negative one (same length): permuted with the scores
 * @param scratchKeys - work buffer of the sort (at least `keys.length`)
 * @param scratchFlags - work buffer for the flags (at least `keys.length`)
 * @param tps - receives the cumulative positive count at each distinct score (may share `scratchKeys`' memory: it is
 *   written only after the sort)
 * @param fps - the same for negatives (may share `scratchKeys`' memory too, apart from `tps`)
 * @param tp0 - positives counted before the first score (rows of higher scores sorted elsewhere)
 * @param fp0 - negatives counted before the first score
 * @returns the number of distinct scores w
 * @example
 * ```ts
 * const keys = Float64Array.of(0.2, 0.9, 0.2); const flags = Uint8Array.of(1, 0, 0);
 * const tps = new Uint32Array(3); const fps = new Uint32Array(3);
 * sortedRuns(keys, flags, new Float64Array(3), new Uint8Array(3), tps, fps, 0, 0); // 2: keys [0.9, 0.2], tps [0, 1], fps [1, 2]
 * ```
 */
export function sortedRuns(
  keys: Float64Array, flags: Uint8Array, scratchKeys: Float64Array, scratchFlags: Uint8Array,
  tps: Uint32Array, fps: Uint32Array, tp0: number, fp0: number,
): number {
  const n = keys.length;
  radixSortFloat64(keys, flags, { keys: scratchKeys, payload: scratchFlags }, true);
  // Walk from the largest score down; run k is written at k, never ahead of the read position r.
  let r = 0;
  let w = 0;
  let tp = tp0;
  let fp = fp0;
  while (r < n) {
    const s = keys[r];
    do {
      const f = flags[r];
      tp += f;
      fp += 1 - f;
      r++;
    } while (r < n && keys[r] === s);
    // -0 and +0 sort next to each other and form one tie group (as numpy's stable sort has them), reported as +0.
    keys[w] = s + 0;
    tps[w] = tp;
    fps[w] = fp;
    w++;
  }
  return w;
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
