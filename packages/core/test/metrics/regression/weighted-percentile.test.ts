import { describe, expect, it } from 'vitest';
import { linearQuantileOfSorted } from '../../../src/metrics/regression/linear-quantile-of-sorted.js';
import { weightedPercentile } from '../../../src/metrics/regression/weighted-percentile.js';

describe('weightedPercentile (sklearn _weighted_percentile)', () => {
  // Expected values from sklearn.utils.stats._weighted_percentile 1.2.1.
  it('takes the lower weighted percentile', () => {
    expect(weightedPercentile([1, 2, 3], [1, 1, 2])).toBe(2);
    expect(weightedPercentile([1, 2, 3, 4], [1, 1, 1, 1])).toBe(2);
    expect(weightedPercentile([4, 3, 2, 1], [1, 1, 1, 1], 75)).toBe(3);
    expect(weightedPercentile([1, 2, 3], [1, 0, 1], 50)).toBe(1);
  });

  it('skips leading zero weights at percentile 0 and clips at 100', () => {
    expect(weightedPercentile([1, 2, 3], [0, 1, 1], 0)).toBe(2);
    expect(weightedPercentile([1, 2, 3], [1, 1, 1], 100)).toBe(3);
  });

  it('does not mutate its inputs', () => {
    const v = Float64Array.of(3, 1, 2);
    const w = Float64Array.of(1, 2, 3);
    weightedPercentile(v, w);
    expect(Array.from(v)).toEqual([3, 1, 2]);
    expect(Array.from(w)).toEqual([1, 2, 3]);
  });
});

describe('linearQuantileOfSorted (numpy.quantile, linear)', () => {
  it('interpolates between ranks', () => {
    const a = Float64Array.of(1, 2, 3, 4);
    expect(linearQuantileOfSorted(a, 0.5)).toBe(2.5);
    expect(linearQuantileOfSorted(a, 0)).toBe(1);
    expect(linearQuantileOfSorted(a, 1)).toBe(4);
    expect(linearQuantileOfSorted(a, 0.1)).toBeCloseTo(1.3, 15);
    expect(linearQuantileOfSorted(Float64Array.of(7), 0.3)).toBe(7);
  });
});
