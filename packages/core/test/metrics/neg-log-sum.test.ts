import { describe, expect, it } from 'vitest';
import { jsBinaryClfCurve } from '../../src/kernels/js/js-kernels.js';
import { logLoss } from '../../src/metrics/binary/log-loss.js';
import { NegLogSum } from '../../src/metrics/binary/neg-log-sum.js';
import { seededRandom } from '../states/binary/binary-state-helpers.js';

/** Neumaier-compensated sum of -log(p): the reference. */
function reference(ps: Iterable<number>): number {
  let sum = 0;
  let c = 0;
  for (const p of ps) {
    const x = -Math.log(p);
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}

describe('NegLogSum', () => {
  const random = seededRandom(5);
  const draws: Record<string, () => number> = {
    uniform: () => Math.max(random(), Number.EPSILON),
    'nearly certain (1 - 1e-13)': () => 1 - 1e-13 * (1 + random()),
    'near the clip (down to 2^-52)': () => Math.max(10 ** (-20 * random()), Number.EPSILON),
    'exactly 1 and exactly 2^-52': () => (random() < 0.5 ? 1 : Number.EPSILON),
  };
  for (const [name, draw] of Object.entries(draws)) {
    it(`matches a compensated per-term sum to 1e-12 relative: ${name}`, () => {
      const ps = Array.from({ length: 50_000 }, draw);
      const s = new NegLogSum();
      for (const p of ps) s.add(p);
      const want = reference(ps);
      expect(Math.abs(s.total() - want)).toBeLessThanOrEqual(1e-12 * want);
    });
  }

  it('is 0 with no terms, and exact for powers of two', () => {
    expect(new NegLogSum().total()).toBe(0);
    const s = new NegLogSum();
    for (let i = 0; i < 3000; i++) s.add(0.5);
    expect(s.total()).toBeCloseTo(3000 * Math.LN2, 10);
    expect(Math.abs(s.total() - 3000 * Math.LN2)).toBeLessThanOrEqual(1e-15 * 3000 * Math.LN2);
  });
});

describe('logLoss from the curve', () => {
  it('matches a per-row sum for distinct and tied scores, confident or not', () => {
    const random = seededRandom(9);
    const n = 40_000;
    const positive = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    // A mix: continuous scores (one row each), a few tied values, and nearly certain right answers.
    const scores = Float64Array.from(positive, (y, i) => {
      const k = i % 4;
      if (k === 0) return random();
      if (k === 1) return [0.1, 0.5, 0.9][i % 3];
      return y === 1 ? 1 - 1e-12 * (1 + random()) : 1e-12 * (1 + random());
    });
    const eps = Number.EPSILON;
    const want = reference(Array.from(scores, (s, i) => {
      const p = Math.min(Math.max(s, eps), 1 - eps);
      return positive[i] === 1 ? p : 1 - p;
    })) / n;
    const got = logLoss(jsBinaryClfCurve({ scores, positive }));
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * want);
  });
});
