import type { Table } from 'apache-arrow';
import { getColumn, toLabelCodes, toNumericArray } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { rankingMetrics } from '../metrics/ranking/ranking-metrics.js';
import { RankingState } from '../states/ranking/index.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { RankingSpec } from './evaluation-spec.js';
import { gatherRows } from './gather-rows.js';
import type { PreparedTask } from './prepared-task.js';
import { validRows } from './row-validation.js';

type Values = Float64Array | Float32Array;

/**
 * Validates the columns of a ranking task: a query id column, a relevance label column and a score column.
 * @param table - the data
 * @param spec - the ranking spec
 * @returns the prepared task
 * @throws ValidationError for bad k values, nulls, a query with a single document
 * @example
 * ```ts
 * prepareRankingTask(table, { task: 'ranking', query: 'qid', label: 'rel', score: 's', k: [5, 10] });
 * ```
 */
export function prepareRankingTask(table: Table, spec: RankingSpec): PreparedTask {
  const k = spec.k ?? [5, 10];
  if (k.length === 0 || k.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new ValidationError('invalid_argument', `--k must list positive integers (e.g. 5,10), got ${k.join(',')}.`);
  }
  const gain = spec.gain ?? 'linear';
  if (spec.weight !== undefined) {
    throw new ValidationError('invalid_argument', 'ranking metrics take no sample weights (scikit-learn\'s ndcg_score weighs queries, not rows); drop --weight.');
  }
  const query = toLabelCodes(getColumn(table, spec.query), spec.query);
  let relevance: Values = toNumericArray(getColumn(table, spec.label), spec.label).values;
  let score: Values = toNumericArray(getColumn(table, spec.score), spec.score).values;
  const n = relevance.length;
  if (n === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  const warnings: ReportWarning[] = [];
  const keep = validRows(n, [
    { name: spec.query, codes: query.codes },
    { name: spec.label, values: relevance },
    { name: spec.score, values: score },
  ], spec.nan ?? 'error', warnings, spec.rowOffset);
  let codes = query.codes;
  if (keep !== undefined) {
    codes = gatherRows(codes, keep);
    relevance = gatherRows(relevance, keep);
    score = gatherRows(score, keep);
  }
  const columns = { query: spec.query, label: spec.label, score: spec.score };
  const build = (qq: Int32Array, rr: Values, ss: Values, drop: number, warn: ReportWarning[], source?: Uint32Array): PreparedTask => ({
    task: 'ranking',
    rows: qq.length,
    columns,
    options: { k, gain },
    sourceRows: source,
    dropped: drop,
    warnings: warn,
    async evaluate(_kernels, detail) {
      const r = rankingMetrics({ query: qq, relevance: rr, scores: ss }, { k, gain, names: { query: spec.query }, queryValues: query.classes });
      return {
        metrics: r.metrics,
        sections: detail ? { ranking: { queries: r.queries, excluded_queries: r.excludedQueries } } : {},
        warnings: r.warnings,
      };
    },
    subset: (idx) => build(gatherRows(qq, idx), gatherRows(rr, idx), gatherRows(ss, idx), 0, []),
    toState(context) {
      // Batch-local query codes become stream-wide ids, so a query split across batches stays one query.
      const ids = query.classes.map((value) => context.queryId(value));
      const global = Int32Array.from(qq, (code) => ids[code]);
      return new RankingState({ k, gain, names: { query: spec.query }, queryValues: context.queryValues })
        .update({ query: global, relevance: rr, scores: ss });
    },
  });
  return build(codes, relevance, score, keep !== undefined ? n - keep.length : 0, warnings, keep);
}
