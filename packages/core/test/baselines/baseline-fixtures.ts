import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { expect } from 'vitest';
import { readTableFile } from '../../src/io/read-table-file.js';

/** The folder of the baseline fixtures (data sets and scikit-learn references). */
export const BASELINE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'baselines');

/** A scikit-learn reference case written by scripts/fixtures/generate_baselines.py. */
export interface BaselineFixture {
  task: 'binary' | 'multiclass' | 'regression';
  train: string;
  test: string;
  label: string;
  features: string[];
  l2: number;
  names: string[];
  x_test_head?: number[][];
  x_train_head?: number[][];
  x_train?: number[][];
  x_test?: number[][];
  classes?: number[];
  coef: number[][] | number[];
  intercept: number[] | number;
  coef_lbfgs?: number[][];
  intercept_lbfgs?: number[];
  proba_test_head?: number[][];
  pred_test_head?: number[];
  dummy_proba?: Record<string, number[]>;
  dummy_pred?: Record<string, number>;
}

/** Loads a fixture by name (`breast_cancer`, `wine`, `diabetes`, `synthetic_l2_1_0`, ...). */
export function loadBaselineFixture(name: string): BaselineFixture {
  return JSON.parse(readFileSync(join(BASELINE_FIXTURES, `${name}.json`), 'utf8')) as BaselineFixture;
}

/** Reads one of the fixture CSV files as an Arrow table. */
export async function readFixtureTable(file: string): Promise<Table> {
  return (await readTableFile(join(BASELINE_FIXTURES, file))).table;
}

/** Expects |a - b| ≤ rel · max(|b|, floor) entry by entry. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, floor = 1e-3, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * Math.max(Math.abs(expected[i]), floor);
    expect(Math.abs(actual[i] - expected[i]), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
  }
}
