import { describe, expect, it } from 'vitest';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
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

describe('ScoreRuns merges (cumulative counts)', () => {
  const curveOf = (scores: number[], positive: number[]) => jsBinaryClfCurve({ scores: Float64Array.from(scores), positive: Uint8Array.from(positive) });
  const random = (n: number, seed: number, levels: number) => {
    let s = seed;
    const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const scores = Array.from({ length: n }, () => Math.floor(next() * levels) / levels);
    const positive = scores.map((x) => (next() < x ? 1 : 0));
    return { scores, positive };
  };

  it('equal the curve of all rows at once, forward and in place', () => {
    const a = random(500, 3, 40);
    const b = random(300, 5, 40);
    const c = random(7, 9, 40);
    const whole = curveOf([...a.scores, ...b.scores, ...c.scores], [...a.positive, ...b.positive, ...c.positive]);
    const r = new ScoreRuns();
    r.mergeCurve(curveOf(a.scores, a.positive), false);
    r.mergeCurve(curveOf(b.scores, b.positive), false); // forward, into a + b slots: ties leave room
    expect(r.thresholds.length).toBeGreaterThan(r.length + 7);
    const before = r.thresholds;
    r.mergeCurve(curveOf(c.scores, c.positive), false); // fits the room: merged in place
    expect(r.thresholds).toBe(before);
    const got = r.toCurve();
    expect(Array.from(got.thresholds)).toEqual(Array.from(whole.thresholds));
    expect(Array.from(got.tps)).toEqual(Array.from(whole.tps));
    expect(Array.from(got.fps)).toEqual(Array.from(whole.fps));
  });

  it('is order-free: any merge order gives the same curve', () => {
    const parts = [random(200, 11, 25), random(50, 12, 1000), random(120, 13, 3)];
    const lists = parts.map((p) => {
      const r = new ScoreRuns();
      r.mergeCurve(curveOf(p.scores, p.positive), false);
      return r;
    });
    const x = new ScoreRuns();
    x.mergeFrom(lists[2]);
    x.mergeFrom(lists[0]);
    x.mergeFrom(lists[1]);
    const y = new ScoreRuns();
    y.mergeFrom(lists[1]);
    y.mergeFrom(lists[2]);
    y.mergeFrom(lists[0]);
    expect(x.toCurve()).toEqual(y.toCurve());
    expect(x.totalPos + x.totalNeg).toBe(370);
  });
});
