import { describe, expect, it } from 'vitest';
import { radixSortFloat64, radixSortSharedPrefix } from '../../src/kernels/js/radix-sort-float64.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('radixSortFloat64', () => {
  it.each([0, 1, 2, 10, 511, 512, 5000, 100_000])('sorts %i random doubles like Float64Array.prototype.sort', (n) => {
    const rnd = lcg(n + 1);
    const keys = Float64Array.from({ length: n }, () => (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12 - 6));
    const expected = Float64Array.from(keys).sort();
    radixSortFloat64(keys);
    expect(Array.from(keys)).toEqual(Array.from(expected));
  });

  it('handles signs, zeros, infinities, subnormals and extremes', () => {
    const special = [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5, -0.5];
    const keys = Float64Array.from({ length: 3000 }, (_, i) => special[i % special.length] * (1 + (i % 7) / 8));
    const expected = Float64Array.from(keys).sort();
    radixSortFloat64(keys);
    for (let i = 0; i < keys.length; i++) expect(keys[i] === expected[i] || (keys[i] === 0 && expected[i] === 0)).toBe(true);
  });

  it('is stable and moves the payload with the keys', () => {
    const rnd = lcg(7);
    const n = 20_000;
    const keys = Float64Array.from({ length: n }, () => Math.round(rnd() * 50) / 10);
    const payload = Float64Array.from({ length: n }, (_, i) => i);
    const original = Float64Array.from(keys);
    radixSortFloat64(keys, payload);
    for (let i = 0; i < n; i++) {
      expect(original[payload[i]]).toBe(keys[i]);
      if (i > 0) {
        expect(keys[i]).toBeGreaterThanOrEqual(keys[i - 1]);
        if (keys[i] === keys[i - 1]) expect(payload[i]).toBeGreaterThan(payload[i - 1]);
      }
    }
  });

  it.each([false, true])('sorts keys without sign bits straight from their bits (descending: %s), stably, with both payloads', (descending) => {
    const rnd = lcg(descending ? 21 : 22);
    const special = [0, 5e-324, 2.2250738585072014e-308, 1, 0.5, Number.MAX_VALUE, Infinity, 1e-300];
    const n = 25_000;
    const keys = Float64Array.from({ length: n }, (_, i) =>
      (i % 9 === 0 ? special[i % special.length] : i % 3 === 0 ? Math.round(rnd() * 1000) / 1000 : rnd() * 10 ** Math.floor(rnd() * 20 - 10)));
    const original = Float64Array.from(keys);
    const order = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => (descending ? original[b] - original[a] : original[a] - original[b]) || a - b);
    const index = Float64Array.from({ length: n }, (_, i) => i);
    radixSortFloat64(keys, index, undefined, descending);
    expect(Array.from(index)).toEqual(order);
    expect(Array.from(keys)).toEqual(order.map((i) => original[i]));
    const flags = Uint8Array.from({ length: n }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
    const k2 = Float64Array.from(original);
    radixSortFloat64(k2, flags, { keys: new Float64Array(n), payload: new Uint8Array(n) }, descending);
    expect(Array.from(flags)).toEqual(order.map((i) => ((i * 7) % 3 === 0 ? 1 : 0)));
    // One -0 among them: the mapped path, same order (-0 and +0 are equal numbers; -0 sorts below +0).
    const k3 = Float64Array.from(original);
    k3[n - 1] = -0;
    const idx3 = Float64Array.from({ length: n }, (_, i) => i);
    radixSortFloat64(k3, idx3, undefined, descending);
    const o3 = Float64Array.from(original);
    o3[n - 1] = -0;
    const rank = (i: number): number => (Object.is(o3[i], -0) ? 0 : 1);
    const order3 = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => (descending ? -1 : 1) * (o3[a] - o3[b] || rank(a) - rank(b)) || a - b);
    expect(Array.from(idx3)).toEqual(order3);
  });

  it('skips constant digits of float32-representable keys and still sorts', () => {
    const rnd = lcg(3);
    const keys = Float64Array.from(Float32Array.from({ length: 10_000 }, () => rnd()));
    const expected = Float64Array.from(keys).sort();
    radixSortFloat64(keys);
    expect(Array.from(keys)).toEqual(Array.from(expected));
  });

  it('orders long and short runs that share the high 32 bits by the low bits, stably', () => {
    const rnd = lcg(9);
    const n = 30_000;
    // Values 1 + k * 2^-40 share their high word in blocks; some blocks are long, some short, with repeats.
    const keys = Float64Array.from({ length: n }, (_, i) =>
      (i % 3 === 0 ? -1 : 1) * (1 + Math.floor(rnd() * (i % 2 ? 4000 : 20)) * 2 ** -40));
    const payload = Float64Array.from({ length: n }, (_, i) => i);
    const original = Float64Array.from(keys);
    const expected = Float64Array.from(keys).sort();
    radixSortFloat64(keys, payload);
    expect(Array.from(keys)).toEqual(Array.from(expected));
    for (let i = 1; i < n; i++) {
      expect(original[payload[i]]).toBe(keys[i]);
      if (keys[i] === keys[i - 1]) expect(payload[i]).toBeGreaterThan(payload[i - 1]);
    }
    const flags = Uint8Array.from({ length: n }, (_, i) => i % 2);
    const k2 = Float64Array.from(original);
    radixSortFloat64(k2, flags);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => original[a] - original[b] || a - b);
    expect(Array.from(flags)).toEqual(order.map((i) => i % 2));
  });

  it.each([10, 511, 512, 20_000])('sorts %i keys descending, stably, with signs, zeros and infinities', (n) => {
    const rnd = lcg(n + 5);
    const special = [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE];
    const keys = Float64Array.from({ length: n }, (_, i) =>
      (i % 5 === 0 ? special[i % special.length] : Math.round((rnd() - 0.5) * 40) / 8));
    const original = Float64Array.from(keys);
    const payload = Float64Array.from({ length: n }, (_, i) => i);
    radixSortFloat64(keys, payload, undefined, true);
    // Descending numeric order, +0 before -0, equal keys in input order.
    const rank = (v: number): number => (Object.is(v, -0) ? 0 : 1);
    const order = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => original[b] - original[a] || rank(original[b]) - rank(original[a]) || a - b);
    expect(Array.from(payload)).toEqual(order);
    for (let i = 0; i < n; i++) expect(Object.is(keys[i], original[order[i]])).toBe(true);
  });

  it('rejects a payload of another length', () => {
    expect(() => radixSortFloat64(new Float64Array(3), new Float64Array(2))).toThrow(RangeError);
  });
});

describe('radixSortSharedPrefix', () => {
  /** n keys with the given top 16 bits and random low 48 bits (a quarter repeated), as one prefix bucket holds them. */
  function bucket(top16: number, n: number, seed: number): Float64Array {
    const rnd = lcg(seed);
    const keys = new Float64Array(n);
    const words = new Uint32Array(keys.buffer);
    for (let i = 0; i < n; i++) {
      if (i > 0 && rnd() < 0.25) {
        keys[i] = keys[Math.floor(rnd() * i)];
        continue;
      }
      words[2 * i] = Math.floor(rnd() * 2 ** 32) >>> 0;
      words[2 * i + 1] = ((top16 << 16) | Math.floor(rnd() * 2 ** 16)) >>> 0;
    }
    return keys;
  }

  // Probabilities around 0.7, negatives around -3, +0 with subnormals, -0 with negative subnormals, few keys.
  const prefixes: Array<[string, number, number]> = [['0.7', 0x3fe6, 20_000], ['-3', 0xc008, 20_000], ['+0 and subnormals', 0x0000, 5000],
    ['-0 and negative subnormals', 0x8000, 5000], ['below the comparison sort size', 0x3fe6, 300]];
  for (const [name, top16, n] of prefixes) {
    it(`sorts like radixSortFloat64, stably, both ways: ${name}`, () => {
      const original = bucket(top16, n, top16 + n);
      if (top16 === 0x0000) original[3] = 0;
      if (top16 === 0x8000) original[3] = -0;
      for (const descending of [false, true]) {
        const want = Float64Array.from(original);
        const wantFlags = Uint8Array.from({ length: n }, (_, i) => i % 251);
        radixSortFloat64(want, wantFlags, undefined, descending);
        const keys = Float64Array.from(original);
        const flags = Uint8Array.from({ length: n }, (_, i) => i % 251);
        radixSortSharedPrefix(keys, flags, { keys: new Float64Array(n + 5), payload: new Uint8Array(n + 5) }, descending);
        // Bit for bit (-0 included), payload in the same (stable) order.
        expect(new Uint32Array(keys.buffer)).toEqual(new Uint32Array(want.buffer));
        expect(flags).toEqual(wantFlags);
      }
    });
  }

  it('rejects a payload of another length', () => {
    expect(() => radixSortSharedPrefix(new Float64Array(3), new Uint8Array(2), { keys: new Float64Array(3), payload: new Uint8Array(3) }, false)).toThrow(RangeError);
  });
});
