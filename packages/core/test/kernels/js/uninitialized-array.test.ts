import { afterEach, describe, expect, it, vi } from 'vitest';
import { uninitializedArray } from '../../../src/kernels/js/uninitialized-array.js';

describe('uninitializedArray', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives an array of the type and length asked, starting its own buffer, writable', () => {
    for (const Ctor of [Float64Array, Uint32Array] as const) {
      const a = uninitializedArray(Ctor, 1000);
      expect(a).toBeInstanceOf(Ctor);
      expect(a.length).toBe(1000);
      expect(a.byteOffset).toBe(0);
      expect(a.buffer.byteLength).toBe(1000 * Ctor.BYTES_PER_ELEMENT);
      a.fill(7);
      expect(a[999]).toBe(7);
    }
    expect(uninitializedArray(Float64Array, 0).length).toBe(0);
  });

  it('falls back to a zeroed array without Node\'s Buffer, or when Buffer refuses the size', () => {
    vi.stubGlobal('Buffer', undefined);
    const a = uninitializedArray(Float64Array, 16);
    expect(Array.from(a)).toEqual(new Array(16).fill(0));
    vi.stubGlobal('Buffer', { allocUnsafeSlow: () => { throw new RangeError('too big'); } });
    const b = uninitializedArray(Uint32Array, 8);
    expect(Array.from(b)).toEqual(new Array(8).fill(0));
  });
});
