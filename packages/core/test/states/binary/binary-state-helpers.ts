import { expect } from 'vitest';
import { resolveBinaryOptions, type BinaryEvaluationOptions } from '../../../src/evaluate/binary-options.js';
import { binaryMetricsFromCurve, type BinaryDetailOptions } from '../../../src/evaluate/binary-result.js';
import type { TaskResult } from '../../../src/evaluate/prepared-task.js';
import { generateBinaryPredictions } from '../../../src/generate/index.js';
import type { BinaryRows } from '../../../src/kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
import type { BinaryLabels } from '../../../src/metrics/binary/resolve-binary-labels.js';

export const labels: BinaryLabels = { positiveIndex: 1, positive: 1, negative: 0 };

/** mulberry32: split points, weights, shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded generated rows; weighted ones have ~10% zero weights. */
export function generatedRows(rows: number, seed: number, weighted = false): BinaryRows {
  const g = generateBinaryPredictions({ rows, seed });
  const positive = Uint8Array.from(g.label);
  if (!weighted) return { scores: g.score, positive };
  const rnd = seededRandom(seed + 1);
  const weights = Float64Array.from(g.score, () => (rnd() < 0.1 ? 0 : rnd() * 3));
  return { scores: g.score, positive, weights };
}

/** Maps scores (e.g. to logits), keeping flags and weights. */
export function mapScores(rows: BinaryRows, f: (s: number, i: number) => number): BinaryRows {
  return { ...rows, scores: Float64Array.from(rows.scores, f) };
}

export function slice(rows: BinaryRows, a: number, b: number): BinaryRows {
  return { scores: rows.scores.subarray(a, b), positive: rows.positive.subarray(a, b), weights: rows.weights?.subarray(a, b) };
}

export function concat(...parts: BinaryRows[]): BinaryRows {
  const n = parts.reduce((s, p) => s + p.scores.length, 0);
  const scores = new Float64Array(n);
  const positive = new Uint8Array(n);
  const weighted = parts.some((p) => p.weights !== undefined);
  const weights = weighted ? new Float64Array(n) : undefined;
  let at = 0;
  for (const p of parts) {
    scores.set(p.scores, at);
    positive.set(p.positive, at);
    if (weights !== undefined) weights.set(p.weights ?? new Float64Array(p.scores.length).fill(1), at);
    at += p.scores.length;
  }
  return { scores, positive, weights };
}

/** Sorted random cut points in [0, n] with 0, n and a repeated cut (an empty batch). */
export function randomCuts(n: number, parts: number, rnd: () => number): number[] {
  const cuts = [0, n];
  for (let i = 0; i < parts - 1; i++) cuts.push(Math.floor(rnd() * (n + 1)));
  cuts.push(cuts[2]);
  return cuts.sort((a, b) => a - b);
}

export function batches(rows: BinaryRows, cuts: number[]): BinaryRows[] {
  const out: BinaryRows[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) out.push(slice(rows, cuts[k], cuts[k + 1]));
  return out;
}

/** The one-shot result: the js curve kernel and `binaryMetricsFromCurve`. */
export function oneShot(rows: BinaryRows, options: BinaryEvaluationOptions = {}, extra: BinaryDetailOptions = {}): TaskResult {
  return binaryMetricsFromCurve(jsBinaryClfCurve(rows), labels, resolveBinaryOptions(options), true, extra);
}

/** Every metric of `a` within `rel` (relative, or absolute below 1) of `b`, same keys, NaN where NaN. */
export function expectCloseMetrics(a: Record<string, number>, b: Record<string, number>, rel = 1e-12): void {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const k of Object.keys(b)) {
    if (Number.isNaN(b[k])) expect(a[k], k).toBeNaN();
    else expect(Math.abs(a[k] - b[k]), k).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b[k])));
  }
}

/** Round-trips a state through JSON text. */
export function viaJson<T>(state: { toJSON(): unknown }, fromJSON: (j: never) => T): T {
  return fromJSON(JSON.parse(JSON.stringify(state.toJSON())) as never);
}
