import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { prepareRegressionTask } from '../../../src/evaluate/regression-task.js';
import { regressionPredictionsTable } from '../../../src/generate/regression-predictions-table.js';
import type { Kernels } from '../../../src/kernels/binary-clf-curve.js';
import { regressionMetrics } from '../../../src/metrics/regression/regression-metrics.js';
import { RegressionState } from '../../../src/states/regression/index.js';
import { checkStateLaws, expectSameResult, seededRandom } from './state-laws.js';

function gather(values: Float64Array, idx: Uint32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

function subject(y: Float64Array, p: Float64Array, w: Float64Array | undefined, quantile = 0.5) {
  return {
    rows: y.length,
    slice: (a: number, b: number) => ({ yTrue: y.subarray(a, b), yPred: p.subarray(a, b), weights: w?.subarray(a, b) }),
    gather: (idx: Uint32Array) => ({ yTrue: gather(y, idx), yPred: gather(p, idx), weights: w !== undefined ? gather(w, idx) : undefined }),
    create: () => new RegressionState({ quantile }),
    fromJSON: RegressionState.fromJSON,
    reference: () => {
      const r = regressionMetrics(y, p, { weights: w, quantile });
      return { metrics: r.metrics, sections: { residuals: r.residuals }, warnings: r.warnings };
    },
  };
}

describe('RegressionState', () => {
  const table = regressionPredictionsTable({ rows: 5000, seed: 11 });
  const y = table.getChild('target')!.toArray() as Float64Array;
  const p = table.getChild('prediction')!.toArray() as Float64Array;
  const rnd = seededRandom(5);
  const w = Float64Array.from(y, () => (rnd() < 0.1 ? 0 : rnd() * 3));

  it('obeys the state laws, unweighted', () => checkStateLaws(subject(y, p, undefined), 1));
  it('obeys the state laws, weighted, quantile 0.9', () => checkStateLaws(subject(y, p, w, 0.9), 2));
  it('obeys the state laws with ties, zeros, negatives and domain breaks', () => {
    const r = seededRandom(9);
    const yy = Float64Array.from({ length: 301 }, () => Math.round(r() * 6) - 1);
    const pp = Float64Array.from({ length: 301 }, () => Math.round(r() * 6) - 1);
    checkStateLaws(subject(yy, pp, undefined), 3);
    checkStateLaws(subject(yy, pp, Float64Array.from(yy, () => Math.round(r() * 3))), 4);
  });

  it('equals the regression task evaluate(kernels, true)', async () => {
    const task = prepareRegressionTask(table, { task: 'regression', label: 'target', pred: 'prediction', quantile: 0.3 });
    const expected = await task.evaluate({} as Kernels, true);
    const state = new RegressionState({ quantile: 0.3, names: { label: 'target', pred: 'prediction' } });
    state.update({ yTrue: y.subarray(0, 1234), yPred: p.subarray(0, 1234) }).update({ yTrue: y.subarray(1234), yPred: p.subarray(1234) });
    expectSameResult(state.compute(), expected, 0, true);
  });

  it('handles one row and float32 input', () => {
    const s = new RegressionState().update({ yTrue: Float32Array.of(1.5), yPred: Float32Array.of(2.25) });
    const r = regressionMetrics(Float64Array.of(1.5), Float64Array.of(2.25));
    expectSameResult(s.compute(), { metrics: r.metrics, sections: { residuals: r.residuals }, warnings: r.warnings }, 0, true);
  });

  it('rejects bad options, batches and merges', () => {
    expect(() => new RegressionState({ quantile: 1 })).toThrow(ValidationError);
    expect(() => new RegressionState().merge(new RegressionState({ quantile: 0.7 }))).toThrow(ValidationError);
    const weighted = new RegressionState().update({ yTrue: y.subarray(0, 3), yPred: p.subarray(0, 3), weights: w.subarray(0, 3) });
    const plain = new RegressionState().update({ yTrue: y.subarray(0, 3), yPred: p.subarray(0, 3) });
    expect(() => weighted.merge(plain)).toThrow(ValidationError);
    expect(() => plain.update({ yTrue: y.subarray(0, 3), yPred: p.subarray(0, 3), weights: w.subarray(0, 3) })).toThrow(ValidationError);
    expect(() => plain.update({ yTrue: y.subarray(0, 3), yPred: p.subarray(0, 2) })).toThrow(ValidationError);
    expect(() => plain.update({ yTrue: Float64Array.of(NaN), yPred: Float64Array.of(1) })).toThrow(ValidationError);
    expect(() => weighted.update({ yTrue: Float64Array.of(1), yPred: Float64Array.of(1), weights: Float64Array.of(-1) })).toThrow(ValidationError);
    expect(() => new RegressionState().compute()).toThrow(ValidationError);
    expect(() => RegressionState.fromJSON({ kind: 'multilabel', version: 1 })).toThrow(ValidationError);
    expect(() => RegressionState.fromJSON({ ...plain.toJSON(), version: 99 })).toThrow(ValidationError);
  });
});
