import { describe, expect, it } from 'vitest';
import type { BinaryClfCurve } from '../../../src/kernels/binary-clf-curve.js';
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

/** Compares two curves' bytes (toEqual walks large typed arrays slowly). */
function expectSameCurve(got: BinaryClfCurve, want: BinaryClfCurve): void {
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  for (const key of ['thresholds', 'tps', 'fps'] as const) {
    expect(got[key].constructor).toBe(want[key].constructor);
    expect(bytes(got[key]).equals(bytes(want[key])), key).toBe(true);
  }
}

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

  it('reserves room for twice a large merge and fills it in place, with the same curve as a fresh list', () => {
    // Continuous scores: every row its own run, so two lists of 2^16 rows merge into 2^17 runs.
    const n = 1 << 16;
    const parts = [random(n, 21, 2 ** 40), random(n, 22, 2 ** 40), random(n, 23, 2 ** 40)];
    const whole = curveOf(parts.flatMap((p) => p.scores), parts.flatMap((p) => p.positive));
    const r = new ScoreRuns();
    r.mergeCurve(curveOf(parts[0].scores, parts[0].positive), false);
    r.mergeCurve(curveOf(parts[1].scores, parts[1].positive), false); // into new buffers, twice the runs
    expect(r.thresholds.length).toBe(2 * r.length);
    expect(r.tps.length).toBe(2 * r.length);
    const before = r.thresholds;
    r.mergeCurve(curveOf(parts[2].scores, parts[2].positive), false); // fits the headroom: in place
    expect(r.thresholds).toBe(before);
    expectSameCurve(r.toCurve(), whole);
  });

  it('keeps the headroom of transferred buffers it owns, never of shared or borrowed ones', () => {
    const n = 1 << 16;
    const a = random(n, 31, 2 ** 40);
    const b = random(n, 32, 2 ** 40);
    const merged = new ScoreRuns();
    merged.mergeCurve(curveOf(a.scores, a.positive), false);
    merged.mergeCurve(curveOf(b.scores, b.positive), false);
    const { thresholds, tps, fps } = merged.toCurve();
    const owned = new ScoreRuns();
    owned.assign(thresholds, tps, fps, true);
    expect(owned.thresholds.length).toBe(2 * owned.length);
    expectSameCurve(owned.toCurve(), merged.toCurve());
    const borrowed = new ScoreRuns();
    borrowed.assign(thresholds, tps, fps);
    expect(borrowed.thresholds.length).toBe(borrowed.length);
    // A kernel curve's two count arrays share one buffer: no room to claim.
    const kernel = curveOf(a.scores, a.positive);
    const shared = new ScoreRuns();
    shared.assign(kernel.thresholds, kernel.tps, kernel.fps, true);
    expect(shared.tps.length).toBe(shared.length);
  });
});
