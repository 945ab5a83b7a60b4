import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { expect } from 'vitest';
import { jsonNumber } from '../../src/report/report-to-json.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'binary');

/** A scikit-learn reference case (see scripts/fixtures/generate_binary.py). */
export interface BinaryFixture {
  name: string;
  description: string;
  inputs: {
    labels: Array<number | string | boolean>;
    scores: number[];
    weights: number[] | null;
    pos_label: number | string | boolean | null;
    threshold: number;
    beta: number;
  };
  expected: {
    labels: Array<number | string | boolean>;
    metrics: Record<string, number | string>;
    confusion_matrix: number[][];
    roc: { fpr: Array<number | string>; tpr: Array<number | string>; thresholds: Array<number | string> };
    pr: { precision: Array<number | string>; recall: Array<number | string>; thresholds: Array<number | string> };
    undefined: string[];
  };
}

/** Names of every committed binary fixture. */
export function binaryFixtureNames(): string[] {
  return (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[] }).cases;
}

/** Loads one fixture. */
export function loadBinaryFixture(name: string): BinaryFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as BinaryFixture;
}

/** The fixture's inputs as an Arrow table with columns y, p and (when weighted) w. */
export function fixtureTable(f: BinaryFixture): Table {
  const labels = f.inputs.labels;
  const first = labels[0];
  const y = typeof first === 'boolean'
    ? vectorFromArray(labels as boolean[], new Bool())
    : typeof first === 'string'
      ? vectorFromArray(labels as string[], new Utf8())
      : vectorFromArray(labels as number[], new Int32());
  const columns: Record<string, Vector> = {
    y,
    p: vectorFromArray(f.inputs.scores, new Float64()),
  };
  if (f.inputs.weights) columns.w = vectorFromArray(f.inputs.weights, new Float64());
  return new Table(columns);
}

/** Asserts a within relative tolerance of b (NaN equals NaN; an absolute floor guards values near zero). */
export function expectClose(actual: number, expected: number | string, rel = 1e-9, what = ''): void {
  const e = jsonNumber(expected);
  if (Number.isNaN(e)) {
    expect(actual, what).toBeNaN();
    return;
  }
  if (!Number.isFinite(e)) {
    expect(actual, what).toBe(e);
    return;
  }
  const tol = rel * Math.max(Math.abs(e), 1e-6);
  expect(Math.abs(actual - e), `${what}: ${actual} vs ${e}`).toBeLessThanOrEqual(tol);
}

/** Asserts two numeric arrays are equally long and element-wise close. */
export function expectArrayClose(actual: ArrayLike<number>, expected: ArrayLike<number | string>, rel = 1e-9, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], rel, `${what}[${i}]`);
}
