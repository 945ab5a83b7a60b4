import { describe, expect, it } from 'vitest';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
import { prefixRangeRuns } from '../../../src/states/binary/prefix-bucket-runs.js';
import { PrefixBuckets, type PrefixRangeJob } from '../../../src/states/binary/prefix-buckets.js';
import { concat, generatedRows, mapScores, seededRandom, slice } from './binary-state-helpers.js';

type Curve = { thresholds: Float64Array; tps: Uint32Array | Float64Array; fps: Uint32Array | Float64Array; length?: number };
const plain = (c: Curve) => {
  const m = c.length ?? c.thresholds.length;
  return { thresholds: Array.from(c.thresholds.subarray(0, m)), tps: Array.from(c.tps.subarray(0, m)), fps: Array.from(c.fps.subarray(0, m)) };
};
/** A curve as held runs, optionally in arrays with room for `room` more. */
const asHeld = (c: Curve, room = 0, float = false) => {
  const m = c.thresholds.length;
  const Counts = float ? Float64Array : Uint32Array;
  const thresholds = new Float64Array(m + room);
  const tps = new Counts(m + room);
  const fps = new Counts(m + room);
  thresholds.set(c.thresholds);
  tps.set(c.tps);
  fps.set(c.fps);
  return { thresholds, tps, fps, length: m };
};

/** 1.3e6 rows of rounded logits, 2% of them zeros of either sign: more than 2^20 after 200 000 held ones. */
const bigSignedRows = (seed: number, zeros: number) => {
  const rnd = seededRandom(zeros);
  return mapScores(generatedRows(1_300_000, seed), (s) => (rnd() < 0.02 ? (rnd() < 0.5 ? -0 : 0) : Math.round(Math.log(s / (1 - s)) * 64) / 64));
};

describe('PrefixBuckets', () => {
  const rows = generatedRows(30_000, 11);

  it('drains to the curve of jsBinaryClfCurve over every row added, in any batches', () => {
    const b = new PrefixBuckets();
    b.add(rows.scores.subarray(0, 7), rows.positive.subarray(0, 7));
    b.add(rows.scores.subarray(7, 20_000), rows.positive.subarray(7, 20_000));
    b.add(rows.scores.subarray(20_000), rows.positive.subarray(20_000));
    b.add(new Float64Array(0), new Uint8Array(0));
    expect(b.rows).toBe(30_000);
    expect(b.bytes).toBe(8 * 30_000);
    expect(plain(b.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(rows)));
    expect(b.rows).toBe(0);
    expect(b.drain(undefined, false).thresholds.length).toBe(0);
  });

  it('joins runs of -0 and +0 across their buckets, with negative scores, ties and float32 scores', () => {
    const rnd = seededRandom(4);
    const logits = mapScores(rows, (s, i) => (i % 5 === 0 ? (rnd() < 0.5 ? -0 : 0) : Math.round(Math.log(s / (1 - s)) * 8) / 8));
    const b = new PrefixBuckets();
    b.add(logits.scores, logits.positive);
    const want = plain(jsBinaryClfCurve(logits));
    const got = b.drain(undefined, false);
    expect(plain(got)).toEqual(want);
    expect(Object.is(got.thresholds[want.thresholds.indexOf(0)], 0)).toBe(true);
    const f32 = { scores: Float32Array.from(rows.scores), positive: rows.positive };
    const c = new PrefixBuckets();
    c.add(f32.scores, f32.positive);
    expect(plain(c.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(f32)));
  });

  it('shares batches with addFrom (the other store unchanged; itself counted twice)', () => {
    const a = new PrefixBuckets();
    a.add(rows.scores.subarray(0, 10_000), rows.positive.subarray(0, 10_000));
    const b = new PrefixBuckets();
    b.add(rows.scores.subarray(10_000), rows.positive.subarray(10_000));
    a.addFrom(b);
    expect(plain(a.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(rows)));
    expect(plain(b.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(slice(rows, 10_000, 30_000))));
    const self = new PrefixBuckets();
    self.add(rows.scores, rows.positive);
    self.addFrom(self);
    expect(plain(self.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(concat(rows, rows))));
  });

  it('sorts one crowded bucket (every score sharing its top 16 bits)', () => {
    const crowded = mapScores(rows, (s) => 0.5 + Math.round(s * 1000) / 64_000);
    const b = new PrefixBuckets();
    b.add(crowded.scores, crowded.positive);
    expect(plain(b.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(crowded)));
  });

  it('merges held runs in while draining (uint32 or float64 counts; held -0, ties across both lists)', () => {
    const rnd = seededRandom(9);
    const coarse = mapScores(rows, (s) => (rnd() < 0.05 ? -0 : Math.round(s * 500) / 500));
    const heldRows = slice(coarse, 0, 12_000);
    const held = jsBinaryClfCurve(heldRows);
    // A foreign held -0 (deserialised states keep what they were given).
    const zero = held.thresholds.indexOf(0);
    held.thresholds[zero] = -0;
    const want = plain(jsBinaryClfCurve(coarse));
    // New arrays (no room, or other counts), or in the held arrays themselves (room for every row).
    for (const [float, room, heldFloat] of [[false, 0, false], [true, 0, false], [false, 18_000, false], [true, 18_000, true], [true, 18_000, false]] as const) {
      const b = new PrefixBuckets();
      b.add(coarse.scores.subarray(12_000), coarse.positive.subarray(12_000));
      const given = asHeld(held, room, heldFloat);
      const got = b.drain(given, float);
      expect(got.tps).toBeInstanceOf(float ? Float64Array : Uint32Array);
      expect(got.thresholds === given.thresholds).toBe(room > 0 && float === heldFloat);
      expect(plain(got)).toEqual(want);
      expect(Object.is(got.thresholds[want.thresholds.indexOf(0)], 0)).toBe(true);
    }
    // Nothing waiting: the held runs come back as they are.
    expect(plain(new PrefixBuckets().drain(asHeld(jsBinaryClfCurve(heldRows)), false))).toEqual(plain(jsBinaryClfCurve(heldRows)));
  });

  it('drainParallel: the same runs with the sorting split into 2 or 3 ranges, with or without held runs', async () => {
    // More than 2^20 rows after the held ones: below that, drainParallel drains on this thread.
    const signed = bigSignedRows(13, 5);
    const want = plain(jsBinaryClfCurve(signed));
    const heldRows = slice(signed, 0, 200_000);
    const restRows = slice(signed, 200_000, 1_300_000);
    // Another thread's copy of the job (shared memory stays shared), run at once.
    let remote = 0;
    const sortRange = async (job: PrefixRangeJob) => {
      remote++;
      return prefixRangeRuns(structuredClone(job));
    };
    for (const parts of [2, 3]) {
      const whole = new PrefixBuckets();
      whole.add(signed.scores.subarray(0, 600_000), signed.positive.subarray(0, 600_000));
      whole.add(signed.scores.subarray(600_000), signed.positive.subarray(600_000));
      remote = 0;
      expect(plain(await whole.drainParallel(undefined, false, parts, sortRange))).toEqual(want);
      expect(remote).toBe(parts - 1);
      // Held runs in new arrays (no room, or other counts), or merged in their own arrays (room for every row).
      for (const [float, room, heldFloat] of [[false, 0, false], [true, 0, true], [false, 1_100_000, false], [true, 1_100_000, true], [true, 1_100_000, false]] as const) {
        const rest = new PrefixBuckets();
        rest.add(restRows.scores, restRows.positive);
        const given = asHeld(jsBinaryClfCurve(heldRows), room, heldFloat);
        remote = 0;
        const got = await rest.drainParallel(given, float, parts, sortRange);
        expect(plain(got), `${parts} parts, float ${float}, room ${room}`).toEqual(want);
        expect(remote).toBe(parts - 1);
        expect(got.thresholds === given.thresholds).toBe(room > 0 && float === heldFloat);
      }
    }
    // Below 2^20 rows, or one part: drained on this thread.
    const small = new PrefixBuckets();
    small.add(heldRows.scores, heldRows.positive);
    remote = 0;
    expect(plain(await small.drainParallel(undefined, false, 2, sortRange))).toEqual(plain(jsBinaryClfCurve(heldRows)));
    expect(remote).toBe(0);
  });

  /** The runs a visit hands its sink, concatenated (chunks checked: descending, at most `chunk` runs each). */
  const collect = () => {
    const t: number[] = [];
    const p: number[] = [];
    const n: number[] = [];
    let chunks = 0;
    const sink = (thresholds: Float64Array, tps: Float64Array, fps: Float64Array, count: number) => {
      chunks++;
      t.push(...thresholds.subarray(0, count));
      p.push(...tps.subarray(0, count));
      n.push(...fps.subarray(0, count));
    };
    return { sink, runs: () => ({ thresholds: t, tps: p, fps: n }), chunks: () => chunks };
  };

  it('visit hands over in chunks the runs drain returns, merged with held runs, and keeps its rows', () => {
    const rnd = seededRandom(6);
    const signed = mapScores(rows, (s, i) => (i % 11 === 0 ? (rnd() < 0.5 ? -0 : 0) : Math.round(Math.log(s / (1 - s)) * 16) / 16));
    const heldRows = slice(signed, 0, 8_000);
    const restRows = slice(signed, 8_000, 30_000);
    const want = plain(jsBinaryClfCurve(signed));
    for (const held of [undefined, asHeld(jsBinaryClfCurve(heldRows)), asHeld(jsBinaryClfCurve(heldRows), 0, true)]) {
      const b = new PrefixBuckets();
      b.add(restRows.scores.subarray(0, 9_000), restRows.positive.subarray(0, 9_000));
      b.add(restRows.scores.subarray(9_000), restRows.positive.subarray(9_000));
      const expected = held === undefined ? plain(jsBinaryClfCurve(restRows)) : want;
      for (const chunk of [2, 3, 1000, 1 << 20]) {
        const got = collect();
        b.visit(held, got.sink, chunk);
        const runs = got.runs();
        expect(runs, `held ${held !== undefined}, chunk ${chunk}`).toEqual(expected);
        // Full chunks but for the run kept back for a possible equal score: chunk - 1 runs each.
        expect(got.chunks()).toBe(Math.max(1, Math.ceil((expected.thresholds.length - 1) / (Math.max(2, chunk) - 1))));
      }
      // -0 joined with +0 into one run of +0, as drain writes it.
      const zero = collect();
      b.visit(held, zero.sink);
      const at = zero.runs().thresholds.indexOf(0);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(Object.is(zero.runs().thresholds[at], 0)).toBe(true);
      // The rows are still there: draining now gives the same curve.
      expect(b.rows).toBe(22_000);
      expect(plain(b.drain(held === undefined ? undefined : asHeld(jsBinaryClfCurve(heldRows)), false))).toEqual(expected);
    }
    // Nothing waiting: the held runs; nothing at all: no chunk.
    const heldOnly = collect();
    new PrefixBuckets().visit(asHeld(jsBinaryClfCurve(heldRows)), heldOnly.sink, 5);
    expect(heldOnly.runs()).toEqual(plain(jsBinaryClfCurve(heldRows)));
    const none = collect();
    new PrefixBuckets().visit(undefined, none.sink);
    expect(none.chunks()).toBe(0);
  });

  it('visitParallel: the runs of visit, the highest range sorted here and the others by sortRange, with or without held runs', async () => {
    const signed = bigSignedRows(14, 7);
    const heldRows = slice(signed, 0, 200_000);
    const restRows = slice(signed, 200_000, 1_300_000);
    let remote = 0;
    const sortRange = async (job: PrefixRangeJob) => {
      remote++;
      return prefixRangeRuns(structuredClone(job));
    };
    for (const held of [undefined, asHeld(jsBinaryClfCurve(heldRows))]) {
      const b = new PrefixBuckets();
      b.add(restRows.scores.subarray(0, 500_000), restRows.positive.subarray(0, 500_000));
      b.add(restRows.scores.subarray(500_000), restRows.positive.subarray(500_000));
      const want = collect();
      b.visit(held, want.sink);
      for (const parts of [2, 3]) {
        const got = collect();
        remote = 0;
        await b.visitParallel(held, parts, sortRange, got.sink);
        expect(got.runs(), `${parts} parts, held ${held !== undefined}`).toEqual(want.runs());
        expect(remote).toBe(parts - 1);
      }
    }
    // Below 2^20 rows, or one part: visited on this thread.
    const small = new PrefixBuckets();
    small.add(heldRows.scores, heldRows.positive);
    remote = 0;
    const got = collect();
    await small.visitParallel(undefined, 2, sortRange, got.sink);
    expect(got.runs()).toEqual(plain(jsBinaryClfCurve(heldRows)));
    expect(remote).toBe(0);
  });
});
