/**
 * The k x k confusion matrix in one pass over the rows.
 *
 * @param labels - true class index per row
 * @param pred - predicted class index per row
 * @param k - number of classes
 * @param weights - optional sample weights
 * @returns a flat row-major Float64Array, entry [t * k + p] = (weighted) count of rows with label t predicted p
 * @remarks C[t][p] = sum_i w_i [y_i = t][yhat_i = p], accumulated in float64.
 * @see sklearn.metrics.confusion_matrix
 * @example
 * ```ts
 * multiclassConfusion(Int32Array.of(0, 1), Int32Array.of(1, 1), 2); // [0, 1, 0, 1]
 * ```
 */
export function multiclassConfusion(
  labels: Int32Array,
  pred: Int32Array,
  k: number,
  weights?: Float64Array | Float32Array,
): Float64Array {
  const cm = new Float64Array(k * k);
  const n = labels.length;
  if (weights === undefined) {
    for (let r = 0; r < n; r++) cm[labels[r] * k + pred[r]] += 1;
  } else {
    for (let r = 0; r < n; r++) cm[labels[r] * k + pred[r]] += weights[r];
  }
  return cm;
}
