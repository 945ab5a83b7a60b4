import {
  Bool,
  Decimal,
  Dictionary,
  Float16,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  makeData,
  makeVector,
  Table,
  tableFromArrays,
  Uint64,
  Uint8,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { findFirstInvalid } from '../../src/columns/find-first-invalid.js';
import { getColumn } from '../../src/columns/get-column.js';
import { toNumericArray } from '../../src/columns/to-numeric-array.js';
import { SchemaError, ValidationError } from '../../src/errors.js';
import { readArrowBytes } from '../../src/io/read-arrow-bytes.js';
import { tableToIPC } from 'apache-arrow';

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('getColumn', () => {
  it('returns the named column and lists the available ones when it is missing', () => {
    const table = tableFromArrays({ a: Float64Array.of(1), b: Float64Array.of(2), c: Float64Array.of(3) });
    expect([...getColumn(table, 'b')]).toEqual([2]);
    const error = catchError(() => getColumn(table, 'x'));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).code).toBe('missing_column');
    expect(error.message).toBe('Column `x` not found; available columns: a, b, c.');
  });

  it('rejects something that is not an Arrow table', () => {
    expect((catchError(() => getColumn({} as never, 'x')) as ValidationError).code).toBe('invalid_argument');
  });
});

describe('toNumericArray', () => {
  it('returns a zero-copy view for a single-chunk Float64 column without nulls', () => {
    const vector = vectorFromArray([0.1, 0.2, 0.3], new Float64());
    const chunk = vector.data[0].values;
    const { values, nullCount } = toNumericArray(vector, 'score');
    expect(values).toBeInstanceOf(Float64Array);
    expect(values.buffer).toBe(chunk.buffer);
    expect(values.byteOffset).toBe(chunk.byteOffset);
    expect(values.length).toBe(3);
    expect(nullCount).toBe(0);
  });

  it('stays zero-copy for a column read from Arrow IPC bytes (a view into the file buffer)', () => {
    const bytes = tableToIPC(tableFromArrays({ p: Float64Array.of(0.5, 0.25, 0.125) }), 'file');
    const { values } = toNumericArray(getColumn(readArrowBytes(bytes), 'p'), 'p');
    expect(values.buffer).toBe(bytes.buffer);
    expect([...values]).toEqual([0.5, 0.25, 0.125]);
  });

  it('returns a zero-copy Float32 view trimmed to the column length (IPC pads Float32 buffers)', () => {
    const bytes = tableToIPC(tableFromArrays({ p: Float32Array.of(0.5, 0.25, 0.75) }), 'stream');
    const column = getColumn(readArrowBytes(bytes), 'p');
    const { values } = toNumericArray(column, 'p');
    expect(values).toBeInstanceOf(Float32Array);
    expect(values.buffer).toBe(bytes.buffer);
    expect([...values]).toEqual([0.5, 0.25, 0.75]);
  });

  it('copies a column with nulls into Float64 with NaN at the nulls, without touching the input', () => {
    const vector = vectorFromArray([0.5, null, 0.25, null], new Float64());
    const before = vector.data[0].values.slice();
    const { values, nullCount } = toNumericArray(vector, 'score');
    expect(values.buffer).not.toBe(vector.data[0].values.buffer);
    expect([...values]).toEqual([0.5, NaN, 0.25, NaN]);
    expect(nullCount).toBe(2);
    expect(vector.data[0].values).toEqual(before);
  });

  it('gives the same values for a multi-chunk column as for one chunk', () => {
    const a = tableFromArrays({ p: Float64Array.of(0.1, 0.2) });
    const b = tableFromArrays({ p: Float64Array.of(0.3, 0.4, 0.5) });
    const chunked = new Table([...a.batches, ...b.batches]);
    const column = getColumn(chunked, 'p');
    expect(column.data).toHaveLength(2);
    const { values } = toNumericArray(column, 'p');
    expect(values).toBeInstanceOf(Float64Array);
    expect([...values]).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(values).toEqual(toNumericArray(vectorFromArray([0.1, 0.2, 0.3, 0.4, 0.5], new Float64()), 'p').values);
  });

  it('converts integer, unsigned, Int64 and Uint64 columns exactly', () => {
    expect([...toNumericArray(vectorFromArray([1, -2, 127], new Int8()), 'y').values]).toEqual([1, -2, 127]);
    expect([...toNumericArray(vectorFromArray([1, -300], new Int16()), 'y').values]).toEqual([1, -300]);
    expect([...toNumericArray(vectorFromArray([255, 0], new Uint8()), 'y').values]).toEqual([255, 0]);
    const int64 = makeVector(BigInt64Array.of(0n, -1n, 9007199254740991n, -9007199254740993n, 2n ** 62n));
    expect([...toNumericArray(int64, 'y').values]).toEqual([0, -1, 9007199254740991, Number(-9007199254740993n), 2 ** 62]);
    const uint64 = makeVector(BigUint64Array.of(0n, 2n ** 64n - 1n, 2n ** 32n + 5n));
    expect(uint64.type).toBeInstanceOf(Uint64);
    expect([...toNumericArray(uint64, 'y').values]).toEqual([0, 2 ** 64, 2 ** 32 + 5]);
  });

  it('converts Bool, Float16, Decimal, Null and dictionaries of numbers', () => {
    expect([...toNumericArray(vectorFromArray([true, false, null], new Bool()), 'y').values]).toEqual([1, 0, NaN]);
    const half = makeVector(makeData({ type: new Float16(), length: 4, data: Uint16Array.of(0x3c00, 0xc000, 0x3555, 0x7c00) }));
    expect([...toNumericArray(half, 'p').values]).toEqual([1, -2, 0.333251953125, Infinity]);
    const decimal = makeVector(makeData({ type: new Decimal(2, 10, 128), length: 2, data: new Uint32Array([12345, 0, 0, 0, 0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff]) }));
    expect([...toNumericArray(decimal, 'p').values]).toEqual([123.45, -0.02]);
    const dictionary = vectorFromArray([0.5, 0.25, 0.5, null], new Dictionary(new Float64(), new Int32()));
    expect([...toNumericArray(dictionary, 'p').values]).toEqual([0.5, 0.25, 0.5, NaN]);
  });

  it('reads sliced columns from their offset (validity bits and values)', () => {
    const vector = vectorFromArray([1, 2, null, 4, 5, null, 7, 8, 9, 10], new Int32()).slice(2, 7);
    const { values, nullCount } = toNumericArray(vector, 'y');
    expect([...values]).toEqual([NaN, 4, 5, NaN, 7]);
    expect(nullCount).toBe(2);
    const bools = vectorFromArray([true, false, false, true, true, false, true], new Bool()).slice(3, 6);
    expect([...toNumericArray(bools, 'y').values]).toEqual([1, 1, 0]);
    const floats = vectorFromArray([1, 2, 3, 4, 5], new Float64()).slice(1, 4);
    expect([...toNumericArray(floats, 'p').values]).toEqual([2, 3, 4]);
  });

  it('names the column, its type and a first value when it is not numeric', () => {
    const error = catchError(() => toNumericArray(vectorFromArray(['high', 'low'], new Utf8()), 'score'));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).code).toBe('column_type');
    expect(error.message).toBe('Expected column `score` to be numeric, but it is utf8 (row 0: "high" is not a number).');
    const dictionary = vectorFromArray([null, 'b'], new Dictionary(new Utf8(), new Int32()));
    expect(catchError(() => toNumericArray(dictionary, 'p')).message).toBe(
      'Expected column `p` to be numeric, but it is dictionary<utf8> (row 1: "b" is not a number).',
    );
    // A text column that is mostly numbers points at the value that is not one.
    expect(catchError(() => toNumericArray(vectorFromArray(['0.1', '0.5', 'n/a'], new Utf8()), 'p')).message).toBe(
      'Expected column `p` to be numeric, but it is utf8 (row 2: "n/a" is not a number).',
    );
  });
});

describe('findFirstInvalid', () => {
  it('finds the first NaN or returns -1', () => {
    expect(findFirstInvalid(Float64Array.of(0.1, NaN, NaN))).toBe(1);
    expect(findFirstInvalid(Float32Array.of(0.1, 0.2))).toBe(-1);
    expect(findFirstInvalid(new Float64Array(0))).toBe(-1);
    expect(findFirstInvalid(Float64Array.of(Infinity, NaN))).toBe(1);
  });
});
