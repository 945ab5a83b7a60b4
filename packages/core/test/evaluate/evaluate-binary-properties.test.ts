import { describe, expect, it } from 'vitest';
import { evaluateBinaryCodes } from '../../src/evaluate/evaluate-binary.js';
import type { BinaryColumnsInput } from '../../src/evaluate/prepare-binary-rows.js';
import { generateBinaryPredictions } from '../../src/generate/index.js';
import { jsKernels } from '../../src/kernels/js/js-kernels.js';

const names = { label: 'y', score: 'p', weight: 'w' };

function input(labels: ArrayLike<number>, scores: Float64Array, weights?: Float64Array): BinaryColumnsInput {
  return { label: { codes: Int32Array.from(labels), classes: [0, 1], kind: 'number' }, score: scores, weight: weights, names };
}

function sample(rows: number, seed: number): { labels: Int8Array; scores: Float64Array } {
  const g = generateBinaryPredictions({ rows, seed });
  return { labels: g.label, scores: g.score };
}

function permutation(n: number, seed: number): Uint32Array {
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

describe('binary evaluation properties', () => {
  const { labels, scores } = sample(20_000, 11);

  it('AUC(-s) = 1 - AUC(s)', async () => {
    const a = await evaluateBinaryCodes(input(labels, scores), {}, jsKernels);
    const b = await evaluateBinaryCodes(input(labels, scores.map((v) => -v)), {}, jsKernels);
    expect(b.metrics.roc_auc).toBeCloseTo(1 - a.metrics.roc_auc, 12);
  });

  it('counts the swept thresholds (distinct scores) with and without the per-threshold arrays', async () => {
    const distinct = new Set(scores).size;
    const summary = await evaluateBinaryCodes(input(labels, scores), {}, jsKernels);
    expect((summary.threshold_sweep as { thresholds: number }).thresholds).toBe(distinct);
    const full = await evaluateBinaryCodes(input(labels, scores), { curves: true }, jsKernels);
    expect((full.threshold_sweep as { threshold: Float64Array }).threshold).toHaveLength(distinct);
  });

  it('is invariant to row order', async () => {
    const perm = permutation(labels.length, 5);
    const a = await evaluateBinaryCodes(input(labels, scores), { curves: true }, jsKernels);
    const b = await evaluateBinaryCodes(
      input(Int32Array.from(perm, (i) => labels[i]), Float64Array.from(perm, (i) => scores[i])), { curves: true }, jsKernels,
    );
    for (const key of Object.keys(a.metrics)) expect(b.metrics[key], key).toBeCloseTo(a.metrics[key], 12);
    expect(b.curves).toEqual(a.curves);
  });

  it('integer weights equal repeated rows', async () => {
    const n = 3000;
    const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const repLabels: number[] = [];
    const repScores: number[] = [];
    for (let i = 0; i < n; i++) for (let k = 0; k < w[i]; k++) { repLabels.push(labels[i]); repScores.push(scores[i]); }
    const weighted = await evaluateBinaryCodes(input(labels.subarray(0, n), scores.subarray(0, n), w), {}, jsKernels);
    const repeated = await evaluateBinaryCodes(input(repLabels, Float64Array.from(repScores)), {}, jsKernels);
    for (const key of Object.keys(repeated.metrics)) expect(weighted.metrics[key], key).toBeCloseTo(repeated.metrics[key], 10);
    expect(weighted.confusion_matrix).toEqual(repeated.confusion_matrix);
  });

  it('AUC equals the share of correctly ordered (positive, negative) pairs, ties counting half', async () => {
    const n = 400;
    const l = labels.subarray(0, n);
    const s = scores.subarray(0, n).map((v) => Math.round(v * 20) / 20);
    let pairs = 0;
    let good = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (l[i] === 1 && l[j] === 0) { pairs++; good += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0; }
    }
    const r = await evaluateBinaryCodes(input(l, s), {}, jsKernels);
    expect(r.metrics.roc_auc).toBeCloseTo(good / pairs, 14);
  });

  it('the js and tfjs backends agree exactly', async () => {
    const a = await evaluateBinaryCodes(input(labels, scores), { curves: true, backend: 'js' });
    const b = await evaluateBinaryCodes(input(labels, scores), { curves: true, backend: 'tfjs' });
    expect(b.backend.name).toBe('tfjs');
    expect(b.metrics).toEqual(a.metrics);
    expect(b.curves).toEqual(a.curves);
  });

  it('zero-weight rows change nothing, on both backends', async () => {
    const n = 2000;
    const w = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 0.5 + (i % 5)));
    const keep = Array.from({ length: n }, (_, i) => i).filter((i) => w[i] > 0);
    const kept = input(keep.map((i) => labels[i]), Float64Array.from(keep, (i) => scores[i]), Float64Array.from(keep, (i) => w[i]));
    for (const backend of ['js', 'tfjs'] as const) {
      const all = await evaluateBinaryCodes(input(labels.subarray(0, n), scores.subarray(0, n), w), { curves: true, backend });
      const without = await evaluateBinaryCodes(kept, { curves: true, backend });
      expect(all.metrics).toEqual(without.metrics);
      expect(all.curves).toEqual(without.curves);
    }
  });

  it('the confusion matrix at a threshold counts score >= threshold as positive', async () => {
    const r = await evaluateBinaryCodes(input([0, 1, 0, 1], Float64Array.of(0.5, 0.5, 0.49, 0.51)), { threshold: 0.5 }, jsKernels);
    expect(r.confusion_matrix!.matrix).toEqual([[1, 1], [0, 2]]);
  });
});
