/** Rows grouped by query and ranked within each query. */
export interface QueryOrder {
  /** Row indices sorted by (query code asc, score desc, row index asc). */
  readonly order: Int32Array;
  /** Start offset into `order` of each query's run, plus `n` at the end (length = queries + 1). */
  readonly starts: Int32Array;
}

/**
 * Sorts the rows once by (query, score descending) so each query becomes a contiguous, ranked run.
 *
 * @param query - query id code per row; rows of one query may be anywhere
 * @param scores - model score per row (higher ranks first); NaN must be rejected before
 * @returns the sorted row order and the run boundaries of each query
 * @remarks Equal scores keep their row order (the row index is the last sort key), so tie-breaking is stable and
 * deterministic. O(n log n) time, O(n) extra memory; the inputs are not mutated.
 * @see sklearn.metrics.ndcg_score (which takes one row per query instead of grouping)
 * @example
 * ```ts
 * const { order, starts } = sortByQuery(Int32Array.from([1, 0, 1]), Float64Array.from([0.2, 0.5, 0.9]));
 * // order = [1, 2, 0], starts = [0, 1, 3]
 * ```
 */
export function sortByQuery(query: Int32Array, scores: Float64Array | Float32Array): QueryOrder {
  const n = query.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const qa = query[a];
    const qb = query[b];
    if (qa !== qb) return qa < qb ? -1 : 1;
    const sa = scores[a];
    const sb = scores[b];
    if (sa !== sb) return sa > sb ? -1 : 1;
    return a - b;
  });
  const starts: number[] = [];
  for (let p = 0; p < n; p++) if (p === 0 || query[order[p]] !== query[order[p - 1]]) starts.push(p);
  starts.push(n);
  return { order, starts: Int32Array.from(starts) };
}
