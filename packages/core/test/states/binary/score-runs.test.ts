import { describe, expect, it } from 'vitest';
import { ScoreRuns } from '../../../src/states/binary/index.js';

describe('ScoreRuns', () => {
  it('merges sorted runs linearly, combining equal scores', () => {
    const r = new ScoreRuns();
    r.mergeCurve({ thresholds: Float64Array.of(0.9, 0.5, 0.1), tps: Uint32Array.of(1, 1, 2), fps: Uint32Array.of(0, 2, 2) }, false);
    r.mergeCurve({ thresholds: Float64Array.of(1, 0.5, 0.2), tps: Uint32Array.of(0, 3, 3), fps: Uint32Array.of(1, 1, 5) }, false);
    const c = r.toCurve();
    expect(Array.from(c.thresholds)).toEqual([1, 0.9, 0.5, 0.2, 0.1]);
    expect(Array.from(c.tps)).toEqual([0, 1, 4, 4, 5]);
    expect(Array.from(c.fps)).toEqual([1, 1, 3, 7, 7]);
    expect(c.tps).toBeInstanceOf(Uint32Array);
  });

  it('switches to float64 counts before a class total passes 2^32 - 1, staying exact', () => {
    const r = new ScoreRuns();
    const big = { thresholds: Float64Array.of(0.5), tps: Uint32Array.of(3e9), fps: Uint32Array.of(4e9) };
    r.mergeCurve(big, false);
    r.mergeCurve(big, false);
    r.mergeFrom(r);
    const c = r.toCurve();
    expect(c.tps).toBeInstanceOf(Float64Array);
    expect([c.tps[0], c.fps[0]]).toEqual([12e9, 16e9]);
  });
});
