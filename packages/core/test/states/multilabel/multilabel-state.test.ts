import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { prepareMultilabelTask } from '../../../src/evaluate/multilabel-task.js';
import { multilabelPredictionsTable } from '../../../src/generate/multilabel-predictions-table.js';
import type { Kernels } from '../../../src/kernels/binary-clf-curve.js';
import type { ZeroDivision } from '../../../src/metrics/binary/threshold-metrics.js';
import { multilabelMetrics } from '../../../src/metrics/multilabel/multilabel-metrics.js';
import { MultilabelState } from '../../../src/states/multilabel/index.js';
import { checkStateLaws, expectSameResult, seededRandom } from '../regression/state-laws.js';

function gather<T extends Float64Array | Uint8Array>(values: T, idx: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

function subject(labels: Uint8Array[], scores: Float64Array[], w: Float64Array | undefined, threshold = 0.5, zeroDivision: ZeroDivision = 0) {
  const names = { labels: labels.map((_, j) => `y${j}`) };
  return {
    rows: labels[0].length,
    slice: (a: number, b: number) => ({ labels: labels.map((l) => l.subarray(a, b)), scores: scores.map((s) => s.subarray(a, b)), weights: w?.subarray(a, b) }),
    gather: (idx: Uint32Array) => ({ labels: labels.map((l) => gather(l, idx)), scores: scores.map((s) => gather(s, idx)), weights: w !== undefined ? gather(w, idx) : undefined }),
    create: () => new MultilabelState({ threshold, zeroDivision, names }),
    fromJSON: MultilabelState.fromJSON,
    reference: () => {
      const r = multilabelMetrics({ labels, scores, weights: w }, { threshold, zeroDivision });
      const perClass = r.perLabel.map((c) => ({ class: names.labels[c.labelIndex], precision: c.precision, recall: c.recall, f1: c.f1, support: c.support }));
      return { metrics: r.metrics, sections: { per_class: perClass }, warnings: r.warnings };
    },
  };
}

describe('MultilabelState', () => {
  const L = 5;
  const table = multilabelPredictionsTable({ rows: 4000, labels: L, seed: 3 });
  const labels = Array.from({ length: L }, (_, j) => Uint8Array.from(table.getChild(`y${j}`)!.toArray() as Int8Array));
  const scores = Array.from({ length: L }, (_, j) => table.getChild(`s${j}`)!.toArray() as Float64Array);
  const rnd = seededRandom(8);
  const w = Float64Array.from(labels[0], () => (rnd() < 0.1 ? 0 : rnd() * 2));

  it('obeys the state laws, unweighted', () => checkStateLaws(subject(labels, scores, undefined), 1));
  it('obeys the state laws, weighted, threshold 0.3, zeroDivision nan', () => checkStateLaws(subject(labels, scores, w, 0.3, 'nan'), 2));
  it('obeys the state laws with ties, empty labels and 0/0 everywhere', () => {
    const r = seededRandom(4);
    const n = 257;
    const ll = Array.from({ length: 4 }, (_, j) => Uint8Array.from({ length: n }, () => (j === 3 ? 0 : r() < 0.3 ? 1 : 0)));
    const ss = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => Math.round(r() * 4) / 4));
    checkStateLaws(subject(ll, ss, undefined, 0.75, 1), 3);
    checkStateLaws(subject(ll, ss, Float64Array.from({ length: n }, () => Math.round(r() * 3)), 0.75, 0), 4);
  });

  it('equals the multilabel task evaluate(kernels, true)', async () => {
    const spec = { task: 'multilabel' as const, labels: ['y0', 'y1', 'y2', 'y3', 'y4'], scores: ['s0', 's1', 's2', 's3', 's4'], threshold: 0.4 };
    const expected = await prepareMultilabelTask(table, spec).evaluate({} as Kernels, true);
    const state = new MultilabelState({ threshold: 0.4, names: { labels: spec.labels } });
    const cut = 1777;
    state.update({ labels: labels.map((l) => l.subarray(0, cut)), scores: scores.map((s) => s.subarray(0, cut)) });
    state.update({ labels: labels.map((l) => l.subarray(cut)), scores: scores.map((s) => s.subarray(cut)) });
    expectSameResult(state.compute(), expected, 0, true);
  });

  it('rejects bad options, batches and merges', () => {
    const batch = { labels: labels.map((l) => l.subarray(0, 4)), scores: scores.map((s) => s.subarray(0, 4)) };
    expect(() => new MultilabelState({ threshold: NaN })).toThrow(ValidationError);
    expect(() => new MultilabelState({ zeroDivision: 2 as never })).toThrow(ValidationError);
    expect(() => new MultilabelState().merge(new MultilabelState({ threshold: 0.6 }))).toThrow(ValidationError);
    expect(() => new MultilabelState().merge(new MultilabelState({ zeroDivision: 1 }))).toThrow(ValidationError);
    const five = new MultilabelState().update(batch);
    const three = new MultilabelState().update({ labels: batch.labels.slice(0, 3), scores: batch.scores.slice(0, 3) });
    expect(() => five.merge(three)).toThrow(ValidationError);
    expect(() => five.update({ labels: batch.labels.slice(0, 3), scores: batch.scores.slice(0, 3) })).toThrow(ValidationError);
    expect(() => five.update({ labels: batch.labels, scores: batch.scores.slice(0, 4) })).toThrow(ValidationError);
    expect(() => five.update({ ...batch, weights: Float64Array.of(1, -1, 1, 1) })).toThrow(ValidationError);
    expect(() => new MultilabelState().update({ labels: [Uint8Array.of(2), Uint8Array.of(0)], scores: [Float64Array.of(1), Float64Array.of(1)] })).toThrow(ValidationError);
    expect(() => new MultilabelState().compute()).toThrow(ValidationError);
    expect(() => new MultilabelState().update({ ...batch, weights: new Float64Array(4) }).compute()).toThrow(ValidationError);
    expect(() => MultilabelState.fromJSON({ ...five.toJSON(), kind: 'regression' })).toThrow(ValidationError);
  });

  it('round-trips an infinite threshold', () => {
    const s = new MultilabelState({ threshold: -Infinity }).update({ labels: labels.map((l) => l.subarray(0, 50)), scores: scores.map((x) => x.subarray(0, 50)) });
    const back = MultilabelState.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(back.threshold).toBe(-Infinity);
    expectSameResult(back.compute(), s.compute(), 0, true);
  });
});
