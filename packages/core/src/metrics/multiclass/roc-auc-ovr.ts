import type { Kernels } from '../../kernels/binary-clf-curve.js';
import { rocAuc } from '../curves/roc-auc.js';

/** One-vs-rest ROC AUC per class and its two averages. */
export interface RocAucOvr {
  /** AUC of class c (column c) against all other classes. */
  perClass: Float64Array;
  macro: number;
  /** Averaged with the (weighted) prevalence of each class. */
  weighted: number;
}

/**
 * One-vs-rest ROC AUC: each class's score column against "is this class", through the shared curve kernel.
 *
 * @param labels - true class index per row
 * @param scores - k score columns, used as given (no renormalisation)
 * @param kernels - backend whose `binaryClfCurve` sorts each column once
 * @param weights - optional sample weights
 * @returns per-class AUCs, their mean and their prevalence-weighted mean (NaN when a class lacks positives or negatives)
 * @remarks AUC_c = rocAuc(curve(scores[c], [y = c], w)); macro = mean_c AUC_c;
 * weighted = sum_c n_c AUC_c / sum_c n_c with n_c = sum_i w_i [y_i = c].
 * @see sklearn.metrics.roc_auc_score with multi_class="ovr"
 * @example
 * ```ts
 * const { macro } = await rocAucOvr(labels, scores, jsKernels);
 * ```
 */
export async function rocAucOvr(
  labels: Int32Array,
  scores: ReadonlyArray<Float64Array | Float32Array>,
  kernels: Kernels,
  weights?: Float64Array | Float32Array,
): Promise<RocAucOvr> {
  const n = labels.length;
  const k = scores.length;
  const perClass = new Float64Array(k);
  const prevalence = new Float64Array(k);
  for (let r = 0; r < n; r++) prevalence[labels[r]] += weights === undefined ? 1 : weights[r];
  for (let c = 0; c < k; c++) {
    const positive = new Uint8Array(n);
    for (let r = 0; r < n; r++) positive[r] = labels[r] === c ? 1 : 0;
    const curve = await kernels.binaryClfCurve({ scores: scores[c], positive, weights });
    perClass[c] = rocAuc(curve);
  }
  let sum = 0;
  let wsum = 0;
  let wtotal = 0;
  for (let c = 0; c < k; c++) {
    sum += perClass[c];
    wsum += prevalence[c] * perClass[c];
    wtotal += prevalence[c];
  }
  return { perClass, macro: sum / k, weighted: wsum / wtotal };
}
