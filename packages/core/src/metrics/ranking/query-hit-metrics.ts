/** Relevance-based metrics of one ranked query. */
export interface QueryHitMetrics {
  /** Number of relevant documents in the query. */
  relevant: number;
  /** Average precision over the full ranking. */
  averagePrecision: number;
  /** 1 / rank of the first relevant document. */
  reciprocalRank: number;
  /** Relevant documents among the top k, one entry per k. */
  hitsAtK: Float64Array;
}

/**
 * Counts the hits of one ranked query: average precision, reciprocal rank and relevant documents in each top k.
 *
 * @param relevant - 1 for a relevant document (relevance >= 1), 0 otherwise, in ranked order (ties already broken)
 * @param ks - cut-offs
 * @returns the counts; averagePrecision and reciprocalRank are NaN when nothing is relevant
 * @remarks AP = (1/R) sum_{p : rel_p} hits(p)/p with hits(p) the relevant documents in ranks 1..p and R the relevant
 * documents in the query; RR = 1/p_first; hits@k = hits(min(k, m)).
 * @see sklearn.metrics.average_precision_score (per query, with ties broken by position instead of grouped)
 * @example
 * ```ts
 * queryHitMetrics(Uint8Array.from([0, 1, 1]), [1, 2]); // AP = (1/2 + 2/3) / 2, RR = 1/2, hits = [0, 1]
 * ```
 */
export function queryHitMetrics(relevant: Uint8Array, ks: readonly number[]): QueryHitMetrics {
  const m = relevant.length;
  let hits = 0;
  let precisionSum = 0;
  let first = 0;
  for (let p = 0; p < m; p++) {
    if (relevant[p] === 1) {
      hits++;
      precisionSum += hits / (p + 1);
      if (first === 0) first = p + 1;
    }
  }
  const hitsAtK = new Float64Array(ks.length);
  for (let t = 0; t < ks.length; t++) {
    const cut = Math.min(ks[t], m);
    let h = 0;
    for (let p = 0; p < cut; p++) h += relevant[p];
    hitsAtK[t] = h;
  }
  return {
    relevant: hits,
    averagePrecision: hits > 0 ? precisionSum / hits : NaN,
    reciprocalRank: first > 0 ? 1 / first : NaN,
    hitsAtK,
  };
}
