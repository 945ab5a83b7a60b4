import { ValidationError } from '../../errors.js';
import type { ReportWarning } from '../../report/report-warning.js';
import { dcgDiscountCumsum, ndcgAtK } from './ndcg-at-k.js';
import { queryHitMetrics } from './query-hit-metrics.js';
import { sortByQuery } from './sort-by-query.js';
import { validateRankingInput, type RankingInput, type RankingNames } from './validate-ranking-input.js';

/** Options of {@link rankingMetrics}. */
export interface RankingOptions {
  /** Cut-offs; each a positive integer. */
  k: number[];
  /** NDCG gain: 'linear' (gain = relevance, default) or 'exponential' (gain = 2^relevance - 1). */
  gain?: 'linear' | 'exponential';
  /** Column names for messages. */
  names?: RankingNames;
  /** The query value of each code (`queryValues[code]`), to name a query in messages. */
  queryValues?: ReadonlyArray<number | string | boolean>;
  /** How a query code is shown in messages; overrides `queryValues`; default `String(code)`. */
  displayQuery?: (code: number) => string;
}

/** Result of {@link rankingMetrics}. */
export interface RankingResult {
  /** ndcg_at_<k>, precision_at_<k>, recall_at_<k>, hit_rate_at_<k> for each k, map and mrr. */
  metrics: Record<string, number>;
  /** Number of distinct queries. */
  queries: number;
  /** Queries without a relevant document, left out of every metric but NDCG. */
  excludedQueries: number;
  /** `no_relevant_documents` when queries were excluded. */
  warnings: ReportWarning[];
}

/**
 * Ranking metrics over (query, relevance, score) rows: NDCG@k, precision@k, recall@k, hit rate@k, MAP and MRR, each
 * averaged over queries with equal weight.
 *
 * @param input - query codes, graded relevance (>= 0) and scores per row; never mutated
 * @param options - `k` cut-offs, `gain`; `names`, `queryValues` and `displayQuery` only shape messages
 * @returns `metrics`, the number of `queries`, of `excludedQueries`, and `warnings`
 * @throws ValidationError `invalid_argument` (bad k or gain), `length_mismatch`, `empty_input`, `invalid_input`
 * (negative or non-finite relevance, NaN score, a query with a single document)
 * @remarks One sort by (query, score desc, row) groups and ranks every query. NDCG@k follows scikit-learn's ndcg_score
 * per query: tied scores are averaged (`ignore_ties=False`), a query whose ideal DCG is 0 scores 0 and still counts.
 * A document is relevant when relevance >= 1. With hits@k the relevant documents in the top min(k, m) of a query of
 * m documents and R its relevant documents: precision@k = hits@k / k (k even when m < k), recall@k = hits@k / R,
 * hit rate@k = [hits@k > 0], AP = (1/R) sum_{relevant ranks p} hits(p) / p, RR = 1 / first relevant rank.
 * For these, ties in score are broken by row order (the earlier row ranks first), so they are deterministic but not
 * tie-averaged. Queries with R = 0 are excluded from them (NaN when every query is excluded) but kept in NDCG.
 * @see sklearn.metrics.ndcg_score
 * @example
 * ```ts
 * const { metrics } = rankingMetrics({ query, relevance, scores }, { k: [5, 10], gain: 'exponential' });
 * metrics.ndcg_at_10; metrics.map;
 * ```
 */
export function rankingMetrics(input: RankingInput, options: RankingOptions): RankingResult {
  const gain = options.gain ?? 'linear';
  if (gain !== 'linear' && gain !== 'exponential') {
    throw new ValidationError('invalid_argument', `Expected option \`gain\` to be 'linear' or 'exponential', but got ${String(gain)}.`);
  }
  const ks = options.k;
  validateRankingInput(input, ks, options.names);
  const { query, relevance, scores } = input;
  const values = options.queryValues;
  const display = options.displayQuery
    ?? ((code: number) => String(values !== undefined && code >= 0 && code < values.length ? values[code] : code));
  const { order, starts } = sortByQuery(query, scores);
  const nQueries = starts.length - 1;

  let longest = 0;
  for (let g = 0; g < nQueries; g++) {
    const size = starts[g + 1] - starts[g];
    if (size === 1) {
      const column = options.names?.query !== undefined ? ` (column \`${options.names.query}\`)` : '';
      throw new ValidationError('invalid_input',
        `Query \`${display(query[order[starts[g]]])}\`${column} has a single document; ranking metrics need at least two per query.`);
    }
    if (size > longest) longest = size;
  }

  const cumsum = dcgDiscountCumsum(longest);
  const nK = ks.length;
  const ndcgSum = new Float64Array(nK);
  const precisionSum = new Float64Array(nK);
  const recallSum = new Float64Array(nK);
  const hitSum = new Float64Array(nK);
  let apSum = 0;
  let rrSum = 0;
  let excluded = 0;
  for (let g = 0; g < nQueries; g++) {
    const start = starts[g];
    const m = starts[g + 1] - start;
    const gains = new Float64Array(m);
    const ranked = new Float64Array(m);
    const relevant = new Uint8Array(m);
    for (let p = 0; p < m; p++) {
      const row = order[start + p];
      const r = relevance[row];
      gains[p] = gain === 'linear' ? r : 2 ** r - 1;
      ranked[p] = scores[row];
      relevant[p] = r >= 1 ? 1 : 0;
    }
    const ideal = Float64Array.from(gains).sort().reverse();
    for (let t = 0; t < nK; t++) ndcgSum[t] += ndcgAtK(gains, ranked, ideal, ks[t], cumsum);
    const hits = queryHitMetrics(relevant, ks);
    if (hits.relevant === 0) {
      excluded++;
      continue;
    }
    apSum += hits.averagePrecision;
    rrSum += hits.reciprocalRank;
    for (let t = 0; t < nK; t++) {
      const h = hits.hitsAtK[t];
      precisionSum[t] += h / ks[t];
      recallSum[t] += h / hits.relevant;
      hitSum[t] += h > 0 ? 1 : 0;
    }
  }

  const included = nQueries - excluded;
  const metrics: Record<string, number> = {};
  for (let t = 0; t < nK; t++) {
    const k = ks[t];
    metrics[`ndcg_at_${k}`] = ndcgSum[t] / nQueries;
    metrics[`precision_at_${k}`] = precisionSum[t] / included;
    metrics[`recall_at_${k}`] = recallSum[t] / included;
    metrics[`hit_rate_at_${k}`] = hitSum[t] / included;
  }
  metrics.map = apSum / included;
  metrics.mrr = rrSum / included;

  const warnings: ReportWarning[] = [];
  if (excluded > 0) {
    const column = options.names?.query !== undefined ? ` (column \`${options.names.query}\`)` : '';
    const rest = included === 0 ? 'so they are NaN' : `they average over the other ${included}`;
    warnings.push({
      code: 'no_relevant_documents',
      message: `${excluded} of ${nQueries} queries${column} have no relevant document (relevance >= 1); they count in NDCG `
        + `but are left out of map, mrr, precision, recall and hit rate, and ${rest}.`,
    });
  }
  return { metrics, queries: nQueries, excludedQueries: excluded, warnings };
}
