import { describe, expect, it } from 'vitest';
import { binRows, binWithin, SCRATCH_FROM } from '../../../src/states/binary/bin-rows.js';
import { BinaryBinnedState } from '../../../src/states/binary/index.js';
import { ScoreHistogram } from '../../../src/states/binary/score-histogram.js';
import { labels, seededRandom } from './binary-state-helpers.js';

/** A histogram that already holds some rows (so that the window is not the empty one), and a copy of it. */
function twoHistograms(bins: number, held: Float64Array): [ScoreHistogram, ScoreHistogram] {
  const make = (): ScoreHistogram => {
    const h = new ScoreHistogram(bins);
    if (held.length > 0) {
      h.cover(Math.min(...held), Math.max(...held));
      binRows({ scores: held, positive: Uint8Array.from(held, (_, i) => i % 2) }, h, true);
    }
    return h;
  };
  return [make(), make()];
}

describe('binWithin (one pass: window check, extremes, scratch counts)', () => {
  const random = seededRandom(5);
  const n = 3 * SCRATCH_FROM + 17;
  const positive = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
  const cases: Array<[string, number, Float64Array, (i: number) => number]> = [
    ['probabilities, default grid', 65536, new Float64Array(0), () => random()],
    ['probabilities rounded to 3 decimals (ties), 0 and 1 included', 65536, new Float64Array(0), (i) => (i % 97 === 0 ? i % 2 : Math.round(random() * 1000) / 1000)],
    ['scores inside a window slid to [10, 20]', 1024, Float64Array.of(10, 20), () => 10 + 10 * random()],
    ['negative scores and -0 in a window over [-1, 1]', 4096, Float64Array.of(-1, 1), (i) => (i % 101 === 0 ? -0 : 2 * random() - 1)],
    ['Float32-like scores near the top edge', 256, new Float64Array(0), () => Math.fround(1 - random() / 300)],
  ];
  for (const [name, bins, held, score] of cases) {
    it(`matches cover + binRows to the bit: ${name}`, () => {
      const scores = Float64Array.from({ length: n }, (_, i) => score(i));
      for (const swappable of [false, true]) {
        const [a, b] = twoHistograms(bins, held);
        const got = binWithin(scores, positive, a, swappable);
        expect(got).toBeDefined();
        let lo = Infinity;
        let hi = -Infinity;
        for (const s of scores) { lo = Math.min(lo, s + 0); hi = Math.max(hi, s + 0); }
        b.cover(lo, hi);
        const want = binRows({ scores, positive }, b, swappable);
        expect(Object.is(got!.lo, lo) && Object.is(got!.hi, hi)).toBe(true);
        expect([got!.logLoss, got!.brier, got!.logLossSwapped, got!.brierSwapped]).toEqual([want.logLoss, want.brier, want.logLossSwapped, want.brierSwapped]);
        expect([a.exponent, a.offset]).toEqual([b.exponent, b.offset]);
        expect(Buffer.from(a.pos.buffer).equals(Buffer.from(b.pos.buffer))).toBe(true);
        expect(Buffer.from(a.neg.buffer).equals(Buffer.from(b.neg.buffer))).toBe(true);
      }
    });
  }

  it('leaves the histogram and its scratch untouched when a score is outside the window, wherever it is', () => {
    const scores = Float64Array.from({ length: n }, () => random());
    for (const at of [0, 1, SCRATCH_FROM, n - 1]) {
      for (const outside of [1.5, -1e-300, -3, 2 ** 40]) {
        const [h, copy] = twoHistograms(65536, Float64Array.of(0.25, 0.75));
        const bad = scores.slice();
        bad[at] = outside;
        expect(binWithin(bad, positive, h, true)).toBeUndefined();
        expect(Buffer.from(h.pos.buffer).equals(Buffer.from(copy.pos.buffer))).toBe(true);
        expect(Buffer.from(h.neg.buffer).equals(Buffer.from(copy.neg.buffer))).toBe(true);
        // The scratch is clean again: the next batch counts from zero (checked against binRows).
        const [c, d] = twoHistograms(65536, new Float64Array(0));
        binWithin(scores, positive, c, false);
        d.cover(Math.min(...scores), Math.max(...scores));
        binRows({ scores, positive }, d, false);
        expect(Buffer.from(c.pos.buffer).equals(Buffer.from(d.pos.buffer))).toBe(true);
        expect(Buffer.from(c.neg.buffer).equals(Buffer.from(d.neg.buffer))).toBe(true);
      }
    }
  });

  it('BinaryBinnedState: a big batch with a score outside the grid widens it, as one fed in small batches does', () => {
    const scores = Float64Array.from({ length: n }, (_, i) => (i === n - 5 ? 3.5 : random()));
    const big = new BinaryBinnedState({ labels, options: {} }).update({ scores, positive });
    const small = new BinaryBinnedState({ labels, options: {} });
    for (let at = 0; at < n; at += 1000) small.update({ scores: scores.subarray(at, at + 1000), positive: positive.subarray(at, at + 1000) });
    const a = big.toJSON();
    const b = small.toJSON();
    expect([a.exponent, a.offset, a.min, a.max, a.first]).toEqual([b.exponent, b.offset, b.min, b.max, b.first]);
    expect(a.pos).toEqual(b.pos);
    expect(a.neg).toEqual(b.neg);
    expect(a.exponent).toBeGreaterThan(-16); // 3.5 needs a wider grid than 2^-16
    expect(Math.abs(a.brierSum - b.brierSum)).toBeLessThanOrEqual(1e-12 * b.brierSum);
  });
});

describe('recycled histogram arrays (BalancedMerger drops merged states: ScoreHistogram.recycle)', () => {
  it('a new histogram gets zeroed arrays back, whatever the recycled one held', () => {
    const random = seededRandom(9);
    for (const scale of [1, 1000]) {
      const h = new ScoreHistogram(4096);
      const scores = Float64Array.from({ length: 50_000 }, () => scale * random());
      h.cover(Math.min(...scores), Math.max(...scores));
      binRows({ scores, positive: Uint8Array.from(scores, (_, i) => i % 2) }, h, false);
      const [pos, neg] = [h.pos, h.neg];
      h.recycle();
      expect([h.pos.length, h.neg.length]).toEqual([0, 0]);
      const next = new ScoreHistogram(4096);
      // The same arrays, every slot zero again.
      expect(next.pos === pos || next.pos === neg).toBe(true);
      expect(next.pos.every((v) => v === 0) && next.neg.every((v) => v === 0)).toBe(true);
      next.recycle();
    }
  });

  it('merging leaves through BalancedMerger (recycling) == merging fresh states by hand, to the bit', async () => {
    const { BalancedMerger } = await import('../../../src/evaluate/merge-balanced.js');
    const random = seededRandom(10);
    const leaves = Array.from({ length: 11 }, (_, k) => {
      const n = SCRATCH_FROM + 1000 * k;
      // Later leaves reach further: the grid widens mid-stream (relayouts), and recycled arrays are reused.
      const scores = Float64Array.from({ length: n }, () => random() * (k < 6 ? 1 : 1 + k));
      return { scores, positive: Uint8Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0)) };
    });
    const state = (rows: (typeof leaves)[number]): BinaryBinnedState => new BinaryBinnedState({ labels, options: {}, bins: 1024 }).update(rows);
    const merger = new BalancedMerger<BinaryBinnedState>();
    for (const leaf of leaves) merger.push(state(leaf));
    const recycled = merger.finish()!.toJSON();
    // The same tree by hand, nothing recycled (MergeTree of 11 items: ((0-7), (8-9), 10)).
    const s = leaves.map(state);
    const eight = s[0].merge(s[1]).merge(s[2].merge(s[3])).merge(s[4].merge(s[5]).merge(s[6].merge(s[7])));
    const fresh = eight.merge(s[8].merge(s[9])).merge(s[10]).toJSON();
    expect(recycled).toEqual(fresh);
  });
});
