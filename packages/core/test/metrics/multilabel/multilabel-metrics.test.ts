import { describe, expect, it } from 'vitest';
import { isModelperfError } from '../../../src/errors.js';
import { multilabelMetrics } from '../../../src/metrics/multilabel/multilabel-metrics.js';
import { expectArrayClose, expectClose } from '../../support/fixtures.js';
import {
  loadMultilabelFixture, multilabelFixtureInput, multilabelFixtureNames, permuteMultilabelInput, seededPermutation,
} from './multilabel-fixtures.js';

const KEYS = [
  'f1_micro', 'f1_macro', 'f1_samples', 'precision_micro', 'precision_macro', 'precision_samples',
  'recall_micro', 'recall_macro', 'recall_samples', 'hamming_loss', 'subset_accuracy',
  'jaccard_samples', 'jaccard_micro', 'jaccard_macro',
  'label_ranking_average_precision', 'coverage_error', 'label_ranking_loss',
];

function expectThrows(fn: () => unknown, code: string, pattern?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(isModelperfError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    if (pattern) expect((e as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a throw');
}

describe('multilabelMetrics matches scikit-learn 1.2.1', () => {
  for (const name of multilabelFixtureNames()) {
    it(name, () => {
      const f = loadMultilabelFixture(name);
      const r = multilabelMetrics(multilabelFixtureInput(f), {
        threshold: f.inputs.threshold, zeroDivision: f.inputs.zero_division,
      });
      expect(Object.keys(r.metrics).sort()).toEqual([...KEYS].sort());
      for (const k of KEYS) expectClose(r.metrics[k], f.expected.metrics[k], 1e-9, k);
      expectArrayClose(r.perLabel.map((p) => p.precision), f.expected.per_label.precision, 1e-9, 'precision');
      expectArrayClose(r.perLabel.map((p) => p.recall), f.expected.per_label.recall, 1e-9, 'recall');
      expectArrayClose(r.perLabel.map((p) => p.f1), f.expected.per_label.f1, 1e-9, 'f1');
      expectArrayClose(r.perLabel.map((p) => p.support), f.expected.per_label.support, 1e-9, 'support');
      expect(r.perLabel.map((p) => p.labelIndex)).toEqual(f.expected.per_label.f1.map((_, j) => j));
      // scikit-learn warned (default zero_division) exactly when modelperf does.
      if (f.inputs.zero_division === 0) {
        expect(r.warnings.length > 0, 'warnings').toBe(f.expected.sklearn_warnings.length > 0);
      }
      expect(r.warnings.every((w) => w.code === 'zero_division')).toBe(true);
    });
  }
});

describe('multilabelMetrics properties', () => {
  it('does not depend on row order', () => {
    for (const name of ['random_4labels_2000', 'weighted_5labels', 'int_weights_ties']) {
      const f = loadMultilabelFixture(name);
      const input = multilabelFixtureInput(f);
      const a = multilabelMetrics(input).metrics;
      const b = multilabelMetrics(permuteMultilabelInput(input, seededPermutation(input.labels[0].length, 7))).metrics;
      for (const k of KEYS) expectClose(b[k], a[k], 1e-12, `${name} ${k}`);
    }
  });

  it('equals the unweighted result with integer weights expanded into repeated rows', () => {
    const f = loadMultilabelFixture('int_weights_ties');
    const input = multilabelFixtureInput(f);
    const w = input.weights!;
    const rows: number[] = [];
    for (let i = 0; i < w.length; i++) for (let c = 0; c < w[i]; c++) rows.push(i);
    const expanded = permuteMultilabelInput({ labels: input.labels, scores: input.scores }, rows);
    const a = multilabelMetrics(input).metrics;
    const b = multilabelMetrics(expanded).metrics;
    for (const k of KEYS) expectClose(b[k], a[k], 1e-12, k);
  });

  it('accepts Float32 scores and weights as the same values in Float64', () => {
    const f = loadMultilabelFixture('weighted_5labels');
    const input = multilabelFixtureInput(f);
    const s32 = input.scores.map((c) => Float32Array.from(c));
    const w32 = Float32Array.from(input.weights!);
    const a = multilabelMetrics({ labels: input.labels, scores: s32, weights: w32 }).metrics;
    const b = multilabelMetrics({
      labels: input.labels, scores: s32.map((c) => Float64Array.from(c)), weights: Float64Array.from(w32),
    }).metrics;
    for (const k of KEYS) expect(a[k]).toBe(b[k]);
  });

  it('does not mutate its inputs', () => {
    const f = loadMultilabelFixture('small_hand');
    const input = multilabelFixtureInput(f);
    const copy = multilabelFixtureInput(f);
    multilabelMetrics(input);
    expect(input).toEqual(copy);
  });

  it('follows zeroDivision in the samples averages', () => {
    const labels = [Uint8Array.from([0, 1]), Uint8Array.from([0, 0])];
    const scores = [Float64Array.from([0.1, 0.9]), Float64Array.from([0.2, 0.1])];
    const zero = multilabelMetrics({ labels, scores });
    expect(zero.metrics.precision_samples).toBe(0.5);
    expect(zero.metrics.f1_samples).toBe(0.5);
    expect(zero.warnings.some((w) => /samples/.test(w.message))).toBe(true);
    expect(multilabelMetrics({ labels, scores }, { zeroDivision: 1 }).metrics.precision_samples).toBe(1);
    const nan = multilabelMetrics({ labels, scores }, { zeroDivision: 'nan' });
    expect(nan.metrics.precision_samples).toBeNaN();
    expect(nan.metrics.precision_macro).toBeNaN();
    expect(nan.metrics.precision_micro).toBe(1);
    // Row 0 has no relevant label: LRAP counts it as 1, coverage and ranking loss as 0.
    expect(zero.metrics.label_ranking_average_precision).toBe(1);
    expect(zero.metrics.coverage_error).toBe(0.5);
    expect(zero.metrics.label_ranking_loss).toBe(0);
  });
});

describe('multilabelMetrics failure paths', () => {
  const y = [Uint8Array.from([0, 1, 1]), Uint8Array.from([1, 0, 1])];
  const s = [Float64Array.from([0.1, 0.8, 0.6]), Float64Array.from([0.7, 0.2, 0.9])];

  it('rejects columns of different lengths', () => {
    expectThrows(() => multilabelMetrics({ labels: [y[0], Uint8Array.from([1, 0])], scores: s }), 'length_mismatch');
    expectThrows(() => multilabelMetrics({ labels: y, scores: [s[0]] }), 'length_mismatch');
    expectThrows(() => multilabelMetrics({ labels: y, scores: s, weights: Float64Array.from([1, 2]) }), 'length_mismatch', /weights/);
  });

  it('rejects empty inputs, one label, non-binary labels, NaN scores and bad weights', () => {
    expectThrows(() => multilabelMetrics({ labels: [new Uint8Array(0), new Uint8Array(0)], scores: [new Float64Array(0), new Float64Array(0)] }), 'empty_input');
    expectThrows(() => multilabelMetrics({ labels: [y[0]], scores: [s[0]] }), 'invalid_input', /two label columns/);
    expectThrows(() => multilabelMetrics({ labels: [y[0], Uint8Array.from([2, 0, 1])], scores: s }), 'invalid_input', /labels\[1\].*row 0/);
    expectThrows(() => multilabelMetrics({ labels: y, scores: [s[0], Float64Array.from([0.1, NaN, 0.2])] }), 'invalid_input', /NaN at row 1/);
    expectThrows(() => multilabelMetrics({ labels: y, scores: s, weights: Float64Array.from([1, -1, 1]) }), 'invalid_input', />= 0/);
    expectThrows(() => multilabelMetrics({ labels: y, scores: s, weights: Float64Array.from([0, 0, 0]) }), 'invalid_input', /zero/);
  });

  it('rejects bad options', () => {
    expectThrows(() => multilabelMetrics({ labels: y, scores: s }, { threshold: NaN }), 'invalid_argument', /threshold/);
    expectThrows(() => multilabelMetrics({ labels: y, scores: s }, { zeroDivision: 2 as unknown as 0 }), 'invalid_argument', /zeroDivision/);
  });
});
