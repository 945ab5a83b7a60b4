const EPS = Number.EPSILON;

/** Multiclass log loss and the first row whose scores do not sum to 1. */
export interface MulticlassLogLoss {
  value: number;
  /** First row with |sum of scores - 1| > 1e-6, or -1 when every row sums to 1. */
  firstUnnormalisedRow: number;
}

/**
 * Cross-entropy of class probabilities, computed as scikit-learn does: clip, renormalise each row, average.
 *
 * @param labels - true class index per row
 * @param scores - k probability columns
 * @param weights - optional sample weights
 * @returns the (weighted) mean loss and the first row that does not sum to 1
 * @remarks q_c = clip(s_c, eps, 1 - eps) with eps = 2^-52 (float64 machine epsilon, scikit-learn's `eps="auto"`),
 * loss = sum_i w_i * -log(q_{y_i} / sum_c q_c) / sum_i w_i.
 * @see sklearn.metrics.log_loss
 * @example
 * ```ts
 * multiclassLogLoss(Int32Array.of(1), [Float64Array.of(0.2), Float64Array.of(0.8)]).value; // 0.223...
 * ```
 */
export function multiclassLogLoss(
  labels: Int32Array,
  scores: ReadonlyArray<Float64Array | Float32Array>,
  weights?: Float64Array | Float32Array,
): MulticlassLogLoss {
  const n = labels.length;
  const k = scores.length;
  const clippedSum = new Float64Array(n);
  const rawSum = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    const col = scores[c];
    for (let r = 0; r < n; r++) {
      const v = col[r];
      rawSum[r] += v;
      clippedSum[r] += Math.min(Math.max(v, EPS), 1 - EPS);
    }
  }
  let sum = 0;
  let total = 0;
  let firstUnnormalisedRow = -1;
  for (let r = 0; r < n; r++) {
    if (firstUnnormalisedRow < 0 && Math.abs(rawSum[r] - 1) > 1e-6) firstUnnormalisedRow = r;
    const q = Math.min(Math.max(scores[labels[r]][r], EPS), 1 - EPS) / clippedSum[r];
    const w = weights === undefined ? 1 : weights[r];
    sum -= w * Math.log(q);
    total += w;
  }
  return { value: sum / total, firstUnnormalisedRow };
}
