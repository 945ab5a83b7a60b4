import { describe, expect, it } from 'vitest';
import { classCounts, dummyClassifierProbabilities, dummyRegressorValue } from '../../src/baselines/dummy-baselines.js';
import { loadBaselineFixture } from './baseline-fixtures.js';

describe('dummy baselines', () => {
  it('classifier strategies as scikit-learn DummyClassifier.predict_proba (wine, 3 classes)', () => {
    const fx = loadBaselineFixture('wine');
    // Class counts of the training split, recovered from the prior shares.
    const counts = Float64Array.from(fx.dummy_proba!.prior, (p) => Math.round(p * 125));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(125);
    for (const strategy of ['prior', 'most_frequent', 'uniform'] as const) {
      const proba = dummyClassifierProbabilities(counts, strategy, 2);
      expect(Array.from(proba.subarray(3, 6))).toEqual(fx.dummy_proba![strategy].map((v) => expect.closeTo(v, 15)));
    }
  });

  it('most_frequent breaks ties towards the lowest class, as numpy argmax', () => {
    expect(Array.from(dummyClassifierProbabilities(Float64Array.of(2, 5, 5), 'most_frequent', 1))).toEqual([0, 1, 0]);
  });

  it('stratified draws one-hot rows with the training shares', () => {
    const proba = dummyClassifierProbabilities(Float64Array.of(1, 3), 'stratified', 20_000, 5);
    let positives = 0;
    for (let i = 0; i < 20_000; i++) {
      expect(proba[2 * i] + proba[2 * i + 1]).toBe(1);
      positives += proba[2 * i + 1];
    }
    expect(Math.abs(positives / 20_000 - 0.75)).toBeLessThan(0.02);
  });

  it('regressor constants as numpy: mean, median, linear-interpolated quantile; NaN skipped', () => {
    const y = Float64Array.of(3, 1, Number.NaN, 10, 2);
    expect(dummyRegressorValue(y, 'mean')).toBe(4);
    expect(dummyRegressorValue(y, 'median')).toBe(2.5);
    expect(dummyRegressorValue(y, 'quantile', 0.9)).toBeCloseTo(7.9, 14); // h = 2.7: 3 + 0.7 × 7
    expect(dummyRegressorValue(y, 'quantile', 0)).toBe(1);
    expect(dummyRegressorValue(y, 'quantile', 1)).toBe(10);
  });

  it('rejects empty training data and bad options', () => {
    expect(() => dummyClassifierProbabilities(Float64Array.of(0, 0), 'prior', 1)).toThrow(/at least one labelled/);
    expect(() => dummyRegressorValue(Float64Array.of(Number.NaN), 'mean')).toThrow(/at least one training target/);
    expect(() => dummyRegressorValue(Float64Array.of(1), 'quantile', 1.5)).toThrow(/quantile/);
    expect(Array.from(classCounts(Int32Array.of(0, -1, 1, 1), 2))).toEqual([1, 2]);
  });
});
