import {
  Bool, Dictionary, Float64, Int8, Int32, Table, Uint32, Utf8, makeVector, tableFromArrays, vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { packColumns, SharedBufferPool, unpackColumns } from '../../../src/evaluate/parallel/packed-columns.js';

/** The values of a table's columns as plain arrays (bigints as numbers). */
function valuesOf(table: Table, names: string[]): unknown[][] {
  return names.map((name) => Array.from(table.getChild(name)!.toArray() as ArrayLike<unknown>, (v) => typeof v === 'bigint' ? Number(v) : v));
}

describe('packColumns / unpackColumns', () => {
  const table = new Table({
    score: makeVector(Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i))),
    score32: makeVector(Float32Array.from({ length: 1000 }, (_, i) => i / 7)),
    label: makeVector(Int8Array.from({ length: 1000 }, (_, i) => i % 2)),
    weight: makeVector(Uint32Array.from({ length: 1000 }, (_, i) => i * 3)),
    big: makeVector(BigInt64Array.from({ length: 1000 }, (_, i) => BigInt(i - 500))),
    name: vectorFromArray(Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 'yes' : `no-${i}`)), new Utf8()),
  });
  const names = ['score', 'score32', 'label', 'weight', 'big', 'name'];

  it('round-trips null-free numeric and string columns through one transferable buffer, types kept', () => {
    const batch = table.batches[0];
    const packed = packColumns([batch], names)!;
    expect(packed.rows).toBe(1000);
    // A structured clone with the buffer transferred, as a worker receives it.
    const received = structuredClone(packed, { transfer: [packed.buffer as ArrayBuffer] });
    expect(packed.buffer.byteLength).toBe(0);
    const back = unpackColumns(received);
    expect(back.schema.fields.map((f) => f.name)).toEqual(names);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(['Float64', 'Float32', 'Int8', 'Uint32', 'Int64', 'Utf8']);
    expect(valuesOf(back, names)).toEqual(valuesOf(table, names));
    expect([back.getChild('score')!.type, back.getChild('label')!.type, back.getChild('weight')!.type])
      .toEqual([new Float64(), new Int8(), new Uint32()]);
  });

  it('copies only the rows of a sliced batch', () => {
    const slice = table.slice(123, 456);
    const packed = packColumns(slice.batches, names)!;
    expect(packed.rows).toBe(333);
    expect(valuesOf(unpackColumns(packed), names)).toEqual(valuesOf(slice, names));
  });

  it('joins the batches of a leaf into one column each, string offsets rebased', () => {
    // Three batches, the middle one a slice (its string offsets do not start at 0).
    const parts = [table.slice(0, 100), table.slice(250, 600), table.slice(900, 1000)];
    const batches = parts.flatMap((t) => t.batches);
    expect(batches.length).toBe(3);
    const packed = packColumns(batches, names)!;
    expect(packed.rows).toBe(550);
    const whole = new Table(batches);
    expect(valuesOf(unpackColumns(structuredClone(packed, { transfer: [packed.buffer as ArrayBuffer] })), names)).toEqual(valuesOf(whole, names));
    // One batch with nulls in a column declines the whole leaf.
    const nulls = new Table({ x: vectorFromArray([1, null], new Int32()) });
    const clean = new Table({ x: vectorFromArray([1, 2], new Int32()) });
    expect(packColumns([...clean.batches, ...nulls.batches], ['x'])).toBeUndefined();
  });

  it('packs into shared memory from a pool, which reuses a buffer once given back', () => {
    const pool = new SharedBufferPool(1);
    const first = packColumns(table.slice(0, 500).batches, names, (bytes) => pool.take(bytes))!;
    expect(first.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(first.buffer.byteLength % 2 ** 20).toBe(0); // whole MiB, so that similar leaves fit
    // A structured clone shares the memory (what a worker receives): the same rows, nothing transferred.
    const received = structuredClone(first);
    expect(valuesOf(unpackColumns(received), names)).toEqual(valuesOf(table.slice(0, 500), names));
    // While taken, the buffer is not handed out again; once given back, the next leaf reuses it.
    const other = pool.take(100);
    expect(other === first.buffer).toBe(false);
    pool.give(first.buffer as SharedArrayBuffer);
    pool.give(other); // over `keep`: dropped
    const second = packColumns(table.slice(500, 1000).batches, names, (bytes) => pool.take(bytes))!;
    expect(second.buffer === first.buffer).toBe(true);
    expect(valuesOf(unpackColumns(second), names)).toEqual(valuesOf(table.slice(500, 1000), names));
    expect(pool.take(100) === other).toBe(false);
    // A leaf bigger than every free buffer gets a new one.
    pool.give(second.buffer as SharedArrayBuffer);
    expect(pool.take(2 ** 21) === second.buffer).toBe(false);
  });

  it('declines columns it cannot copy as plain buffers (nulls, booleans, dictionaries, missing)', () => {
    const other = tableFromArrays({ x: Float64Array.of(1, 2, 3) });
    const withNull = new Table({ x: vectorFromArray([1, null, 3], new Int32()) });
    const bools = new Table({ x: vectorFromArray([true, false, true], new Bool()) });
    const dict = new Table({ x: vectorFromArray(['a', 'b', 'a'], new Dictionary(new Utf8(), new Int32())) });
    expect(packColumns(withNull.batches, ['x'])).toBeUndefined();
    expect(packColumns(bools.batches, ['x'])).toBeUndefined();
    expect(packColumns(dict.batches, ['x'])).toBeUndefined();
    expect(packColumns(other.batches, ['y'])).toBeUndefined();
    expect(packColumns(other.batches, ['x'])).toBeDefined();
  });
});
