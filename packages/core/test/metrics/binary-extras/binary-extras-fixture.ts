import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BinaryRows } from '../../../src/kernels/binary-clf-curve.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'binary-extras');

type Num = number | string;

/** A reference case written by scripts/fixtures/generate_binary_extras.py. */
export interface BinaryExtrasFixture {
  name: string;
  description: string;
  inputs: { labels: number[]; scores: number[]; weights: number[] | null };
  expected: {
    ks: { ks: Num; threshold: Num };
    calibration: Record<string, {
      prob_true: Num[]; prob_pred: Num[]; count: Num[]; lower: Num[]; upper: Num[]; ece: Num; mce: Num;
    }>;
    gains: Record<string, Array<Record<string, Num>>>;
    sweep: Record<string, {
      f1: { threshold: Num; value: Num }; youden_j: { threshold: Num; value: Num }; cost: { threshold: Num; value: Num };
      n_thresholds: number;
    }>;
    delong: { auc: Num; se: Num; low: Num; high: Num; level: number } | null;
  };
}

/** Names of every committed case. */
export function binaryExtrasFixtureNames(): string[] {
  return (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: string[] }).cases;
}

/** Loads one case. */
export function loadBinaryExtrasFixture(name: string): BinaryExtrasFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as BinaryExtrasFixture;
}

/** The case's inputs as validated rows. */
export function fixtureRows(f: BinaryExtrasFixture): BinaryRows {
  const rows: BinaryRows = {
    scores: Float64Array.from(f.inputs.scores),
    positive: Uint8Array.from(f.inputs.labels),
  };
  return f.inputs.weights === null ? rows : { ...rows, weights: Float64Array.from(f.inputs.weights) };
}

/** Rows in a different order (a fixed permutation from a tiny LCG, so the test needs no generator). */
export function permuteRows(rows: BinaryRows, seed = 12345): BinaryRows {
  const n = rows.scores.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return gatherRows(rows, order);
}

/** The rows at the given indices (repeats allowed). */
export function gatherRows(rows: BinaryRows, indices: ArrayLike<number>): BinaryRows {
  const n = indices.length;
  const scores = new Float64Array(n);
  const positive = new Uint8Array(n);
  const weights = rows.weights === undefined ? undefined : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = rows.scores[indices[i]];
    positive[i] = rows.positive[indices[i]];
    if (weights !== undefined && rows.weights !== undefined) weights[i] = rows.weights[indices[i]];
  }
  return weights === undefined ? { scores, positive } : { scores, positive, weights };
}

/** Integer-weighted rows expanded: each row repeated weight times, no weights. */
export function repeatRows(rows: BinaryRows): BinaryRows {
  const indices: number[] = [];
  const w = rows.weights;
  for (let i = 0; i < rows.scores.length; i++) {
    const times = w === undefined ? 1 : w[i];
    for (let t = 0; t < times; t++) indices.push(i);
  }
  const { scores, positive } = gatherRows({ scores: rows.scores, positive: rows.positive }, indices);
  return { scores, positive };
}
