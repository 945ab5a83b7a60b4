import { describe, expect, it } from 'vitest';
import { PREDICTION_BINS, regressionMetrics } from '../../../src/metrics/regression/regression-metrics.js';
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

describe('regressionMetrics residuals.by_prediction', () => {
  it('cuts 40 distinct predictions into 20 bins of 2 (hand-computed)', () => {
    // Predictions 1..40 given in reverse order; residual -1 at odd predictions, +1 at even ones.
    const yPred = Float64Array.from({ length: 40 }, (_, i) => 40 - i);
    const yTrue = Float64Array.from(yPred, (p) => p + (p % 2 === 1 ? -1 : 1));
    const bins = regressionMetrics(yTrue, yPred).residuals.by_prediction;
    expect(bins).toHaveLength(20);
    bins.forEach((b, i) => {
      expect(b.pred_low).toBe(2 * i + 1);
      expect(b.pred_high).toBe(2 * i + 2);
      expect(b.count).toBe(2);
      expect(b.mean_predicted).toBe(2 * i + 1.5);
      expect(b.mean_actual).toBe(2 * i + 1.5);
      expect(b.mean_residual).toBe(0);
      expectClose(b.residual_p10, -0.8, 1e-15, 'p10'); // -1 + 0.1 * (1 - -1)
      expectClose(b.residual_p90, 0.8, 1e-15, 'p90');
    });
  });

  it('never splits ties: 10 equal predictions fill one bin, the later cuts stay where they were', () => {
    // Rows 0..9 predict 0 (actual 5 each), rows 10..39 predict 1..30 (actual = prediction + 2).
    const yPred = Float64Array.from({ length: 40 }, (_, i) => (i < 10 ? 0 : i - 9));
    const yTrue = Float64Array.from(yPred, (p, i) => (i < 10 ? 5 + (i % 2) : p + 2));
    const bins = regressionMetrics(yTrue, yPred).residuals.by_prediction;
    expect(bins.map((b) => b.count)).toEqual([10, ...Array<number>(15).fill(2)]);
    expect(bins[0]).toMatchObject({ pred_low: 0, pred_high: 0, mean_predicted: 0, mean_actual: 5.5, mean_residual: 5.5, residual_p10: 5, residual_p90: 6 });
    // Cut 6 (nominally at row 12 in prediction order) gives the bin of predictions 1, 2.
    expect(bins[1]).toMatchObject({ pred_low: 1, pred_high: 2, mean_predicted: 1.5, mean_actual: 3.5, mean_residual: 2, residual_p10: 2, residual_p90: 2 });
    expect(bins[15]).toMatchObject({ pred_low: 29, pred_high: 30, count: 2 });
  });

  it('keeps one bin per row below 20 rows and is unweighted', () => {
    const yTrue = Float64Array.of(3, 0.5, 2, 7);
    const yPred = Float64Array.of(2.5, 0.3, 2, 8);
    const plain = regressionMetrics(yTrue, yPred).residuals.by_prediction;
    expect(plain.map((b) => [b.pred_low, b.count, b.mean_actual])).toEqual([[0.3, 1, 0.5], [2, 1, 2], [2.5, 1, 3], [8, 1, 7]]);
    expect(regressionMetrics(yTrue, yPred, { weights: Float64Array.of(1, 0, 5, 2) }).residuals.by_prediction).toEqual(plain);
  });

  it('counts add up to n, bins are ordered by prediction and disjoint, at most 20 of them', () => {
    for (const [n, seed, levels] of [[1, 1, 0], [7, 2, 0], [20, 3, 0], [21, 4, 5], [997, 5, 0], [1000, 6, 13], [5000, 7, 300]] as const) {
      const rand = seeded(seed);
      const yPred = Float64Array.from({ length: n }, () => (levels > 0 ? Math.floor(rand() * levels) : rand() * 10 - 5));
      const yTrue = Float64Array.from(yPred, (p) => p + rand() * 2 - 1);
      const bins = regressionMetrics(yTrue, yPred).residuals.by_prediction;
      expect(bins.length).toBeGreaterThan(0);
      expect(bins.length).toBeLessThanOrEqual(Math.min(PREDICTION_BINS, n));
      expect(bins.reduce((s, b) => s + b.count, 0)).toBe(n);
      bins.forEach((b, i) => {
        expect(b.count).toBeGreaterThan(0);
        expect(b.pred_low).toBeLessThanOrEqual(b.mean_predicted + 1e-12);
        expect(b.mean_predicted).toBeLessThanOrEqual(b.pred_high + 1e-12);
        expect(b.residual_p10).toBeLessThanOrEqual(b.residual_p90);
        expect(Math.abs(b.mean_residual - (b.mean_actual - b.mean_predicted))).toBeLessThan(1e-9);
        if (i > 0) expect(b.pred_low).toBeGreaterThan(bins[i - 1].pred_high);
      });
      // The rows in a bin are exactly those whose prediction lies in [pred_low, pred_high].
      for (const b of bins) expect(yPred.filter((p) => p >= b.pred_low && p <= b.pred_high).length).toBe(b.count);
      if (levels === 0 && n >= PREDICTION_BINS) expect(bins.length).toBe(PREDICTION_BINS);
    }
  });
});
