import { describe, expect, it } from 'vitest';
import { PREDICTION_BINS, regressionMetrics } from '../../../src/metrics/regression/regression-metrics.js';
import { linearQuantileOfSorted } from '../../../src/metrics/regression/linear-quantile-of-sorted.js';
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

/** The sorted computation the selections replace: a stable sort of the predictions carrying their targets. */
function binsBySorting(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Array<Record<string, number>> {
  const n = yPred.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => yPred[a] - yPred[b] || a - b);
  const k = Math.min(PREDICTION_BINS, n);
  const bins: Array<Record<string, number>> = [];
  let start = 0;
  for (let b = 1; b <= k && start < n; b++) {
    let end = b === k ? n : Math.floor((b * n) / k);
    if (end <= start) continue;
    while (end < n && yPred[order[end]] === yPred[order[end - 1]]) end++;
    const rows = order.slice(start, end);
    const res = Float64Array.from(rows, (i) => yTrue[i] - yPred[i]).sort();
    const q = (p: number): number => linearQuantileOfSorted(res, p);
    const mean = (f: (i: number) => number): number => rows.reduce((s, i) => s + f(i), 0) / rows.length;
    bins.push({
      pred_low: yPred[rows[0]], pred_high: yPred[rows[rows.length - 1]], count: rows.length,
      mean_predicted: mean((i) => yPred[i]), mean_actual: mean((i) => yTrue[i]), mean_residual: mean((i) => yTrue[i] - yPred[i]),
      residual_p10: q(0.1), residual_p90: q(0.9),
    });
    start = end;
  }
  return bins;
}

describe('regressionMetrics order statistics (selection, no sort)', () => {
  const cases = [
    ['continuous', 50_000, (r: () => number) => (r() - 0.3) * 1e4],
    ['ties and both zeros', 30_000, (r: () => number) => [0, -0, 1, 2, 2, 3.5, -7][Math.floor(r() * 7)]],
    ['one value', 5_000, () => 4.25],
    ['many magnitudes', 20_000, (r: () => number) => (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6)],
  ] as const;

  it.each(cases)('bins equal the sorted computation (%s)', (_name, n, draw) => {
    const rand = seeded(n);
    const yPred = Float64Array.from({ length: n }, () => draw(rand));
    const yTrue = Float64Array.from(yPred, (p) => p + Math.round((rand() - 0.5) * 8) / 4);
    const got = regressionMetrics(yTrue, yPred).residuals.by_prediction;
    const want = binsBySorting(yTrue, yPred);
    expect(got.length).toBe(want.length);
    got.forEach((b, i) => {
      const w = want[i];
      // Order statistics and counts exactly (-0 and +0 as equal: which zero ends a bin is the sort's choice); means to
      // rounding (row order within a bin, not prediction order).
      const exact = (x: Record<string, number>): number[] => [x.pred_low, x.pred_high, x.count, x.residual_p10, x.residual_p90].map((v) => v + 0);
      expect(exact(b as unknown as Record<string, number>)).toEqual(exact(w));
      for (const key of ['mean_predicted', 'mean_actual', 'mean_residual'] as const) {
        expectClose(b[key], w[key], 1e-12, key);
      }
    });
  });

  it.each(cases)('residual quantiles, min, max and the median |residual| equal a sort of the residuals (%s)', (_name, n, draw) => {
    const rand = seeded(n + 1);
    const yTrue = Float32Array.from({ length: n }, () => draw(rand));
    const yPred = Float32Array.from(yTrue, (y) => y - Math.round((rand() - 0.4) * 6) / 2);
    const r = regressionMetrics(yTrue, yPred).residuals;
    const sorted = Float64Array.from(yTrue, (y, i) => y - yPred[i]).sort();
    expect(r.quantiles.map((x) => x.value)).toEqual(r.quantiles.map((x) => linearQuantileOfSorted(sorted, x.q)));
    expect([r.min, r.max]).toEqual([sorted[0], sorted[n - 1]]);
    const abs = Float64Array.from(sorted, Math.abs).sort();
    const median = n % 2 === 1 ? abs[n >> 1] : (abs[(n >> 1) - 1] + abs[n >> 1]) / 2;
    expect(regressionMetrics(yTrue, yPred).metrics.median_absolute_error).toBe(median);
  });
});
