import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { prepareRankingTask } from '../../../src/evaluate/ranking-task.js';
import { rankingPredictionsTable } from '../../../src/generate/ranking-predictions-table.js';
import { jsKernels } from '../../../src/kernels/js/js-kernels.js';
import { rankingMetrics } from '../../../src/metrics/ranking/ranking-metrics.js';
import { RankingState } from '../../../src/states/ranking/index.js';
import { checkStateLaws, expectSameResult, permutation, randomCuts, seededRandom } from '../regression/state-laws.js';

type Col = Float64Array | Int32Array;
function gather<T extends Col>(values: T, idx: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

function subject(query: Int32Array, relevance: Float64Array, scores: Float64Array, k: number[], gain: 'linear' | 'exponential') {
  return {
    rows: query.length,
    slice: (a: number, b: number) => ({ query: query.subarray(a, b), relevance: relevance.subarray(a, b), scores: scores.subarray(a, b) }),
    gather: (idx: Uint32Array) => ({ query: gather(query, idx), relevance: gather(relevance, idx), scores: gather(scores, idx) }),
    create: () => new RankingState({ k, gain }),
    fromJSON: RankingState.fromJSON,
    reference: () => {
      const r = rankingMetrics({ query, relevance, scores }, { k, gain });
      return { metrics: r.metrics, sections: { ranking: { queries: r.queries, excluded_queries: r.excludedQueries } }, warnings: r.warnings };
    },
  };
}

describe('RankingState', () => {
  const table = rankingPredictionsTable({ rows: 4000, seed: 9, docsPerQuery: 12 });
  const query = table.getChild('query')!.toArray() as Int32Array;
  const relevance = Float64Array.from(table.getChild('relevance')!.toArray() as Int8Array);
  const tied = table.getChild('score')!.toArray() as Float64Array;

  it('obeys the state laws on interleaved queries with distinct scores', () => {
    // Shuffle so each query's rows spread over batches; distinct scores make every metric order-free.
    const rnd = seededRandom(3);
    const p = permutation(query.length, rnd);
    const q = gather(query, p);
    const rel = gather(relevance, p);
    const s = Float64Array.from(p, () => rnd());
    checkStateLaws(subject(q, rel, s, [1, 5, 10], 'linear'), 1);
    checkStateLaws(subject(q, rel, s, [3, 20], 'exponential'), 2);
  });

  it('with tied scores: chunked and in-order merges are exact, NDCG is order-free', () => {
    const s = subject(query, relevance, tied, [5, 10], 'linear');
    const reference = s.reference();
    const rnd = seededRandom(4);
    const cuts = randomCuts(query.length, 7, rnd);
    const chunked = s.create();
    const merged = s.create();
    const nested = s.create();
    for (let i = 0; i + 1 < cuts.length; i++) {
      chunked.update(s.slice(cuts[i], cuts[i + 1]));
      merged.merge(s.create().update(s.slice(cuts[i], cuts[i + 1])));
    }
    // a (b c) keeps the row order too.
    const tail = s.create();
    for (let i = 1; i + 1 < cuts.length; i++) tail.merge(s.create().update(s.slice(cuts[i], cuts[i + 1])));
    nested.update(s.slice(0, cuts[1])).merge(tail);
    for (const st of [chunked, merged, nested]) expectSameResult(st.compute(), reference, 0, true);
    const back = RankingState.fromJSON(JSON.parse(JSON.stringify(merged.toJSON())));
    expectSameResult(back.compute(), reference, 0, true);
    // Reversed merge order: NDCG unchanged; the rest equals the one-shot on the rows in that order.
    const half = cuts[3];
    const reversed = s.create().update(s.slice(half, query.length)).merge(s.create().update(s.slice(0, half))).compute();
    for (const key of Object.keys(reference.metrics).filter((m) => m.startsWith('ndcg'))) {
      expect(Math.abs(reversed.metrics[key] - reference.metrics[key])).toBeLessThanOrEqual(1e-12 * reference.metrics[key]);
    }
    const idx = Uint32Array.from({ length: query.length }, (_, i) => (i < query.length - half ? half + i : i - (query.length - half)));
    const b = s.gather(idx);
    const r = rankingMetrics(b, { k: [5, 10] });
    expectSameResult(reversed, { metrics: r.metrics, sections: { ranking: { queries: r.queries, excluded_queries: r.excludedQueries } }, warnings: r.warnings }, 1e-12, true);
  });

  it('equals the ranking task evaluate(kernels, true)', async () => {
    const task = prepareRankingTask(table, { task: 'ranking', query: 'query', label: 'relevance', score: 'score', k: [3, 10], gain: 'exponential' });
    const expected = await task.evaluate(jsKernels, true);
    const state = new RankingState({ k: [3, 10], gain: 'exponential', names: { query: 'query' } });
    // The task codes queries through its own dictionary; give the state the same codes.
    const codes = new Int32Array(query.length);
    const seen = new Map<number, number>();
    for (let i = 0; i < query.length; i++) {
      let c = seen.get(query[i]);
      if (c === undefined) { c = seen.size; seen.set(query[i], c); }
      codes[i] = c;
    }
    state.update({ query: codes.subarray(0, 1500), relevance: relevance.subarray(0, 1500), scores: tied.subarray(0, 1500) });
    state.update({ query: codes.subarray(1500), relevance: relevance.subarray(1500), scores: tied.subarray(1500) });
    expectSameResult(state.compute(), expected, 0);
  });

  it('waits for the rest of a query: one document per batch is fine, one per query at compute is not', () => {
    const s = new RankingState({ k: [1] });
    s.update({ query: Int32Array.of(7), relevance: Float64Array.of(1), scores: Float64Array.of(0.2) });
    s.update({ query: Int32Array.of(7, 8), relevance: Float64Array.of(0, 1), scores: Float64Array.of(0.9, 0.5) });
    expect(() => s.compute()).toThrow(ValidationError);
    s.update({ query: Int32Array.of(8), relevance: Float64Array.of(0), scores: Float64Array.of(0.1) });
    expect(s.compute().metrics.hit_rate_at_1).toBe(0.5);
  });

  it('rejects bad options, batches and merges', () => {
    expect(() => new RankingState({ k: [] })).toThrow(ValidationError);
    expect(() => new RankingState({ k: [0] })).toThrow(ValidationError);
    expect(() => new RankingState({ gain: 'log' as never })).toThrow(ValidationError);
    expect(() => new RankingState({ k: [5] }).merge(new RankingState({ k: [10] }))).toThrow(ValidationError);
    expect(() => new RankingState().merge(new RankingState({ gain: 'exponential' }))).toThrow(ValidationError);
    const s = new RankingState();
    expect(() => s.update({ query: Int32Array.of(1, 1), relevance: Float64Array.of(1), scores: Float64Array.of(1, 2) })).toThrow(ValidationError);
    expect(() => s.update({ query: Int32Array.of(1), relevance: Float64Array.of(-1), scores: Float64Array.of(1) })).toThrow(ValidationError);
    expect(() => s.update({ query: Int32Array.of(1), relevance: Float64Array.of(1), scores: Float64Array.of(NaN) })).toThrow(ValidationError);
    expect(() => s.compute()).toThrow(ValidationError);
    expect(() => RankingState.fromJSON({ ...s.toJSON(), kind: 'regression' })).toThrow(ValidationError);
  });
});
