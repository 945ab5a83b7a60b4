import { describe, expect, it } from 'vitest';
import { isModelperfError } from '../../../src/errors.js';
import { dcgDiscountCumsum, ndcgAtK } from '../../../src/metrics/ranking/ndcg-at-k.js';
import { queryHitMetrics } from '../../../src/metrics/ranking/query-hit-metrics.js';
import { rankingMetrics } from '../../../src/metrics/ranking/ranking-metrics.js';
import { sortByQuery } from '../../../src/metrics/ranking/sort-by-query.js';
import { expectClose } from '../../support/fixtures.js';
import { seededPermutation } from '../multilabel/multilabel-fixtures.js';
import { loadRankingFixture, permuteRankingInput, rankingFixtureInput, rankingFixtureNames } from './ranking-fixtures.js';

function expectThrows(fn: () => unknown, code: string, pattern?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(isModelperfError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    if (pattern) expect((e as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a throw');
}

function hasTiesWithinQueries(query: Int32Array, scores: Float64Array | Float32Array): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < query.length; i++) {
    const key = `${query[i]}:${scores[i]}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

describe('rankingMetrics matches the references (ndcg: scikit-learn 1.2.1)', () => {
  for (const name of rankingFixtureNames()) {
    it(name, () => {
      const f = loadRankingFixture(name);
      const r = rankingMetrics(rankingFixtureInput(f), { k: f.inputs.k, gain: f.inputs.gain });
      expect(Object.keys(r.metrics).sort()).toEqual(Object.keys(f.expected.metrics).sort());
      for (const [key, value] of Object.entries(f.expected.metrics)) expectClose(r.metrics[key], value, 1e-9, key);
      expect(r.queries).toBe(f.expected.queries);
      expect(r.excludedQueries).toBe(f.expected.excluded_queries);
      expect(r.warnings.length).toBe(f.expected.excluded_queries > 0 ? 1 : 0);
      if (r.warnings.length > 0) expect(r.warnings[0].code).toBe('no_relevant_documents');
    });
  }
});

describe('rankingMetrics properties', () => {
  it('ndcg does not depend on row order, even with ties', () => {
    const f = loadRankingFixture('tied_scores');
    const input = rankingFixtureInput(f);
    const a = rankingMetrics(input, { k: f.inputs.k }).metrics;
    const b = rankingMetrics(permuteRankingInput(input, seededPermutation(input.query.length, 3)), { k: f.inputs.k }).metrics;
    for (const k of f.inputs.k) expectClose(b[`ndcg_at_${k}`], a[`ndcg_at_${k}`], 1e-12, `ndcg_at_${k}`);
  });

  it('shuffling rows across queries changes nothing when scores do not tie', () => {
    for (const name of ['graded_200_queries', 'exponential_gain', 'queries_without_relevant', 'continuous_relevance_sparse_codes']) {
      const f = loadRankingFixture(name);
      const input = rankingFixtureInput(f);
      expect(hasTiesWithinQueries(input.query, input.scores)).toBe(false);
      const opts = { k: f.inputs.k, gain: f.inputs.gain };
      const a = rankingMetrics(input, opts);
      const b = rankingMetrics(permuteRankingInput(input, seededPermutation(input.query.length, 11)), opts);
      for (const key of Object.keys(a.metrics)) expectClose(b.metrics[key], a.metrics[key], 1e-12, `${name} ${key}`);
      expect(b.excludedQueries).toBe(a.excludedQueries);
    }
  });

  it('breaks score ties by row order for precision, recall, map and mrr', () => {
    // One query, all scores equal: the relevant document is the second row, so it ranks second.
    const input = { query: Int32Array.from([4, 4, 4]), relevance: Float64Array.from([0, 1, 0]), scores: Float64Array.from([0.5, 0.5, 0.5]) };
    const r = rankingMetrics(input, { k: [1, 2] });
    expect(r.metrics.mrr).toBe(0.5);
    expect(r.metrics.map).toBe(0.5);
    expect(r.metrics.precision_at_1).toBe(0);
    expect(r.metrics.hit_rate_at_2).toBe(1);
    // ndcg averages over the tie instead: (1/3)(1 + 1/log2(3) + 1/2) / 1.
    expectClose(rankingMetrics(input, { k: [3] }).metrics.ndcg_at_3, (1 + 1 / Math.log2(3) + 0.5) / 3, 1e-12);
    // Moving rows between queries (interleaving) without changing their order within a query changes nothing.
    const two = {
      query: Int32Array.from([1, 2, 1, 2, 1, 2]),
      relevance: Float64Array.from([0, 1, 1, 0, 0, 1]),
      scores: Float64Array.from([0.3, 0.3, 0.3, 0.3, 0.1, 0.3]),
    };
    const grouped = permuteRankingInput(two, [0, 2, 4, 1, 3, 5]);
    expect(rankingMetrics(grouped, { k: [1, 2] }).metrics).toEqual(rankingMetrics(two, { k: [1, 2] }).metrics);
  });

  it('uses 2^rel - 1 with gain exponential and k as precision denominator beyond the query size', () => {
    const input = { query: Int32Array.from([0, 0]), relevance: Float64Array.from([1, 3]), scores: Float64Array.from([0.9, 0.1]) };
    const lin = rankingMetrics(input, { k: [5] }).metrics;
    const exp = rankingMetrics(input, { k: [5], gain: 'exponential' }).metrics;
    const d = 1 / Math.log2(3);
    expectClose(lin.ndcg_at_5, (1 + 3 * d) / (3 + d), 1e-12);
    expectClose(exp.ndcg_at_5, (1 + 7 * d) / (7 + d), 1e-12);
    expect(lin.precision_at_5).toBe(2 / 5);
    expect(lin.recall_at_5).toBe(1);
  });

  it('accepts Float32 columns as the same values in Float64 and never mutates inputs', () => {
    const f = loadRankingFixture('graded_200_queries');
    const input = rankingFixtureInput(f);
    const s32 = Float32Array.from(input.scores);
    const r32 = Float32Array.from(input.relevance);
    const before = Float32Array.from(s32);
    const a = rankingMetrics({ query: input.query, relevance: r32, scores: s32 }, { k: f.inputs.k }).metrics;
    const b = rankingMetrics({ query: input.query, relevance: Float64Array.from(r32), scores: Float64Array.from(s32) }, { k: f.inputs.k }).metrics;
    expect(a).toEqual(b);
    expect(s32).toEqual(before);
  });

  it('exposes its steps', () => {
    const { order, starts } = sortByQuery(Int32Array.from([1, 0, 1]), Float64Array.from([0.2, 0.5, 0.9]));
    expect(Array.from(order)).toEqual([1, 2, 0]);
    expect(Array.from(starts)).toEqual([0, 1, 3]);
    const h = queryHitMetrics(Uint8Array.from([0, 1, 1]), [1, 2]);
    expect(h.averagePrecision).toBeCloseTo((1 / 2 + 2 / 3) / 2, 15);
    expect(h.reciprocalRank).toBe(0.5);
    expect(Array.from(h.hitsAtK)).toEqual([0, 1]);
    const cs = dcgDiscountCumsum(2);
    expectClose(ndcgAtK(Float64Array.from([1, 0]), Float64Array.from([0.5, 0.5]), Float64Array.from([1, 0]), 2, cs), (1 + 1 / Math.log2(3)) / 2, 1e-12);
  });
});

describe('rankingMetrics failure paths', () => {
  const input = { query: Int32Array.from([0, 0, 1, 1]), relevance: Float64Array.from([1, 0, 0, 2]), scores: Float64Array.from([0.1, 0.2, 0.3, 0.4]) };

  it('rejects columns of different lengths and empty input', () => {
    expectThrows(() => rankingMetrics({ ...input, scores: Float64Array.from([0.1, 0.2]) }, { k: [1] }), 'length_mismatch');
    expectThrows(() => rankingMetrics({ ...input, relevance: Float64Array.from([1]) }, { k: [1] }), 'length_mismatch');
    expectThrows(() => rankingMetrics({ query: new Int32Array(0), relevance: new Float64Array(0), scores: new Float64Array(0) }, { k: [1] }), 'empty_input');
  });

  it('names a query with a single document', () => {
    const one = { query: Int32Array.from([0, 0, 17]), relevance: Float64Array.from([1, 0, 1]), scores: Float64Array.from([0.1, 0.2, 0.3]) };
    expectThrows(() => rankingMetrics(one, { k: [1] }), 'invalid_input', /Query `17` has a single document; ranking metrics need at least two per query\./);
    expectThrows(() => rankingMetrics(one, { k: [1], names: { query: 'qid' }, displayQuery: (c) => `q${c}` }), 'invalid_input', /Query `q17` \(column `qid`\)/);
    const coded = { ...one, query: Int32Array.from([0, 0, 1]) };
    expectThrows(() => rankingMetrics(coded, { k: [1], queryValues: ['a', 'b'] }), 'invalid_input', /Query `b`/);
  });

  it('rejects bad k and gain', () => {
    for (const k of [[], [0], [-1], [2.5], [NaN], [1, Infinity]]) {
      expectThrows(() => rankingMetrics(input, { k }), 'invalid_argument', /k/);
    }
    expectThrows(() => rankingMetrics(input, { k: [1], gain: 'log' as 'linear' }), 'invalid_argument', /gain/);
  });

  it('rejects negative or non-finite relevance and NaN scores', () => {
    expectThrows(() => rankingMetrics({ ...input, relevance: Float64Array.from([1, -1, 0, 0]) }, { k: [1] }), 'invalid_input', /row 1/);
    expectThrows(() => rankingMetrics({ ...input, relevance: Float64Array.from([1, NaN, 0, 0]) }, { k: [1] }), 'invalid_input');
    expectThrows(() => rankingMetrics({ ...input, scores: Float64Array.from([1, 2, NaN, 0]) }, { k: [1] }), 'invalid_input', /NaN at row 2/);
  });
});
