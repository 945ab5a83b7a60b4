import { describe, expect, it } from 'vitest';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
import { BinaryExactState, EXACT_DEFERRAL } from '../../../src/states/binary/binary-exact-state.js';
import { PrefixBuckets } from '../../../src/states/binary/prefix-buckets.js';
import { PrefixRowPool } from '../../../src/states/binary/prefix-row-pool.js';
import { generatedRows, labels, oneShot, slice } from './binary-state-helpers.js';

type Curve = { thresholds: Float64Array; tps: Uint32Array | Float64Array; fps: Uint32Array | Float64Array; length?: number };
const plain = (c: Curve) => {
  const m = c.length ?? c.thresholds.length;
  return { thresholds: Array.from(c.thresholds.subarray(0, m)), tps: Array.from(c.tps.subarray(0, m)), fps: Array.from(c.fps.subarray(0, m)) };
};

describe('PrefixRowPool', () => {
  it('hands out new arrays, then the buffers given back when they fit (up to twice the rows)', () => {
    const pool = new PrefixRowPool();
    const a = pool.take(1000);
    expect(a.length).toBe(1000);
    expect(pool.bytes).toBe(0);
    pool.give({ keys: a });
    expect(pool.bytes).toBe(8 * 1000);
    // Too small a batch for it (more than twice smaller), or too big: new arrays.
    expect(pool.take(499).buffer).not.toBe(a.buffer);
    expect(pool.take(1001).buffer).not.toBe(a.buffer);
    const b = pool.take(600);
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(600);
    expect(pool.bytes).toBe(0);
    // Given back as a view: the whole buffer returns.
    pool.give({ keys: b });
    expect(pool.take(1000).buffer).toBe(a.buffer);
  });

  it('gets the batches of a drained store back once no other store holds them; reused batches leave other rows intact', () => {
    const rows = generatedRows(40_000, 31);
    const part = (a: number, b: number) => slice(rows, a, b);
    const pool = new PrefixRowPool();
    const first = new PrefixBuckets(pool);
    first.add(part(0, 10_000).scores, part(0, 10_000).positive);
    const other = new PrefixBuckets(pool);
    other.add(part(10_000, 20_000).scores, part(10_000, 20_000).positive);
    // first shares other's batch and itself (counted twice): draining it gives back only its own batch, once.
    first.addFrom(other);
    first.addFrom(first);
    // first holds rows 0..20 000 twice.
    const both = slice(rows, 0, 20_000);
    const expected = plain(jsBinaryClfCurve({ scores: Float64Array.from([...both.scores, ...both.scores]), positive: Uint8Array.from([...both.positive, ...both.positive]) }));
    expect(plain(first.drain(undefined, false))).toEqual(expected);
    expect(pool.bytes).toBe(8 * 10_000);
    // A new batch takes the freed buffer; the batch other still holds is untouched.
    const third = new PrefixBuckets(pool);
    third.add(part(20_000, 30_000).scores, part(20_000, 30_000).positive);
    expect(pool.bytes).toBe(0);
    expect(plain(third.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(part(20_000, 30_000))));
    expect(plain(other.drain(undefined, false))).toEqual(plain(jsBinaryClfCurve(part(10_000, 20_000))));
    // Now both buffers are free (third's and other's).
    expect(pool.bytes).toBe(2 * 8 * 10_000);
    // release() lets go without sorting.
    const fourth = new PrefixBuckets(pool);
    fourth.add(part(30_000, 40_000).scores, part(30_000, 40_000).positive);
    fourth.release();
    expect(fourth.rows).toBe(0);
    expect(pool.bytes).toBe(2 * 8 * 10_000);
  });

  it('lets exact states merged and recycled give their waiting rows back at the next sort, with unchanged results', () => {
    const rows = generatedRows(400_000, 32);
    const saved = { ...EXACT_DEFERRAL };
    EXACT_DEFERRAL.pendingRows = 150_000;
    try {
      const pool = new PrefixRowPool();
      const leaf = (a: number, b: number) => new BinaryExactState({ labels, options: {}, rowBuffers: pool }).update(slice(rows, a, b));
      const s = leaf(0, 100_000);
      const t = leaf(100_000, 200_000);
      s.merge(t); // 200 000 rows wait, more than 150 000: sorted; t still holds its batch
      expect(pool.bytes).toBe(8 * 100_000);
      t.recycle();
      expect(pool.bytes).toBe(8 * 200_000);
      // The next leaves reuse them.
      const u = leaf(200_000, 300_000);
      const v = leaf(300_000, 400_000);
      expect(pool.bytes).toBe(0);
      s.merge(u).merge(v);
      u.recycle();
      v.recycle();
      expect(s.computeFinal()).toEqual(oneShot(rows));
      expect(s.compute()).toEqual(oneShot(rows));
    } finally {
      Object.assign(EXACT_DEFERRAL, saved);
    }
  });
});
