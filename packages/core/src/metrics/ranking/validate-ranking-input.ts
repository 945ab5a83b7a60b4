import { ValidationError } from '../../errors.js';

/** Query, relevance and score columns of a ranking task, one row per (query, document). */
export interface RankingInput {
  /** Query id code per row; rows of one query need not be contiguous. */
  readonly query: Int32Array;
  /** Graded relevance per row (>= 0); a document is relevant when relevance >= 1. */
  readonly relevance: Float64Array | Float32Array;
  /** Model score per row; higher ranks first. */
  readonly scores: Float64Array | Float32Array;
}

/** Column names for messages. */
export interface RankingNames {
  readonly query: string;
  readonly relevance?: string;
  readonly score?: string;
}

/**
 * Checks the ranking columns and the cut-offs: equal lengths, rows present, relevance finite and >= 0, scores not NaN,
 * every k a positive integer.
 *
 * @param input - query codes, relevance and scores
 * @param k - the cut-offs requested
 * @param names - column names for messages (defaults `query`, `relevance`, `scores`)
 * @returns nothing; throws on the first problem
 * @throws ValidationError `invalid_argument` (bad or missing k), `length_mismatch`, `empty_input`, `invalid_input`
 * @remarks scikit-learn's ndcg_score refuses negative relevance; modelperf also refuses NaN and ±Infinity relevance
 * and NaN scores.
 * @see sklearn.metrics.ndcg_score
 * @example
 * ```ts
 * validateRankingInput({ query, relevance, scores }, [5, 10]);
 * ```
 */
export function validateRankingInput(input: RankingInput, k: readonly number[], names?: RankingNames): void {
  if (!Array.isArray(k) || k.length === 0) {
    throw new ValidationError('invalid_argument', 'Expected option `k` to list at least one cut-off, e.g. [5, 10].');
  }
  for (const v of k) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      throw new ValidationError('invalid_argument', `Expected every k to be a positive integer, but got ${String(v)}.`);
    }
  }
  const q = names?.query ?? 'query';
  const rel = names?.relevance ?? 'relevance';
  const sc = names?.score ?? 'scores';
  const { query, relevance, scores } = input;
  const n = query.length;
  if (relevance.length !== n || scores.length !== n) {
    throw new ValidationError('length_mismatch',
      `Expected columns of equal length, but \`${q}\` has ${n} rows, \`${rel}\` ${relevance.length} and \`${sc}\` ${scores.length}.`);
  }
  if (n === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  for (let i = 0; i < n; i++) {
    const r = relevance[i];
    if (!Number.isFinite(r) || r < 0) {
      throw new ValidationError('invalid_input',
        `Column \`${rel}\` holds ${String(r)} at row ${i}; relevance must be a finite number >= 0.`);
    }
    if (Number.isNaN(scores[i])) {
      throw new ValidationError('invalid_input', `Column \`${sc}\` holds NaN at row ${i}; scores must be numbers.`);
    }
  }
}
