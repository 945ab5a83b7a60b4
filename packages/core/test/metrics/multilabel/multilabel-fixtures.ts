import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultilabelInput } from '../../../src/metrics/multilabel/validate-multilabel-input.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'multilabel');

/** A scikit-learn reference case (see scripts/fixtures/generate_multilabel.py). */
export interface MultilabelFixture {
  name: string;
  description: string;
  inputs: { labels: number[][]; scores: number[][]; weights: number[] | null; threshold: number; zero_division: 0 | 1 };
  expected: {
    metrics: Record<string, number | string>;
    per_label: { precision: number[]; recall: number[]; f1: number[]; support: number[] };
    sklearn_warnings: string[];
  };
}

/** Names of every committed multilabel fixture. */
export function multilabelFixtureNames(): string[] {
  return (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[] }).cases;
}

/** Loads one fixture. */
export function loadMultilabelFixture(name: string): MultilabelFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as MultilabelFixture;
}

/** The fixture's inputs as typed columns. */
export function multilabelFixtureInput(f: MultilabelFixture): MultilabelInput {
  return {
    labels: f.inputs.labels.map((c) => Uint8Array.from(c)),
    scores: f.inputs.scores.map((c) => Float64Array.from(c)),
    weights: f.inputs.weights === null ? undefined : Float64Array.from(f.inputs.weights),
  };
}

/** Applies one row permutation to every column of a multilabel input. */
export function permuteMultilabelInput(input: MultilabelInput, perm: ArrayLike<number>): MultilabelInput {
  const take = <T extends Uint8Array | Float64Array | Float32Array>(col: T): T => {
    const out = new (col.constructor as new (n: number) => T)(perm.length);
    for (let i = 0; i < perm.length; i++) out[i] = col[perm[i]];
    return out;
  };
  return {
    labels: input.labels.map(take),
    scores: input.scores.map(take),
    weights: input.weights === undefined ? undefined : take(input.weights),
  };
}

/** A seeded permutation of 0..n-1 (mulberry32 + Fisher-Yates). */
export function seededPermutation(n: number, seed: number): Int32Array {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}
