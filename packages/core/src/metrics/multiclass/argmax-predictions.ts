/**
 * Hard predictions from score columns: the index of the largest score per row.
 *
 * @param scores - k columns of equal length (validated finite)
 * @returns the predicted class index per row
 * @remarks pred_i = argmax_c scores[c][i]; ties go to the lowest class index, as `numpy.argmax` (first occurrence).
 * @see numpy.argmax, sklearn's `predict` of probabilistic classifiers
 * @example
 * ```ts
 * argmaxPredictions([Float64Array.of(0.4, 0.1), Float64Array.of(0.4, 0.9)]); // Int32Array [0, 1]
 * ```
 */
export function argmaxPredictions(scores: ReadonlyArray<Float64Array | Float32Array>): Int32Array {
  const k = scores.length;
  const n = k === 0 ? 0 : scores[0].length;
  const pred = new Int32Array(n);
  // Column-major sweep keeps each column's reads sequential; `best` holds the running maximum per row.
  const best = Float64Array.from(scores[0] ?? []);
  for (let c = 1; c < k; c++) {
    const col = scores[c];
    for (let r = 0; r < n; r++) {
      if (col[r] > best[r]) { best[r] = col[r]; pred[r] = c; }
    }
  }
  return pred;
}
