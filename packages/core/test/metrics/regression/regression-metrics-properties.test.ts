import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { regressionMetrics } from '../../../src/metrics/regression/regression-metrics.js';
import { expectClose } from '../../support/fixtures.js';

/** mulberry32: a tiny seeded generator so the properties are reproducible. */
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

function randomRows(n: number, seed: number): { yTrue: Float64Array; yPred: Float64Array; weights: Float64Array } {
  const rand = seeded(seed);
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = 0.1 + 20 * rand() * rand();
    yPred[i] = Math.abs(yTrue[i] + 4 * (rand() - 0.5)) + 0.01;
    weights[i] = Math.floor(rand() * 4); // 0..3, zeros included
  }
  weights[0] = 1;
  return { yTrue, yPred, weights };
}

function expectSameMetrics(a: Record<string, number>, b: Record<string, number>, rel: number): void {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const key of Object.keys(b)) expectClose(a[key], b[key], rel, key);
}

describe('regressionMetrics properties', () => {
  it('does not depend on row order', () => {
    const { yTrue, yPred, weights } = randomRows(997, 42);
    const rand = seeded(7);
    const order = Array.from({ length: yTrue.length }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const pick = (a: Float64Array): Float64Array => Float64Array.from(order, (i) => a[i]);
    for (const w of [undefined, weights]) {
      const a = regressionMetrics(yTrue, yPred, { weights: w, quantile: 0.3 });
      const b = regressionMetrics(pick(yTrue), pick(yPred), { weights: w && pick(w), quantile: 0.3 });
      expectSameMetrics(b.metrics, a.metrics, 1e-12);
      expect(b.residuals.quantiles).toEqual(a.residuals.quantiles);
      expectClose(b.residuals.std, a.residuals.std, 1e-12, 'std');
    }
  });

  it('integer weights equal repeated rows', () => {
    const { yTrue, yPred, weights } = randomRows(501, 3);
    const repTrue: number[] = [];
    const repPred: number[] = [];
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) { repTrue.push(yTrue[i]); repPred.push(yPred[i]); }
    });
    const weighted = regressionMetrics(yTrue, yPred, { weights, quantile: 0.8 });
    // Unit weights keep sklearn's weighted (lower) percentile for the medians, which np.median would average.
    const repeated = regressionMetrics(Float64Array.from(repTrue), Float64Array.from(repPred), {
      weights: new Float64Array(repTrue.length).fill(1),
      quantile: 0.8,
    });
    expectSameMetrics(weighted.metrics, repeated.metrics, 1e-12);
  });

  it('accepts float32 columns and leaves inputs untouched', () => {
    const yTrue = Float32Array.of(3, 1, 2, 5);
    const yPred = Float32Array.of(2.5, 1.5, 2, 4);
    const weights = Float32Array.of(1, 2, 0.5, 1);
    const r = regressionMetrics(yTrue, yPred, { weights });
    expect(Array.from(yTrue)).toEqual([3, 1, 2, 5]);
    expect(Array.from(weights)).toEqual([1, 2, 0.5, 1]);
    expectClose(r.metrics.mse, (0.25 + 2 * 0.25 + 0 + 1) / 4.5);
    expect(r.metrics.max_error).toBe(1);
  });

  it('names the column and row of a domain failure', () => {
    const r = regressionMetrics(Float64Array.of(1, 2, 3), Float64Array.of(1, 0, -3.5), { names: { label: 'y', pred: 'price' } });
    expect(r.metrics).not.toHaveProperty('msle');
    expect(r.metrics).not.toHaveProperty('mean_poisson_deviance');
    expect(r.metrics).not.toHaveProperty('mean_gamma_deviance');
    expect(r.metrics).toHaveProperty('mse');
    expect(r.warnings.filter((w) => w.code === 'metric_domain').map((w) => w.message)).toEqual([
      'msle omitted: column `price` holds a negative value at row 2 (-3.5); msle needs values >= 0.',
      'mean_poisson_deviance omitted: column `price` holds a zero value at row 1 (0); mean_poisson_deviance needs y >= 0 and price > 0.',
      'mean_gamma_deviance omitted: column `price` holds a zero value at row 1 (0); mean_gamma_deviance needs values > 0.',
    ]);
  });

  it('pinball loss at alpha 0.5 is half the mae', () => {
    const { yTrue, yPred, weights } = randomRows(200, 9);
    const r = regressionMetrics(yTrue, yPred, { weights });
    expectClose(r.metrics.mean_pinball_loss, r.metrics.mae / 2, 1e-12);
  });
});

describe('regressionMetrics validation', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).code;
    }
    return undefined;
  };

  it('rejects bad inputs with ValidationError', () => {
    expect(code(() => regressionMetrics(new Float64Array(0), new Float64Array(0)))).toBe('empty_input');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1)))).toBe('length_mismatch');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1, 2), { weights: Float64Array.of(1) })))
      .toBe('length_mismatch');
    expect(code(() => regressionMetrics(Float64Array.of(1, NaN), Float64Array.of(1, 2)))).toBe('invalid_input');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(Infinity, 2)))).toBe('invalid_input');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1, 2), { weights: Float64Array.of(1, -1) })))
      .toBe('invalid_input');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1, 2), { weights: Float64Array.of(0, 0) })))
      .toBe('invalid_input');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1, 2), { quantile: 1.5 }))).toBe('invalid_argument');
    expect(code(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1, 2), { quantile: NaN }))).toBe('invalid_argument');
  });

  it('names both columns on a length mismatch', () => {
    expect(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1), { names: { label: 'y', pred: 'yhat' } }))
      .toThrow('Expected `y` and `yhat` to be equally long, but they hold 2 and 1 rows.');
  });
});
