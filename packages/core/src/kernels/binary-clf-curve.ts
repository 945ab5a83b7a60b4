import type { CurveLossSums } from '../metrics/binary/curve-summary.js';

/**
 * The one shared curve state of binary classification (scikit-learn's `_binary_clf_curve`): the distinct scores in
 * descending order with the cumulative (weighted) positive and negative counts at each of them. ROC, PR, AP, AUC,
 * confusion at any threshold, log loss and calibration all derive from it, so the scores are sorted once.
 */
export interface BinaryClfCurve {
  /** Distinct scores, descending. */
  readonly thresholds: Float64Array;
  /** Cumulative weight of positives with score >= thresholds[k] (true positives at that threshold). */
  readonly tps: Float64Array | Uint32Array;
  /** Cumulative weight of negatives with score >= thresholds[k] (false positives at that threshold). */
  readonly fps: Float64Array | Uint32Array;
}

/** Score, positive flags and optional weights of the rows to evaluate; all validated (finite, same length). */
export interface BinaryRows {
  readonly scores: Float64Array | Float32Array;
  /** 1 for the positive class, 0 for the negative class. */
  readonly positive: Uint8Array;
  readonly weights?: Float64Array | Float32Array;
  /**
   * The js kernel may sort `scores` in place and keep their buffer as the curve's thresholds: set only when the
   * scores are a private float64 copy that nothing reads afterwards (a stream leaf's columns joined from several
   * batches), which saves the kernel's own copy (8 bytes a row of fresh memory).
   */
  readonly consumeScores?: boolean;
  /**
   * The js kernel may permute `positive` in place (with the scores): set only when nothing reads the flags afterwards
   * and they are the caller's own (saves the kernel's copy, 1 byte a row of fresh memory).
   */
  readonly consumeFlags?: boolean;
}

/** The kernels a metric family calls; one implementation per backend. */
export interface Kernels {
  /** Backend name as reported: `js` or `tfjs`. */
  readonly name: 'js' | 'tfjs';
  /** The device the kernels run on, e.g. `cpu`, `gpu`, `tensorflow-cpu`. */
  readonly device: string;
  /**
   * Sorts the scores once and returns the curve state.
   * @param rows - validated rows
   * @returns the distinct thresholds with cumulative tps/fps
   */
  binaryClfCurve(rows: BinaryRows): Promise<BinaryClfCurve>;
  /**
   * Optional: starts the loss sums of a curve (`curveLossSums`) on another thread, for the report to run the rest of its
   * pass over the curve meanwhile (`binaryMetricsSharingLosses`); undefined when it would not (a curve too short, or
   * not in shared memory).
   * @param curve - a curve this backend returned
   * @returns the sums, or undefined
   */
  curveLossSums?(curve: BinaryClfCurve): Promise<CurveLossSums> | undefined;
}

/**
 * Builds the curve from positive and negative scores each sorted ascending (stable), walking both from the top.
 * Cumulative sums are sequential in descending score order, ties in descending input order — numpy's `cumsum` over
 * scikit-learn's `argsort(kind="mergesort")[::-1]` order — so weighted sums agree with scikit-learn bit for bit.
 *
 * @param pos - positive-class scores, ascending
 * @param neg - negative-class scores, ascending
 * @param posWeights - weights of `pos` in the same order, or undefined for unit weights
 * @param negWeights - weights of `neg` in the same order, or undefined for unit weights
 * @returns the curve state
 * @example
 * ```ts
 * curveFromSortedClasses(Float64Array.of(0.4, 0.9), Float64Array.of(0.1, 0.4)); // thresholds [0.9, 0.4, 0.1]
 * ```
 */
export function curveFromSortedClasses(
  pos: Float64Array,
  neg: Float64Array,
  posWeights?: Float64Array,
  negWeights?: Float64Array,
): BinaryClfCurve {
  // First walk counts the distinct scores so the outputs are allocated once, at their exact size.
  let distinct = 0;
  {
    let i = pos.length - 1;
    let j = neg.length - 1;
    while (i >= 0 || j >= 0) {
      const s = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] > neg[j] ? pos[i] : neg[j];
      while (i >= 0 && pos[i] === s) i--;
      while (j >= 0 && neg[j] === s) j--;
      distinct++;
    }
  }
  const thresholds = new Float64Array(distinct);
  const tps = new Float64Array(distinct);
  const fps = new Float64Array(distinct);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let k = 0;
  while (i >= 0 || j >= 0) {
    const s = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] > neg[j] ? pos[i] : neg[j];
    if (posWeights === undefined) {
      while (i >= 0 && pos[i] === s) { tp++; i--; }
    } else {
      while (i >= 0 && pos[i] === s) { tp += posWeights[i]; i--; }
    }
    if (negWeights === undefined) {
      while (j >= 0 && neg[j] === s) { fp++; j--; }
    } else {
      while (j >= 0 && neg[j] === s) { fp += negWeights[j]; j--; }
    }
    thresholds[k] = s;
    tps[k] = tp;
    fps[k] = fp;
    k++;
  }
  return { thresholds, tps, fps };
}

/**
 * Splits rows into positive and negative score arrays (float64 copies) and their weights, in input order.
 * Zero-weight rows are left out, as scikit-learn's `_binary_clf_curve` leaves them out.
 * @param rows - validated rows
 * @returns per-class scores and weights (weights undefined when the rows have none)
 * @example
 * ```ts
 * splitByClass({ scores: Float64Array.of(0.2, 0.7), positive: Uint8Array.of(0, 1) }).pos; // [0.7]
 * ```
 */
export function splitByClass(rows: BinaryRows): {
  pos: Float64Array; neg: Float64Array; posWeights?: Float64Array; negWeights?: Float64Array;
} {
  const { scores, positive, weights } = rows;
  const n = scores.length;
  // `+ 0` turns -0 into +0 so that both zeros form one tie group in input order, as numpy's stable sort has them.
  let p = 0;
  let m = 0;
  for (let r = 0; r < n; r++) {
    if (weights !== undefined && !(weights[r] > 0)) continue;
    p += positive[r];
    m++;
  }
  const pos = new Float64Array(p);
  const neg = new Float64Array(m - p);
  let a = 0;
  let b = 0;
  if (weights === undefined) {
    for (let r = 0; r < n; r++) {
      if (positive[r] === 1) pos[a++] = scores[r] + 0;
      else neg[b++] = scores[r] + 0;
    }
    return { pos, neg };
  }
  const posWeights = new Float64Array(p);
  const negWeights = new Float64Array(m - p);
  for (let r = 0; r < n; r++) {
    if (!(weights[r] > 0)) continue;
    if (positive[r] === 1) { posWeights[a] = weights[r]; pos[a++] = scores[r] + 0; }
    else { negWeights[b] = weights[r]; neg[b++] = scores[r] + 0; }
  }
  return { pos, neg, posWeights, negWeights };
}
