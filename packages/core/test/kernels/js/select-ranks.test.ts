import { describe, expect, it } from 'vitest';
import { selectRanks } from '../../../src/kernels/js/select-ranks.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Every rank's value from a full sort (Object.is: -0 and +0 told apart). */
function expectRanks(values: Float64Array, ranks: number[], abs = false): void {
  const sorted = Float64Array.from(values, (v) => (abs ? Math.abs(v) : v)).sort();
  const got = selectRanks(values, ranks, abs);
  expect(Array.from(got)).toEqual(ranks.map((r) => sorted[r]));
}

describe('selectRanks', () => {
  it.each([1, 2, 7, 600, 5000, 200_000])('gives the ranks of a full sort on %i signed values of many magnitudes', (n) => {
    const rnd = lcg(n);
    const values = Float64Array.from({ length: n }, () => (rnd() - 0.4) * 10 ** Math.floor(rnd() * 14 - 7));
    const ranks = [0, n - 1, Math.floor(n / 2), Math.floor(n / 3), Math.floor((n - 1) * 0.99), Math.floor(n / 2)];
    const before = values.slice();
    expectRanks(values, ranks);
    expectRanks(values, ranks, true);
    expect(values).toEqual(before);
  });

  it('handles heavy ties, zeros of both signs, infinities and subnormals', () => {
    const special = [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5, 0.5, 0.5];
    const values = Float64Array.from({ length: 4000 }, (_, i) => special[(i * 7) % special.length]);
    const ranks = Array.from({ length: 4000 }, (_, i) => i).filter((i) => i % 97 === 0 || i > 3990);
    expectRanks(values, ranks);
    expectRanks(values, ranks, true);
    // -0 ranks before +0, as a sort puts them.
    const zeros = Float64Array.of(0, -0, 0, -0);
    expect(Object.is(selectRanks(zeros, [1])[0], -0)).toBe(true);
    expect(Object.is(selectRanks(zeros, [2])[0], 0)).toBe(true);
  });

  it('splits crowded buckets by their next digits (values sharing their top 16, 32 or 48 bits), both signs', () => {
    const rnd = lcg(3);
    const ranks = [0, 1, 777, 20_000, 39_998, 39_999];
    // All in [1, 1.0625) or (-1.0625, -1]: one top-level bucket, split by the next 16 bits (reversed for negatives).
    const crowded = Float64Array.from({ length: 40_000 }, () => 1 + rnd() / 16);
    expectRanks(crowded, ranks);
    expectRanks(crowded.map((v) => -v), ranks);
    expectRanks(crowded.map((v) => -v), ranks, true);
    // Sharing the high word: only the low 32 bits differ (levels 2 and 3), with ties.
    const low = Float64Array.from({ length: 40_000 }, () => 1 + Math.floor(rnd() * 30_000) * 2 ** -50);
    expectRanks(low, ranks);
    expectRanks(low.map((v) => -v), ranks);
    // A mix: half crowded negatives, half spread positives.
    const mixed = Float64Array.from({ length: 40_000 }, (_, i) => (i % 2 === 0 ? -1 - rnd() / 64 : rnd() * 1e6));
    expectRanks(mixed, ranks);
    expectRanks(mixed, ranks, true);
  });

  it('returns ranks in the order asked, duplicates included, and nothing for no ranks', () => {
    const values = Float64Array.of(5, -1, 4, 2, 3);
    expect(Array.from(selectRanks(values, [4, 0, 2, 0]))).toEqual([5, -1, 3, -1]);
    expect(selectRanks(values, []).length).toBe(0);
    expect(Array.from(selectRanks(values.subarray(1, 4), [0, 2]))).toEqual([-1, 4]);
  });

  it('refuses ranks outside the values', () => {
    const values = Float64Array.of(1, 2, 3);
    expect(() => selectRanks(values, [3])).toThrow(RangeError);
    expect(() => selectRanks(values, [-1])).toThrow(/outside \[0, 3\)/);
    expect(() => selectRanks(values, [0.5])).toThrow(/not an integer/);
    expect(() => selectRanks(new Float64Array(0), [0])).toThrow(RangeError);
  });
});
