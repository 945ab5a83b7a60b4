/**
 * Cumulative DCG discounts: `cumsum[p] = sum_{i < p} 1 / log2(i + 2)`, for p = 0..size.
 *
 * @param size - the longest list that will be scored
 * @returns a Float64Array of length size + 1, `cumsum[0] = 0`
 * @remarks discount_i = 1 / (ln(i + 2) / ln 2), written as scikit-learn writes it so the rounding agrees.
 * @see sklearn.metrics._ranking._dcg_sample_scores
 * @example
 * ```ts
 * dcgDiscountCumsum(2); // [0, 1, 1.6309...]
 * ```
 */
export function dcgDiscountCumsum(size: number): Float64Array {
  const cumsum = new Float64Array(size + 1);
  const ln2 = Math.log(2);
  for (let i = 0; i < size; i++) cumsum[i + 1] = cumsum[i] + 1 / (Math.log(i + 2) / ln2);
  return cumsum;
}

/**
 * NDCG at k of one query, with scikit-learn's tie averaging (`ignore_ties=False`).
 *
 * @param gains - gains of the query's documents in ranked order (score descending)
 * @param scores - the matching scores, descending; equal neighbours form a tie group
 * @param idealGains - the same gains sorted descending
 * @param k - cut-off (a positive integer; larger than the query means no cut-off)
 * @param cumsum - discounts from {@link dcgDiscountCumsum}, at least `gains.length + 1` long
 * @returns DCG@k / IDCG@k, or 0 when IDCG@k = 0 (scikit-learn's convention)
 * @remarks D(p) = cumsum[min(p, k)]. A tie group at ranks [a, b) contributes mean(gain over the group) *
 * (D(b) - D(a)), so every ordering of the ties is averaged; IDCG@k = sum_{i < min(k, m)} idealGains_i / log2(i + 2).
 * @see sklearn.metrics.ndcg_score, sklearn.metrics._ranking._tie_averaged_dcg
 * @example
 * ```ts
 * const g = Float64Array.from([1, 0]);
 * ndcgAtK(g, Float64Array.from([0.5, 0.5]), Float64Array.from([1, 0]), 2, dcgDiscountCumsum(2)); // 0.8065...
 * ```
 */
export function ndcgAtK(
  gains: Float64Array,
  scores: Float64Array,
  idealGains: Float64Array,
  k: number,
  cumsum: Float64Array,
): number {
  const m = gains.length;
  const cut = Math.min(k, m);
  let ideal = 0;
  for (let i = 0; i < cut; i++) ideal += idealGains[i] * (cumsum[i + 1] - cumsum[i]);
  if (ideal === 0) return 0;
  let dcg = 0;
  let a = 0;
  while (a < cut) {
    let b = a + 1;
    let sum = gains[a];
    while (b < m && scores[b] === scores[a]) { sum += gains[b]; b++; }
    dcg += (sum / (b - a)) * (cumsum[Math.min(b, cut)] - cumsum[a]);
    a = b;
  }
  return dcg / ideal;
}
