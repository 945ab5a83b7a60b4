import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MulticlassInput } from '../../../src/metrics/multiclass/multiclass-input.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'multiclass');

/** A scikit-learn reference case (see scripts/fixtures/generate_multiclass.py). */
export interface MulticlassFixture {
  name: string;
  description: string;
  sklearn_version: string;
  inputs: {
    labels: number[];
    k: number;
    scores: number[][] | null;
    pred: number[] | null;
    weights: number[] | null;
    top_k: number | null;
    zero_division: 0 | 1;
  };
  expected: {
    metrics: Record<string, number | string>;
    per_class: Array<{ precision: number | string; recall: number | string; f1: number | string; support: number }>;
    confusion_matrix: number[][];
    omitted: string[];
  };
}

/** Names of every committed multiclass fixture. */
export function multiclassFixtureNames(): string[] {
  return (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[] }).cases;
}

/** Loads one fixture. */
export function loadMulticlassFixture(name: string): MulticlassFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as MulticlassFixture;
}

/** The fixture's inputs as typed arrays (row-major scores become k columns). */
export function fixtureInput(f: MulticlassFixture): MulticlassInput {
  const { labels, k, scores, pred, weights } = f.inputs;
  const input: MulticlassInput = { labels: Int32Array.from(labels), k };
  if (scores !== null) {
    input.scores = Array.from({ length: k }, (_, c) => Float64Array.from(scores, (row) => row[c]));
  }
  if (pred !== null) input.pred = Int32Array.from(pred);
  if (weights !== null) input.weights = Float64Array.from(weights);
  return input;
}
