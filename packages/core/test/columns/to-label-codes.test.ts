import {
  Bool,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  Int8,
  LargeUtf8,
  makeVector,
  Table,
  tableFromArrays,
  Uint8,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/columns/compare-code-points.js';
import { getColumn } from '../../src/columns/get-column.js';
import { toLabelCodes } from '../../src/columns/to-label-codes.js';
import { SchemaError } from '../../src/errors.js';

/** Decodes codes back to values; null for -1. */
function decode(result: ReturnType<typeof toLabelCodes>): unknown[] {
  return [...result.codes].map((code) => (code < 0 ? null : result.classes[code]));
}

/** Seeded xorshift32 in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe('toLabelCodes', () => {
  it('codes integer labels of every width with sorted classes', () => {
    for (const type of [new Int8(), new Int32(), new Uint8(), new Float64(), new Float32()]) {
      const result = toLabelCodes(vectorFromArray([2, 0, 1, 2, 0], type), 'y');
      expect(result.classes, String(type)).toEqual([0, 1, 2]);
      expect([...result.codes]).toEqual([2, 0, 1, 2, 0]);
      expect(result.kind).toBe('number');
      expect(result.nullCount).toBe(0);
      expect(result.firstNullRow).toBe(-1);
    }
  });

  it('codes two adjacent integer values from the buffer itself, writing codes only when asked', () => {
    for (const [type, values] of [[new Int8(), [1, 0, 1, 1]], [new Uint8(), [0, 0, 1, 0]], [new Int32(), [-1, 0, 0, -1]], [new Int8(), [3, 3, 3]]] as const) {
      const column = vectorFromArray([...values], type);
      const result = toLabelCodes(column, 'y');
      expect(result.integerValues?.buffer, String(type)).toBe(column.data[0].values.buffer); // a view, no copy
      expect(result.integerValues).toHaveLength(values.length);
      const min = Math.min(...values);
      expect(result.classes).toEqual([...new Set(values)].sort((a, b) => a - b));
      expect([...result.codes]).toEqual(values.map((v) => v - min));
      expect(result.codes).toBe(result.codes); // computed once
      expect(decode(result)).toEqual([...values]);
    }
    // Several chunks of one integer type (a stream's leaf of batches): joined into one array, then the same path.
    const chunked = makeVector(Int8Array.of(1, 0)).concat(makeVector(Int8Array.of(0, 1, 1)));
    expect(chunked.data.length).toBe(2);
    const joined = toLabelCodes(chunked, 'y');
    expect([...joined.integerValues!]).toEqual([1, 0, 0, 1, 1]);
    expect(joined.integerValues).toBeInstanceOf(Int8Array);
    expect(joined.classes).toEqual([0, 1]);
    // Chunks of different integer types, three values, nulls, floats: the general coding, no integerValues.
    const mixed = makeVector(Int8Array.of(1, 0)).concat(makeVector(Int16Array.of(0, 1)) as never);
    expect(mixed.data.length).toBe(2);
    expect(toLabelCodes(mixed, 'y').integerValues).toBeUndefined();
    expect([...toLabelCodes(mixed, 'y').codes]).toEqual([1, 0, 0, 1]);
    expect(toLabelCodes(vectorFromArray([0, 1, 2], new Int8()), 'y').integerValues).toBeUndefined();
    expect(toLabelCodes(vectorFromArray([0, 2], new Int8()), 'y').integerValues).toBeUndefined();
    expect(toLabelCodes(vectorFromArray([0, null, 1], new Int8()), 'y').integerValues).toBeUndefined();
    expect(toLabelCodes(vectorFromArray([0, 1], new Float64()), 'y').integerValues).toBeUndefined();
  });

  it('finds the classes of 0/1 bytes four at a time: any offset and length, a stray value anywhere', () => {
    const buffer = new ArrayBuffer(64);
    const reference = (v: ArrayLike<number>): number[] | undefined => {
      const set = [...new Set(Array.from(v))].sort((a, b) => a - b);
      return set.length > 0 && set[set.length - 1] - set[0] <= 1 ? set : undefined;
    };
    for (const Bytes of [Int8Array, Uint8Array]) {
      for (let offset = 0; offset < 4; offset++) {
        for (let length = 1; length <= 21; length++) {
          const patterns = [() => 0, () => 1, (i: number) => i % 2, (i: number) => (i === length - 1 ? 1 : 0), (i: number) => (i === 0 ? 0 : 1)];
          for (const fill of patterns) {
            const values = new Bytes(buffer, offset, length);
            for (let i = 0; i < length; i++) values[i] = fill(i);
            // 0/1 only, then a stray 2 or -1 (255) at every position: head bytes, whole words and tail bytes.
            for (let at = -1; at < length; at++) {
              const saved = at >= 0 ? values[at] : 0;
              if (at >= 0) values[at] = at % 2 === 0 ? 2 : -1;
              const column = makeVector(values);
              const want = reference(values);
              const got = toLabelCodes(column, 'y');
              expect(got.integerValues === undefined ? undefined : got.classes, `${Bytes.name} ${offset}+${length} at ${at}`).toEqual(want);
              if (at >= 0) values[at] = saved;
            }
          }
        }
      }
    }
  });

  it('codes Int64 labels, negative and beyond the direct-index span', () => {
    const small = toLabelCodes(makeVector(BigInt64Array.of(1n, -1n, 1n, 0n)), 'y');
    expect(small.classes).toEqual([-1, 0, 1]);
    expect([...small.codes]).toEqual([2, 0, 2, 1]);
    const wide = toLabelCodes(vectorFromArray([5000000000n, 7n, 5000000000n, -9n], new Int64()), 'y');
    expect(wide.classes).toEqual([-9, 7, 5000000000]);
    expect([...wide.codes]).toEqual([2, 1, 2, 0]);
  });

  it('treats nulls and NaN as null (-1), reports the count and first row, and keeps 1.0 == 1', () => {
    const result = toLabelCodes(vectorFromArray([1.0, null, 0.0, NaN, 1], new Float64()), 'y');
    expect(result.classes).toEqual([0, 1]);
    expect([...result.codes]).toEqual([1, -1, 0, -1, 1]);
    expect(result.nullCount).toBe(2);
    expect(result.firstNullRow).toBe(1);
  });

  it('codes fractional and infinite labels by sorting, and merges -0 with 0', () => {
    const result = toLabelCodes(vectorFromArray([0.5, -0, 0, Infinity, 0.5, -1.25], new Float64()), 'y');
    expect(result.classes).toEqual([-1.25, 0, 0.5, Infinity]);
    expect(Object.is(result.classes[1], 0)).toBe(true);
    expect([...result.codes]).toEqual([2, 1, 1, 3, 2, 0]);
  });

  it('codes Bool labels as false < true, only the values present', () => {
    const both = toLabelCodes(vectorFromArray([true, false, null, true], new Bool()), 'y');
    expect(both.classes).toEqual([false, true]);
    expect([...both.codes]).toEqual([1, 0, -1, 1]);
    expect(both.kind).toBe('boolean');
    expect(both.firstNullRow).toBe(2);
    const onlyTrue = toLabelCodes(vectorFromArray([true, true], new Bool()), 'y');
    expect(onlyTrue.classes).toEqual([true]);
    expect([...onlyTrue.codes]).toEqual([0, 0]);
  });

  it('codes Utf8, LargeUtf8 and Dictionary<Utf8> labels by code point, with nulls', () => {
    const values = ['spam', 'ham', null, 'spam', 'Ham', '\u{1F600}', '\uFF21', ''];
    const expected = ['', 'Ham', 'ham', 'spam', '\uFF21', '\u{1F600}'];
    for (const type of [new Utf8(), new LargeUtf8(), new Dictionary(new Utf8(), new Int32())]) {
      const result = toLabelCodes(vectorFromArray(values, type), 'y');
      expect(result.classes, String(type)).toEqual(expected);
      expect(result.kind).toBe('string');
      expect(decode(result)).toEqual(values);
      expect(result.nullCount).toBe(1);
      expect(result.firstNullRow).toBe(2);
    }
  });

  it('leaves out dictionary entries that no row uses', () => {
    const vector = vectorFromArray(['b', 'a', 'c', 'a'], new Dictionary(new Utf8(), new Int32())).slice(1, 2);
    const result = toLabelCodes(vector, 'y');
    expect(result.classes).toEqual(['a']);
    expect([...result.codes]).toEqual([0]);
  });

  it('gives multi-chunk columns (with different dictionaries per chunk) the same codes as one chunk', () => {
    const random = seeded(3);
    const words = ['eu', 'us', 'ap', 'af'];
    const rows = Array.from({ length: 300 }, () => (random() < 0.1 ? null : words[Math.floor(random() * 4)]));
    const whole = toLabelCodes(vectorFromArray(rows, new Utf8()), 'region');
    const parts = [rows.slice(0, 100), rows.slice(100, 130), rows.slice(130)];
    for (const makeType of [() => new Utf8(), () => new Dictionary(new Utf8(), new Int32())]) {
      const chunks = parts.map((part) => vectorFromArray(part, makeType()));
      const chunked = chunks[0].concat(...chunks.slice(1));
      expect(chunked.data).toHaveLength(3);
      const result = toLabelCodes(chunked, 'region');
      expect(result.classes).toEqual(whole.classes);
      expect([...result.codes]).toEqual([...whole.codes]);
      expect(result.nullCount).toBe(whole.nullCount);
      expect(result.firstNullRow).toBe(whole.firstNullRow);
    }
    const numbers = rows.map((row) => (row === null ? null : words.indexOf(row)));
    const a = tableFromArrays({ y: Int32Array.from(numbers.slice(0, 150), (v) => v ?? 0) });
    const b = tableFromArrays({ y: Int32Array.from(numbers.slice(150), (v) => v ?? 0) });
    const numeric = toLabelCodes(getColumn(new Table([...a.batches, ...b.batches]), 'y'), 'y');
    const numericWhole = toLabelCodes(vectorFromArray(numbers.map((v) => v ?? 0), new Int32()), 'y');
    expect([...numeric.codes]).toEqual([...numericWhole.codes]);
  });

  it('matches a Map-based reference on seeded random labels of each kind', () => {
    const random = seeded(11);
    const n = 2000;
    const ints = Array.from({ length: n }, () => (random() < 0.05 ? null : Math.floor(random() * 50) - 10));
    const strings = ints.map((v) => (v === null ? null : `c${v}`));
    for (const [values, type] of [[ints, new Int32()], [strings, new Utf8()]] as const) {
      const result = toLabelCodes(vectorFromArray(values as never[], type), 'y');
      const distinct = [...new Set(values.filter((v) => v !== null))] as Array<number | string>;
      distinct.sort((x, y) => (typeof x === 'number' ? (x as number) - (y as number) : compareCodePoints(x as string, y as string)));
      expect(result.classes).toEqual(distinct);
      expect(decode(result)).toEqual(values);
    }
  });

  it('rejects a column that cannot hold labels', () => {
    const binary = vectorFromArray([Uint8Array.of(1)]);
    let error: unknown;
    try {
      toLabelCodes(binary as never, 'y');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).code).toBe('column_type');
    expect((error as Error).message).toContain('Expected column `y` to be labels');
  });

  it('does not modify its input', () => {
    const vector = vectorFromArray([3, 1, 2], new Int32());
    const before = vector.data[0].values.slice();
    toLabelCodes(vector, 'y');
    expect(vector.data[0].values).toEqual(before);
  });
});

describe('compareCodePoints', () => {
  it('orders characters beyond U+FFFF after U+E000..U+FFFF, as UTF-8 bytes do', () => {
    const words = ['\u{1F600}', '\uFF21', 'b', 'a', 'ab', '\u{10000}', '\uE000'];
    const byBytes = [...words].sort((x, y) => {
      const a = new TextEncoder().encode(x);
      const b = new TextEncoder().encode(y);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    });
    expect([...words].sort(compareCodePoints)).toEqual(byBytes);
  });
});
