/**
 * Share of rows whose true class is among the `topK` highest-scored classes.
 *
 * @param labels - true class index per row
 * @param scores - k score columns
 * @param topK - how many top classes count as a hit (>= 1)
 * @param weights - optional sample weights
 * @returns the (weighted) hit rate
 * @remarks hit_i = [#{c : s_c > s_y or (s_c = s_y and c > y)} < topK]. The tie rule is scikit-learn's: it ranks by
 * a stable ascending argsort reversed, so among equal scores the higher class index ranks first.
 * @see sklearn.metrics.top_k_accuracy_score
 * @example
 * ```ts
 * topKAccuracy(Int32Array.of(0), [Float64Array.of(0.5), Float64Array.of(0.5), Float64Array.of(0)], 1); // 0
 * ```
 */
export function topKAccuracy(
  labels: Int32Array,
  scores: ReadonlyArray<Float64Array | Float32Array>,
  topK: number,
  weights?: Float64Array | Float32Array,
): number {
  const n = labels.length;
  const k = scores.length;
  const own = new Float64Array(n);
  for (let r = 0; r < n; r++) own[r] = scores[labels[r]][r];
  // Classes ranked above the true one, counted column by column so reads stay sequential.
  const above = new Int32Array(n);
  for (let c = 0; c < k; c++) {
    const col = scores[c];
    for (let r = 0; r < n; r++) {
      const v = col[r];
      if (v > own[r] || (v === own[r] && c > labels[r])) above[r]++;
    }
  }
  let hits = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const w = weights === undefined ? 1 : weights[r];
    if (above[r] < topK) hits += w;
    total += w;
  }
  return hits / total;
}
