import type { RankingSpec } from '../evaluate/evaluation-spec.js';
import type { Report } from '../report/report.js';
import type { ColumnInput } from './column-vector.js';
import { evaluateColumns } from './evaluate-columns.js';

/** The columns of a ranking evaluation: one row per (query, document). */
export interface RankingColumns {
  /** Query ids (numbers or strings). */
  query: ColumnInput;
  /** Relevance grades (>= 0). */
  label: ColumnInput;
  /** Ranking scores (higher ranks first). */
  score: ColumnInput;
}

/** Options of {@link evaluateRanking}: a ranking spec without the task and column names. */
export type EvaluateRankingOptions = Omit<RankingSpec, 'task' | 'query' | 'label' | 'score' | 'weight' | 'by'>;

/**
 * Evaluates a ranking: NDCG, precision, recall and hit rate at the cut-offs `k`, MRR and MAP, averaged over queries.
 *
 * @param columns - `query`, `label` (relevance) and `score`
 * @param options - k, gain, nan, ... (as {@link RankingSpec})
 * @returns the report
 * @throws ValidationError for bad options or values
 * @see sklearn.metrics.ndcg_score
 * @example
 * ```ts
 * import { evaluateRanking } from '@modelperf/core';
 * const report = await evaluateRanking(
 *   { query: ['a', 'a', 'a', 'b', 'b'], label: [1, 0, 0, 0, 1], score: [0.9, 0.5, 0.1, 0.8, 0.3] },
 *   { k: [1] },
 * );
 * console.log(report.metrics.precision_at_1); // 0.5
 * ```
 */
export function evaluateRanking(columns: RankingColumns, options: EvaluateRankingOptions = {}): Promise<Report> {
  return evaluateColumns(
    { query: columns.query, label: columns.label, score: columns.score },
    { ...options, task: 'ranking', query: 'query', label: 'label', score: 'score' },
  );
}
