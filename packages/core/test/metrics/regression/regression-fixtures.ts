import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'regression');

/** A scikit-learn reference case (see scripts/fixtures/generate_regression.py). */
export interface RegressionFixture {
  name: string;
  description: string;
  sklearn_version: string;
  inputs: { y_true: number[]; y_pred: number[]; weights: number[] | null; quantile: number };
  expected: {
    metrics: Record<string, number | string>;
    omitted: string[];
    residual_quantiles: Array<[number, number]>;
    residual_stats: { mean: number; std: number; min: number; max: number };
    warnings: string[];
  };
}

/** Names of every committed regression fixture. */
export function regressionFixtureNames(): string[] {
  return (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[] }).cases;
}

/** Loads one fixture. */
export function loadRegressionFixture(name: string): RegressionFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as RegressionFixture;
}
