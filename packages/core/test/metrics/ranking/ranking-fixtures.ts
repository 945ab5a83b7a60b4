import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RankingInput } from '../../../src/metrics/ranking/validate-ranking-input.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'ranking');

/** A reference case (see scripts/fixtures/generate_ranking.py). */
export interface RankingFixture {
  name: string;
  description: string;
  inputs: { query: number[]; relevance: number[]; scores: number[]; k: number[]; gain: 'linear' | 'exponential' };
  expected: { metrics: Record<string, number | string>; queries: number; excluded_queries: number };
}

/** Names of every committed ranking fixture. */
export function rankingFixtureNames(): string[] {
  return (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[] }).cases;
}

/** Loads one fixture. */
export function loadRankingFixture(name: string): RankingFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as RankingFixture;
}

/** The fixture's inputs as typed columns. */
export function rankingFixtureInput(f: RankingFixture): RankingInput {
  return {
    query: Int32Array.from(f.inputs.query),
    relevance: Float64Array.from(f.inputs.relevance),
    scores: Float64Array.from(f.inputs.scores),
  };
}

/** Applies one row permutation to every column. */
export function permuteRankingInput(input: RankingInput, perm: ArrayLike<number>): RankingInput {
  const query = new Int32Array(perm.length);
  const relevance = new Float64Array(perm.length);
  const scores = new Float64Array(perm.length);
  for (let i = 0; i < perm.length; i++) {
    query[i] = input.query[perm[i]];
    relevance[i] = input.relevance[perm[i]];
    scores[i] = input.scores[perm[i]];
  }
  return { query, relevance, scores };
}
