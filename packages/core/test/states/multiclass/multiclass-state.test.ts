import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { prepareMulticlassTask } from '../../../src/evaluate/multiclass-task.js';
import type { TaskResult } from '../../../src/evaluate/prepared-task.js';
import { multiclassPredictionsTable } from '../../../src/generate/multiclass-predictions-table.js';
import { jsKernels } from '../../../src/kernels/js/js-kernels.js';
import type { ZeroDivision } from '../../../src/metrics/binary/threshold-metrics.js';
import { multiclassMetrics } from '../../../src/metrics/multiclass/multiclass-metrics.js';
import { MulticlassState } from '../../../src/states/multiclass/index.js';
import { checkStateLaws, expectSameResult, seededRandom } from '../regression/state-laws.js';

type Col = Float64Array | Int32Array;
function gather<T extends Col>(values: T, idx: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

interface Rows { labels: Int32Array; k: number; scores?: Float64Array[]; pred?: Int32Array; weights?: Float64Array }

async function subject(rows: Rows, topK?: number, zeroDivision: ZeroDivision = 0) {
  const r = await multiclassMetrics(rows, { topK, zeroDivision }, jsKernels);
  const classes = Array.from({ length: rows.k }, (_, c) => c);
  const reference: TaskResult = {
    metrics: r.metrics,
    sections: {
      confusion_matrix: { labels: classes, matrix: r.confusionMatrix },
      per_class: r.perClass.map((c) => ({ class: classes[c.classIndex], precision: c.precision, recall: c.recall, f1: c.f1, support: c.support })),
    },
    warnings: r.warnings,
  };
  return {
    rows: rows.labels.length,
    slice: (a: number, b: number) => ({
      labels: rows.labels.subarray(a, b), k: rows.k, scores: rows.scores?.map((s) => s.subarray(a, b)),
      pred: rows.pred?.subarray(a, b), weights: rows.weights?.subarray(a, b),
    }),
    gather: (idx: Uint32Array) => ({
      labels: gather(rows.labels, idx), k: rows.k, scores: rows.scores?.map((s) => gather(s, idx)),
      pred: rows.pred !== undefined ? gather(rows.pred, idx) : undefined, weights: rows.weights !== undefined ? gather(rows.weights, idx) : undefined,
    }),
    create: () => new MulticlassState({ k: rows.k, topK, zeroDivision }),
    fromJSON: MulticlassState.fromJSON,
    reference: () => reference,
  };
}

describe('MulticlassState', () => {
  const K = 4;
  const table = multiclassPredictionsTable({ rows: 3000, classes: K, seed: 5 });
  const labels = table.getChild('label')!.toArray() as Int32Array;
  const scores = Array.from({ length: K }, (_, c) => table.getChild(`p${c}`)!.toArray() as Float64Array);
  const rnd = seededRandom(12);
  const weights = Float64Array.from(labels, () => (rnd() < 0.1 ? 0 : rnd() * 2));

  it('obeys the state laws with scores, unweighted, top-2', async () => checkStateLaws(await subject({ labels, k: K, scores }, 2), 1));
  it('obeys the state laws with scores, weighted, top-3, zeroDivision nan', async () => checkStateLaws(await subject({ labels, k: K, scores, weights }, 3, 'nan'), 2));
  it('obeys the state laws with hard predictions only', async () => {
    const pred = Int32Array.from(labels, (y, i) => (i % 7 === 0 ? (y + 1) % K : y));
    checkStateLaws(await subject({ labels, k: K, pred }), 3);
    checkStateLaws(await subject({ labels, k: K, pred, weights }, undefined, 1), 4);
  });
  it('obeys the state laws with tied, unnormalised scores, signed zeros and a missing class', async () => {
    const r = seededRandom(6);
    const n = 211;
    const ll = Int32Array.from({ length: n }, () => Math.floor(r() * 3)); // class 3 never occurs -> one_class
    const ss = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => (r() < 0.1 ? -0 : Math.round(r() * 4) / 4)));
    checkStateLaws(await subject({ labels: ll, k: 4, scores: ss }, 2), 5);
    const l3 = Int32Array.from(ll, (y, i) => (i % 50 === 0 ? 3 : y));
    checkStateLaws(await subject({ labels: l3, k: 4, scores: ss }, 4), 6);
    checkStateLaws(await subject({ labels: l3, k: 4, scores: ss, weights: Float64Array.from({ length: n }, () => Math.round(r() * 3)) }, 1), 7);
  });

  it('equals the multiclass task evaluate(kernels, true)', async () => {
    const task = prepareMulticlassTask(table, { task: 'multiclass', label: 'label', scores: ['p0', 'p1', 'p2', 'p3'], topK: 2 });
    const expected = await task.evaluate(jsKernels, true);
    const state = new MulticlassState({ k: K, topK: 2, classes: [0, 1, 2, 3] });
    state.update({ labels: labels.subarray(0, 999), k: K, scores: scores.map((s) => s.subarray(0, 999)) });
    state.update({ labels: labels.subarray(999), k: K, scores: scores.map((s) => s.subarray(999)) });
    expectSameResult(state.compute(), expected, 0, true);
    for (const key of ['roc_auc_ovr_macro', 'roc_auc_ovr_weighted', 'roc_auc_ovo_macro', 'roc_auc_ovo_weighted', 'top_2_accuracy', 'log_loss']) {
      expect(Number.isFinite(expected.metrics[key]), key).toBe(true);
    }
  });

  it('rejects bad options, batches and merges', () => {
    const batch = { labels: labels.subarray(0, 5), k: K, scores: scores.map((s) => s.subarray(0, 5)) };
    expect(() => new MulticlassState({ k: 1 })).toThrow(ValidationError);
    expect(() => new MulticlassState({ k: 3, topK: 0 })).toThrow(ValidationError);
    expect(() => new MulticlassState({ k: 3, classes: ['a'] })).toThrow(ValidationError);
    expect(() => new MulticlassState({ k: K }).merge(new MulticlassState({ k: K, topK: 2 }))).toThrow(ValidationError);
    expect(() => new MulticlassState({ k: K }).merge(new MulticlassState({ k: 3 }) as never)).toThrow(ValidationError);
    expect(() => new MulticlassState({ k: K }).merge(new MulticlassState({ k: K, zeroDivision: 1 }))).toThrow(ValidationError);
    const s = new MulticlassState({ k: K }).update(batch);
    expect(() => s.update({ ...batch, weights: new Float64Array(5).fill(1) })).toThrow(ValidationError);
    expect(() => s.update({ labels: batch.labels, k: K, pred: batch.labels })).toThrow(ValidationError);
    expect(() => s.update({ ...batch, k: 3 })).toThrow(ValidationError);
    expect(() => s.update({ ...batch, labels: Int32Array.of(0, 1, 2, 3, 4) })).toThrow(ValidationError);
    expect(() => s.update({ ...batch, scores: batch.scores.map((c, j) => (j === 0 ? Float64Array.of(NaN, 0, 0, 0, 0) : c)) })).toThrow(ValidationError);
    expect(() => s.merge(new MulticlassState({ k: K }).update({ ...batch, weights: new Float64Array(5).fill(1) }))).toThrow(ValidationError);
    expect(() => new MulticlassState({ k: K }).compute()).toThrow(ValidationError);
    expect(() => MulticlassState.fromJSON({ ...s.toJSON(), version: 2 })).toThrow(ValidationError);
  });
});
