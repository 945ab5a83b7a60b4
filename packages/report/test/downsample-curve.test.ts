import { describe, expect, it } from 'vitest';
import { downsampleCurve } from '../src/downsample-curve.js';

describe('downsampleCurve', () => {
  it('keeps every point of a short curve', () => {
    expect(downsampleCurve([0, 1, 2], [0, 1, 0], 10)).toEqual([0, 1, 2]);
  });

  it('keeps at most maxPoints, the ends, and the corners of a step curve', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    // A right angle at the middle: (0,0) -> (0,1) -> (1,1), with many collinear points on each leg.
    for (let i = 0; i < n; i++) {
      if (i < n / 2) { x[i] = 0; y[i] = i / (n / 2); } else { x[i] = (i - n / 2) / (n / 2); y[i] = 1; }
    }
    const keep = downsampleCurve(x, y, 2000);
    expect(keep.length).toBeLessThanOrEqual(2000);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(n - 1);
    // The corner survives: some kept point is within one bucket of it at (0, ~1).
    expect(keep.some((i) => x[i] < 0.002 && y[i] > 0.998)).toBe(true);
    expect([...keep].sort((a, b) => a - b)).toEqual(keep);
  });

  it('rejects a budget below three points', () => {
    expect(() => downsampleCurve([0, 1, 2, 3], [0, 1, 2, 3], 2)).toThrow(/maxPoints/);
  });
});
