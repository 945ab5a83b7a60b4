import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { jsKernels } from '../../../src/kernels/js/js-kernels.js';
import { selectKernels } from '../../../src/kernels/select-kernels.js';
import type { MulticlassInput } from '../../../src/metrics/multiclass/multiclass-input.js';
import { multiclassMetrics } from '../../../src/metrics/multiclass/multiclass-metrics.js';
import { topKAccuracy } from '../../../src/metrics/multiclass/top-k-accuracy.js';
import { expectClose } from '../../support/fixtures.js';
import { fixtureInput, loadMulticlassFixture } from './multiclass-fixtures.js';

/** Small seeded generator (mulberry32) so the properties are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInput(seed: number, n: number, k: number): MulticlassInput {
  const rand = seeded(seed);
  const labels = new Int32Array(n);
  const scores = Array.from({ length: k }, () => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    labels[r] = r < k ? r : Math.floor(rand() * k);
    let sum = 0;
    const row: number[] = [];
    for (let c = 0; c < k; c++) {
      // Two decimals of raw mass make ties frequent.
      const v = Math.round(rand() * 4) / 4 + (c === labels[r] ? 0.5 : 0);
      row.push(v);
      sum += v;
    }
    for (let c = 0; c < k; c++) scores[c][r] = row[c] / sum;
  }
  return { labels, k, scores };
}

function permute(input: MulticlassInput, perm: Int32Array): MulticlassInput {
  const pick = <T extends Int32Array | Float64Array | Float32Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(perm.length);
    for (let i = 0; i < perm.length; i++) out[i] = a[perm[i]];
    return out;
  };
  return {
    labels: pick(input.labels),
    k: input.k,
    scores: input.scores?.map(pick),
    pred: input.pred && pick(input.pred),
    weights: input.weights && pick(input.weights),
  };
}

function expectSameMetrics(a: Record<string, number>, b: Record<string, number>, rel = 1e-12): void {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const key of Object.keys(b)) expectClose(a[key], b[key], key === 'log_loss' ? 1e-9 : rel, key);
}

describe('multiclassMetrics properties', () => {
  it('is invariant to row order', async () => {
    const input = randomInput(1, 3000, 6);
    const rand = seeded(2);
    const perm = Int32Array.from({ length: 3000 }, (_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const a = await multiclassMetrics(input, { topK: 2 }, jsKernels);
    const b = await multiclassMetrics(permute(input, perm), { topK: 2 }, jsKernels);
    expectSameMetrics(b.metrics, a.metrics);
    expect(b.confusionMatrix).toEqual(a.confusionMatrix);
  });

  it('treats integer weights as repeated rows', async () => {
    const input = randomInput(3, 800, 5);
    const rand = seeded(4);
    const weights = Float64Array.from({ length: 800 }, () => Math.floor(rand() * 4));
    weights.fill(1, 0, 5); // every class keeps a row
    const repeated: number[] = [];
    weights.forEach((w, r) => { for (let j = 0; j < w; j++) repeated.push(r); });
    const weighted = await multiclassMetrics({ ...input, weights }, { topK: 3 }, jsKernels);
    const expanded = await multiclassMetrics(permute(input, Int32Array.from(repeated)), { topK: 3 }, jsKernels);
    const { roc_auc_ovo_macro: _a, roc_auc_ovo_weighted: _b, ...expandedNoOvo } = expanded.metrics;
    expectSameMetrics(weighted.metrics, expandedNoOvo, 1e-10);
    expect(weighted.confusionMatrix).toEqual(expanded.confusionMatrix);
    expect(weighted.perClass).toEqual(expanded.perClass);
  });

  it('agrees between the js and tfjs backends', async () => {
    const input = randomInput(5, 2000, 4);
    const a = await multiclassMetrics(input, { topK: 2 }, jsKernels);
    const b = await multiclassMetrics(input, { topK: 2 }, await selectKernels('tfjs'));
    expectSameMetrics(b.metrics, a.metrics);
  });

  it('breaks top-k ties as scikit-learn (higher class index first)', () => {
    const scores = [Float64Array.of(0.4, 0.4), Float64Array.of(0.4, 0.4), Float64Array.of(0.2, 0.2)];
    expect(topKAccuracy(Int32Array.of(0, 1), scores, 1)).toBe(0.5);
    expect(topKAccuracy(Int32Array.of(0, 1), scores, 2)).toBe(1);
  });

  it('names the first row that does not sum to 1', async () => {
    const f = loadMulticlassFixture('not_normalised_3class');
    const r = await multiclassMetrics(fixtureInput(f), {}, jsKernels);
    const w = r.warnings.find((x) => x.code === 'probabilities_not_normalised');
    expect(w?.message).toMatch(/row 1\b/);
    const ok = await multiclassMetrics(fixtureInput(loadMulticlassFixture('softmax_5class_2000')), {}, jsKernels);
    expect(ok.warnings.map((x) => x.code)).not.toContain('probabilities_not_normalised');
  });

  it('follows zeroDivision and warns for a class never predicted', async () => {
    const input = fixtureInput(loadMulticlassFixture('never_predicted_zero_division_0'));
    const r = await multiclassMetrics(input, { zeroDivision: 'nan' }, jsKernels);
    expect(r.perClass[3].precision).toBeNaN();
    expect(r.warnings.map((x) => x.code)).toContain('zero_division');
    // NaN entries are skipped in the macro average (scikit-learn >= 1.3 semantics).
    const mean = (r.perClass[0].precision + r.perClass[1].precision + r.perClass[2].precision) / 3;
    expectClose(r.metrics.precision_macro, mean, 1e-12);
  });

  it('uses pred when given and skips the score-based metrics without scores', async () => {
    const input: MulticlassInput = { labels: Int32Array.of(0, 1, 2, 2), k: 3, pred: Int32Array.of(0, 2, 2, 2) };
    const r = await multiclassMetrics(input, { topK: 2 }, jsKernels);
    expect(r.metrics.accuracy).toBe(0.75);
    expect(Object.keys(r.metrics).filter((key) => /auc|log_loss|top_/.test(key))).toEqual([]);
    expect(r.confusionMatrix).toEqual([[1, 0, 0], [0, 0, 1], [0, 0, 2]]);
  });
});

describe('multiclassMetrics validation', () => {
  const base = (): MulticlassInput => randomInput(9, 20, 3);

  it('rejects a label index outside 0..k-1', async () => {
    const input = base();
    input.labels[7] = 3;
    await expect(multiclassMetrics(input, {}, jsKernels)).rejects.toThrow(ValidationError);
    input.labels[7] = -1;
    await expect(multiclassMetrics(input, {}, jsKernels)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('rejects a score column count other than k', async () => {
    const input = base();
    await expect(multiclassMetrics({ ...input, scores: input.scores?.slice(0, 2) }, {}, jsKernels))
      .rejects.toThrow(/Expected 3 score columns/);
  });

  it('rejects columns of different lengths', async () => {
    const input = base();
    const scores = input.scores?.map((col, c) => (c === 1 ? col.subarray(0, 19) : col));
    await expect(multiclassMetrics({ ...input, scores }, {}, jsKernels)).rejects.toMatchObject({ code: 'length_mismatch' });
    await expect(multiclassMetrics({ ...input, weights: new Float64Array(21) }, {}, jsKernels)).rejects.toThrow(ValidationError);
    await expect(multiclassMetrics({ labels: input.labels, k: 3, pred: new Int32Array(5) }, {}, jsKernels)).rejects.toThrow(ValidationError);
  });

  it('rejects bad options, non-finite scores and negative weights', async () => {
    const input = base();
    await expect(multiclassMetrics(input, { topK: 0 }, jsKernels)).rejects.toThrow(ValidationError);
    await expect(multiclassMetrics({ labels: input.labels, k: 3 }, {}, jsKernels)).rejects.toThrow(ValidationError);
    const scores = input.scores?.map((col) => col.slice());
    if (scores) scores[0][4] = NaN;
    await expect(multiclassMetrics({ ...input, scores }, {}, jsKernels)).rejects.toThrow(/row 4/);
    const weights = new Float64Array(20).fill(1);
    weights[2] = -1;
    await expect(multiclassMetrics({ ...input, weights }, {}, jsKernels)).rejects.toThrow(ValidationError);
  });
});
