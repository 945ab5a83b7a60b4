import { ValidationError } from '../../errors.js';
import type { TaskResult } from '../../evaluate/prepared-task.js';
import { rankingMetrics } from '../../metrics/ranking/ranking-metrics.js';
import type { RankingInput, RankingNames } from '../../metrics/ranking/validate-ranking-input.js';
import { STATE_VERSION, type MetricState, type StateJson } from '../metric-state.js';
import { GrowableColumn } from '../regression/growable-column.js';
import { checkStateJson, decodeTypedArray, encodeTypedArray, type EncodedArray } from '../state-buffers.js';

/** Options of {@link RankingState}: those of the ranking task. */
export interface RankingStateOptions {
  /** Cut-offs, positive integers (default [5, 10], as the task). */
  k?: number[];
  /** NDCG gain: 'linear' (default) or 'exponential'. */
  gain?: 'linear' | 'exponential';
  /** Column names for messages. */
  names?: RankingNames;
  /** The query value of each code, to name a query in messages (codes must mean the same in every batch). */
  queryValues?: ReadonlyArray<number | string | boolean>;
}

/** Serialised {@link RankingState}. */
export interface RankingStateJson extends StateJson {
  readonly kind: 'ranking';
  readonly k: number[];
  readonly gain: 'linear' | 'exponential';
  readonly names: RankingNames | null;
  readonly queryValues: Array<number | string | boolean> | null;
  readonly query: EncodedArray;
  readonly relevance: EncodedArray;
  readonly scores: EncodedArray;
}

/**
 * The mergeable state of the ranking task: what `prepareRankingTask(...).evaluate(kernels, true)` computes
 * (= `rankingMetrics`), with the rows of one query free to arrive in several batches or states.
 *
 * @remarks Per-query metrics cannot be finalised before a query's last row arrives, so the state keeps every row:
 * query code (int32), relevance and score (float64), 20 bytes a row (up to 2x while the columns grow). Merge appends
 * the other state's rows; `compute()` runs `rankingMetrics` over them (one grouping sort), so it is exact.
 * Query codes must be global (the same dictionary in every batch and state). P@k, recall@k, hit rate, MAP and MRR
 * break score ties by row order (earlier first), as the one-shot function does: the state is exact for the rows in
 * the order it received them (its updates in order, a merged state's rows after its own). Merge is order-free and
 * a shuffle changes nothing when scores within a query are distinct; with tied scores only NDCG (tie-averaged) is
 * order-free, as it is for the one-shot function itself.
 * @see sklearn.metrics.ndcg_score
 * @example
 * ```ts
 * const s = new RankingState({ k: [5, 10] });
 * s.update({ query: q1, relevance: r1, scores: s1 }).update({ query: q2, relevance: r2, scores: s2 });
 * s.compute().metrics.ndcg_at_10;
 * ```
 */
export class RankingState implements MetricState<RankingInput> {
  readonly kind = 'ranking';
  readonly k: readonly number[];
  readonly gain: 'linear' | 'exponential';
  readonly names: RankingNames | undefined;
  readonly queryValues: ReadonlyArray<number | string | boolean> | undefined;
  private readonly query = new GrowableColumn(Int32Array);
  private readonly relevance = new GrowableColumn(Float64Array);
  private readonly scores = new GrowableColumn(Float64Array);

  /**
   * @param options - cut-offs `k`, `gain`, and `names` / `queryValues` for messages
   * @throws ValidationError `invalid_argument` for empty or non-positive-integer cut-offs or an unknown gain
   */
  constructor(options: RankingStateOptions = {}) {
    const k = options.k ?? [5, 10];
    if (!Array.isArray(k) || k.length === 0 || k.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 1)) {
      throw new ValidationError('invalid_argument', `Expected option \`k\` to list positive integers (e.g. [5, 10]), but got ${String(k)}.`);
    }
    const gain = options.gain ?? 'linear';
    if (gain !== 'linear' && gain !== 'exponential') {
      throw new ValidationError('invalid_argument', `Expected option \`gain\` to be 'linear' or 'exponential', but got ${String(gain)}.`);
    }
    this.k = [...k];
    this.gain = gain;
    this.names = options.names !== undefined ? { ...options.names } : undefined;
    this.queryValues = options.queryValues !== undefined ? [...options.queryValues] : undefined;
  }

  /** Rows added so far. */
  get rows(): number {
    return this.query.length;
  }

  /**
   * Adds rows (copied; inputs are never mutated). A query's rows may be spread over batches.
   * @param batch - query codes, relevance (finite, >= 0) and scores (not NaN), equally long; may be empty
   * @returns this
   * @throws ValidationError `length_mismatch` or `invalid_input`
   */
  update(batch: RankingInput): this {
    const { query, relevance, scores } = batch;
    const n = query.length;
    const rel = this.names?.relevance ?? 'relevance';
    const sc = this.names?.score ?? 'scores';
    if (relevance.length !== n || scores.length !== n) {
      throw new ValidationError('length_mismatch',
        `Expected columns of equal length, but \`${this.names?.query ?? 'query'}\` has ${n} rows, \`${rel}\` ${relevance.length} and \`${sc}\` ${scores.length}.`);
    }
    for (let i = 0; i < n; i++) {
      const r = relevance[i];
      if (!Number.isFinite(r) || r < 0) {
        throw new ValidationError('invalid_input', `Column \`${rel}\` holds ${String(r)} at batch row ${i}; relevance must be a finite number >= 0.`);
      }
      if (Number.isNaN(scores[i])) throw new ValidationError('invalid_input', `Column \`${sc}\` holds NaN at batch row ${i}; scores must be numbers.`);
    }
    this.query.append(query);
    this.relevance.append(relevance);
    this.scores.append(scores);
    return this;
  }

  /**
   * Appends the rows of another ranking state with the same cut-offs and gain.
   * @param other - the other state (unchanged)
   * @returns this
   * @throws ValidationError `invalid_argument` when `k` or `gain` differ
   */
  merge(other: this): this {
    if (!(other instanceof RankingState)) throw new ValidationError('invalid_argument', 'Can only merge a ranking state into a ranking state.');
    if (other.gain !== this.gain || other.k.length !== this.k.length || other.k.some((v, i) => v !== this.k[i])) {
      throw new ValidationError('invalid_argument',
        `Cannot merge ranking states with different options (k [${this.k.join(', ')}] vs [${other.k.join(', ')}], gain ${this.gain} vs ${other.gain}).`);
    }
    this.query.appendColumn(other.query);
    this.relevance.appendColumn(other.relevance);
    this.scores.appendColumn(other.scores);
    return this;
  }

  /**
   * The ranking task's result: metrics, the `ranking` section (queries, excluded queries) and warnings.
   * @returns the task result
   * @throws ValidationError `empty_input` with no rows, `invalid_input` for a query with a single document
   */
  compute(): TaskResult {
    const r = rankingMetrics(
      { query: this.query.view(), relevance: this.relevance.view(), scores: this.scores.view() },
      { k: [...this.k], gain: this.gain, names: this.names, queryValues: this.queryValues },
    );
    return { metrics: r.metrics, sections: { ranking: { queries: r.queries, excluded_queries: r.excludedQueries } }, warnings: r.warnings };
  }

  /** @returns the lossless serialised state */
  toJSON(): RankingStateJson {
    return {
      kind: 'ranking',
      version: STATE_VERSION,
      k: [...this.k],
      gain: this.gain,
      names: this.names !== undefined ? { ...this.names } : null,
      queryValues: this.queryValues !== undefined ? [...this.queryValues] : null,
      query: encodeTypedArray(this.query.view()),
      relevance: encodeTypedArray(this.relevance.view()),
      scores: encodeTypedArray(this.scores.view()),
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse).
   * @param json - the parsed JSON
   * @returns the state
   * @throws ValidationError `invalid_input` for another kind, version or inconsistent arrays
   */
  static fromJSON(json: StateJson): RankingState {
    checkStateJson(json, 'ranking', STATE_VERSION);
    const j = json as RankingStateJson;
    const state = new RankingState({ k: j.k, gain: j.gain, names: j.names ?? undefined, queryValues: j.queryValues ?? undefined });
    const q = decodeTypedArray(j.query);
    const rel = decodeTypedArray(j.relevance);
    const s = decodeTypedArray(j.scores);
    if (!(q instanceof Int32Array) || !(rel instanceof Float64Array) || !(s instanceof Float64Array) || rel.length !== q.length || s.length !== q.length) {
      throw new ValidationError('invalid_input', 'A serialised ranking state holds columns of different types or lengths.');
    }
    state.query.append(q);
    state.relevance.append(rel);
    state.scores.append(s);
    return state;
  }
}
