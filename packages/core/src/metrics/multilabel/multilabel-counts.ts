import type { MultilabelInput } from './validate-multilabel-input.js';

/** Confusion counts of thresholded multilabel predictions, per label (weighted) and per sample (unweighted). */
export interface MultilabelCounts {
  /** Weighted true positives per label. */
  readonly labelTp: Float64Array;
  /** Weighted predicted positives per label. */
  readonly labelPredicted: Float64Array;
  /** Weighted actual positives per label (the support). */
  readonly labelActual: Float64Array;
  /** True positives per sample (label count). */
  readonly sampleTp: Int32Array;
  /** Predicted positives per sample. */
  readonly samplePredicted: Int32Array;
  /** Actual positives per sample. */
  readonly sampleActual: Int32Array;
}

/**
 * Thresholds every score column and counts hits, one pass over each column.
 *
 * @param input - validated label/score columns and optional weights
 * @param threshold - a label is predicted iff its score >= threshold
 * @returns weighted per-label counts and unweighted per-sample counts
 * @remarks tp_j = sum_i w_i y_ij p_ij, pred_j = sum_i w_i p_ij, true_j = sum_i w_i y_ij with p_ij = [s_ij >= t];
 * per sample the same sums run over labels, without weights (they cancel in every samplewise ratio).
 * @see sklearn.metrics.multilabel_confusion_matrix (samplewise=False and samplewise=True)
 * @example
 * ```ts
 * multilabelCounts({ labels: [y0, y1], scores: [s0, s1] }, 0.5).labelTp;
 * ```
 */
export function multilabelCounts(input: MultilabelInput, threshold: number): MultilabelCounts {
  const { labels, scores, weights } = input;
  const nLabels = labels.length;
  const n = labels[0].length;
  const labelTp = new Float64Array(nLabels);
  const labelPredicted = new Float64Array(nLabels);
  const labelActual = new Float64Array(nLabels);
  const sampleTp = new Int32Array(n);
  const samplePredicted = new Int32Array(n);
  const sampleActual = new Int32Array(n);
  for (let j = 0; j < nLabels; j++) {
    const y = labels[j];
    const s = scores[j];
    let tp = 0;
    let pred = 0;
    let act = 0;
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      const yi = y[i] === 1;
      const pi = s[i] >= threshold;
      if (yi) { act += w; sampleActual[i]++; }
      if (pi) { pred += w; samplePredicted[i]++; }
      if (yi && pi) { tp += w; sampleTp[i]++; }
    }
    labelTp[j] = tp;
    labelPredicted[j] = pred;
    labelActual[j] = act;
  }
  return { labelTp, labelPredicted, labelActual, sampleTp, samplePredicted, sampleActual };
}
