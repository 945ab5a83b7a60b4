import { describe, expect, it } from 'vitest';
import { selectDifferenceRanks, selectDifferenceRanksByGroup, selectRanks } from '../../../src/kernels/js/select-ranks.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Every rank's value from a full sort (Object.is: -0 and +0 told apart). */
function expectRanks(values: Float64Array, ranks: number[], abs = false): void {
  const sorted = Float64Array.from(values, (v) => (abs ? Math.abs(v) : v)).sort();
  const want = ranks.map((r) => sorted[r]);
  expect(Array.from(selectRanks(values, ranks, abs))).toEqual(want);
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

  it('finds ranks spread over crowded buckets (values in a few octaves, both signs, ties)', () => {
    const rnd = lcg(17);
    const n = 300_000;
    // |values| in [1, 4): 32 top-level buckets a sign, each crowded; some values repeated, zeros of both signs.
    const values = Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? (i % 100 === 0 ? 0 : -0) : (rnd() < 0.4 ? -1 : 1) * (i % 7 === 0 ? 2.5 : 1 + 3 * rnd())));
    const ranks = Array.from({ length: 19 }, (_, b) => Math.floor(((b + 1) * n) / 20) - 1).concat([0, n - 1, n >> 1, (n >> 1) - 1]);
    expectRanks(values, ranks);
    expectRanks(values, ranks, true);
    // Ranks inside one crowded run of equal values, and next to the zeros.
    const sorted = values.slice().sort();
    const atTies = sorted.indexOf(2.5);
    expectRanks(values, [atTies, atTies + 1000, sorted.indexOf(0) - 1, sorted.indexOf(0)]);
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

describe('selectDifferenceRanks', () => {
  it.each([5, 3000, 100_000])('equals selectRanks of the materialised differences (%i rows, signed and absolute, float64 and float32)', (n) => {
    const rnd = lcg(n + 7);
    const a = Float64Array.from({ length: n }, () => (rnd() - 0.3) * 10 ** Math.floor(rnd() * 8 - 4));
    // Exact zeros of both signs among the differences (a - a = +0; -0 - +0 = -0), and ties.
    const b = Float64Array.from(a, (x, i) => (i % 11 === 0 ? x : i % 13 === 0 ? Math.round(x) : x - (rnd() - 0.5)));
    a[1] = -0;
    b[1] = 0;
    const ranks = [0, n - 1, Math.floor(n / 2), Math.floor(n / 2) - 1, Math.floor(n * 0.1), Math.floor(n * 0.9), 1];
    for (const [x, y] of [[a, b], [Float32Array.from(a), Float32Array.from(b)]] as const) {
      const d = Float64Array.from(x, (v, i) => v - y[i]);
      for (const abs of [false, true]) {
        const got = selectDifferenceRanks(x, y, ranks, abs);
        const want = selectRanks(d, ranks, abs);
        // Object.is: the zeros' signs too.
        expect(Array.from(got).every((v, i) => Object.is(v, want[i]))).toBe(true);
      }
    }
  });

  it('refuses arrays of different lengths and ranks outside them', () => {
    expect(() => selectDifferenceRanks(new Float64Array(3), new Float64Array(4), [0])).toThrow(/differ in length/);
    expect(() => selectDifferenceRanks(new Float64Array(3), new Float64Array(3), [3])).toThrow(/outside/);
    expect(selectDifferenceRanks(new Float64Array(3), new Float64Array(3), [])).toEqual(new Float64Array(0));
  });
});

describe('selectDifferenceRanksByGroup', () => {
  it.each([40, 50_000])('equals selectRanks of each group\'s materialised differences (%i rows, 7 groups, one empty)', (n) => {
    const rnd = lcg(n + 3);
    const a = Float64Array.from({ length: n }, () => (rnd() - 0.5) * 10 ** Math.floor(rnd() * 6 - 3));
    const b = Float64Array.from(a, (x, i) => (i % 9 === 0 ? x : x - Math.round((rnd() - 0.5) * 40) / 8));
    // Group 5 stays empty; group 6 gets a single row.
    const group = Uint8Array.from({ length: n }, (_, i) => (i === 3 ? 6 : [0, 1, 2, 3, 4][Math.floor(rnd() * 5)]));
    const diffs = Array.from({ length: 7 }, (_, g) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) if (group[i] === g) out.push(a[i] - b[i]);
      return Float64Array.from(out);
    });
    expect([diffs[5].length, diffs[6].length]).toEqual([0, 1]);
    const ranks = diffs.map((d) => (d.length === 0 ? [] : [d.length - 1, 0, Math.floor(d.length / 2), Math.floor((d.length - 1) * 0.9)]));
    const got = selectDifferenceRanksByGroup(a, b, group, ranks);
    got.forEach((values, g) => {
      const want = selectRanks(diffs[g], ranks[g]);
      expect(Array.from(values).every((v, i) => Object.is(v, want[i]))).toBe(true);
    });
  });

  it('refuses a group beyond the ranks given, a rank outside its group and arrays of different lengths', () => {
    const a = Float64Array.of(1, 2, 3);
    expect(() => selectDifferenceRanksByGroup(a, new Float64Array(3), Uint8Array.of(0, 1, 2), [[0], [0]])).toThrow(/beyond the 2 groups/);
    expect(() => selectDifferenceRanksByGroup(a, new Float64Array(3), Uint8Array.of(0, 0, 1), [[2], [0]])).toThrow(/outside group 0/);
    expect(() => selectDifferenceRanksByGroup(a, new Float64Array(2), Uint8Array.of(0, 0, 1), [[0], [0]])).toThrow(/differ in length/);
  });
});
