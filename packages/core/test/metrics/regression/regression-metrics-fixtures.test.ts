import { describe, expect, it } from 'vitest';
import { regressionMetrics } from '../../../src/metrics/regression/regression-metrics.js';
import { expectClose } from '../../support/fixtures.js';
import { loadRegressionFixture, regressionFixtureNames } from './regression-fixtures.js';

/** Every metric key regressionMetrics can report. */
const ALL_KEYS = [
  'd2_absolute_error_score', 'explained_variance', 'mae', 'mape', 'max_error', 'mean_gamma_deviance',
  'mean_pinball_loss', 'mean_poisson_deviance', 'median_absolute_error', 'mse', 'msle', 'r2', 'rmse',
];

describe('regressionMetrics against scikit-learn fixtures', () => {
  const names = regressionFixtureNames();

  it('has the committed cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of names) {
    it(name, () => {
      const f = loadRegressionFixture(name);
      const float32 = name === 'float32_values';
      const make = (v: number[]): Float64Array | Float32Array => (float32 ? Float32Array.from(v) : Float64Array.from(v));
      const yTrue = make(f.inputs.y_true);
      const yPred = make(f.inputs.y_pred);
      if (float32) {
        // The fixture holds float32-representable values: the Float32Array must not round them.
        expect(Array.from(yTrue)).toEqual(f.inputs.y_true);
      }
      const result = regressionMetrics(yTrue, yPred, {
        weights: f.inputs.weights === null ? undefined : Float64Array.from(f.inputs.weights),
        quantile: f.inputs.quantile,
        names: { label: 'target', pred: 'prediction' },
      });

      expect(Object.keys(result.metrics).sort()).toEqual(Object.keys(f.expected.metrics).sort());
      expect([...Object.keys(result.metrics), ...f.expected.omitted].sort()).toEqual(ALL_KEYS);
      for (const [key, value] of Object.entries(f.expected.metrics)) {
        expectClose(result.metrics[key], value, 1e-9, `${name} ${key}`);
      }
      for (const key of f.expected.omitted) {
        expect(result.metrics).not.toHaveProperty(key);
        const w = result.warnings.find((x) => x.code === 'metric_domain' && x.message.startsWith(`${key} omitted:`));
        expect(w, `${name}: metric_domain warning for ${key}`).toBeDefined();
        expect(w?.message).toMatch(/column `(target|prediction)` holds a (negative|zero) value at row \d+ \(/);
      }
      expect(result.warnings.filter((x) => x.code === 'metric_domain')).toHaveLength(f.expected.omitted.length);

      expect(result.residuals.quantiles.map((x) => x.q)).toEqual(f.expected.residual_quantiles.map(([q]) => q));
      result.residuals.quantiles.forEach(({ value }, i) => {
        expectClose(value, f.expected.residual_quantiles[i][1], 1e-9, `${name} residual q${f.expected.residual_quantiles[i][0]}`);
      });
      const stats = f.expected.residual_stats;
      expectClose(result.residuals.mean, stats.mean, 1e-9, `${name} residual mean`);
      expectClose(result.residuals.std, stats.std, 1e-9, `${name} residual std`);
      expect(result.residuals.min).toBe(stats.min);
      expect(result.residuals.max).toBe(stats.max);
    });
  }

  it('warns where scikit-learn warns or uses a convention', () => {
    const single = regressionMetrics(Float64Array.of(2), Float64Array.of(1.5));
    expect(single.warnings.filter((w) => w.code === 'undefined_metric').map((w) => w.message.split(' ')[0]).sort())
      .toEqual(['d2_absolute_error_score', 'r2']);

    const f = loadRegressionFixture('constant_y_true');
    const constant = regressionMetrics(Float64Array.from(f.inputs.y_true), Float64Array.from(f.inputs.y_pred), {
      names: { label: 'price', pred: 'p' },
    });
    const messages = constant.warnings.filter((w) => w.code === 'constant_target').map((w) => w.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe(
      'r2 is ill-defined: column `price` is constant; set to 0.0 (imperfect predictions), as scikit-learn does.',
    );

    const zeros = loadRegressionFixture('zeros_in_y_true');
    const z = regressionMetrics(Float64Array.from(zeros.inputs.y_true), Float64Array.from(zeros.inputs.y_pred));
    expect(z.warnings.some((w) => w.code === 'near_zero_target')).toBe(true);
  });
});
