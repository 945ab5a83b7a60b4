import {
  Bool,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  Int8,
  type Table,
  Table as ArrowTable,
  tableFromArrays,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { InputOutputError, ValidationError } from '../../src/errors.js';
import { checkArrowIpc } from '../../src/io/check-arrow-ipc.js';
import { readArrowBytes } from '../../src/io/read-arrow-bytes.js';

/** One dictionary type (and so one dictionary id) shared by both batches of {@link twoBatchTable}. */
const REGION_TYPE = new Dictionary(new Utf8(), new Int32());

/** A table with every column type the readers must keep: ints, Int64, floats, bools, strings, dictionaries, nulls. */
function sampleTable(offset = 0, rows = 50): Table {
  const index = Array.from({ length: rows }, (_, i) => i + offset);
  return new ArrowTable({
    label8: vectorFromArray(index.map((i) => i % 3), new Int8()),
    label64: vectorFromArray(index.map((i) => BigInt(i % 2) * 9007199254740993n), new Int64()),
    score: vectorFromArray(index.map((i) => (i % 11 === 0 ? null : i / 7)), new Float64()),
    score32: vectorFromArray(index.map((i) => i / 8), new Float32()),
    flag: vectorFromArray(index.map((i) => (i % 5 === 0 ? null : i % 2 === 0)), new Bool()),
    name: vectorFromArray(index.map((i) => (i % 13 === 0 ? null : `n${i % 4}-é`)), new Utf8()),
    region: vectorFromArray(index.map((i) => ['eu', 'us', 'ap'][i % 3]), REGION_TYPE),
  });
}

/** A table of two record batches (slices of one table, so that they share their dictionary). */
function twoBatchTable(): Table {
  const whole = sampleTable(0, 100);
  return new ArrowTable([...whole.slice(0, 40).batches, ...whole.slice(40).batches]);
}

function rowsOf(table: Table): unknown[][] {
  return table.toArray().map((row) => Object.values(row.toJSON()));
}

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('readArrowBytes', () => {
  for (const layout of ['file', 'stream'] as const) {
    it(`round-trips every column type through the IPC ${layout} format`, () => {
      const source = twoBatchTable();
      const table = readArrowBytes(tableToIPC(source, layout));
      expect(table.numRows).toBe(100);
      expect(table.batches).toHaveLength(2);
      expect(table.schema.fields.map((field) => String(field.type))).toEqual(source.schema.fields.map((field) => String(field.type)));
      expect(rowsOf(table)).toEqual(rowsOf(source));
      expect(table.getChild('label64')?.get(1)).toBe(9007199254740993n);
      expect(table.getChild('score')?.nullCount).toBe(source.getChild('score')?.nullCount);
    });

    it(`rejects the IPC ${layout} format cut at any point, including inside the last batch`, () => {
      const bytes = tableToIPC(twoBatchTable(), layout);
      const cuts = new Set<number>([1, 4, 8, 12, 100, bytes.length - 1, bytes.length - 4, bytes.length - 8, bytes.length - 9]);
      for (let cut = 16; cut < bytes.length; cut += 61) cuts.add(cut);
      for (const cut of cuts) {
        const error = catchError(() => readArrowBytes(bytes.subarray(0, cut)));
        expect(error, `cut at ${cut} of ${bytes.length}`).toBeInstanceOf(InputOutputError);
        expect((error as InputOutputError).code, `cut at ${cut}`).toBe('corrupt_file');
      }
    });
  }

  it('rejects a stream cut exactly between two record batches (where apache-arrow alone returns fewer rows)', () => {
    const bytes = tableToIPC(twoBatchTable(), 'stream');
    const { end } = checkArrowIpc(bytes);
    expect(end).toBe(bytes.length);
    // Find the message boundary after the first record batch by walking the framing.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const boundaries: number[] = [];
    for (let at = 0; at < bytes.length - 8; ) {
      const metaLength = view.getInt32(at + 4, true);
      if (metaLength === 0) break;
      const bodyLength = Number(readBodyLength(bytes.subarray(at + 8, at + 8 + metaLength)));
      at += 8 + metaLength + bodyLength;
      boundaries.push(at);
    }
    const betweenBatches = boundaries[boundaries.length - 2];
    expect(betweenBatches).toBeLessThan(bytes.length - 8);
    const error = catchError(() => readArrowBytes(bytes.subarray(0, betweenBatches)));
    expect((error as InputOutputError).code).toBe('corrupt_file');
    expect(error.message).toContain('without its end-of-stream marker');
    // Opting out of the marker accepts the shorter stream, as other readers do.
    const shorter = readArrowBytes(bytes.subarray(0, betweenBatches), { requireEndOfStream: false });
    expect(shorter.numRows).toBe(40);
  });

  it('rejects a batch whose buffers point outside its body', () => {
    const bytes = tableToIPC(tableFromArrays({ x: Float64Array.of(1, 2, 3) }), 'stream').slice();
    const view = new DataView(bytes.buffer);
    const schemaEnd = 8 + view.getInt32(4, true) + 0;
    // The record batch's body length is in its metadata; shrink it so that the buffers no longer fit.
    const batchMeta = bytes.subarray(schemaEnd + 8, schemaEnd + 8 + view.getInt32(schemaEnd + 4, true));
    expect(readBodyLength(batchMeta)).toBe(24n);
    new DataView(batchMeta.buffer, batchMeta.byteOffset).setBigInt64(bodyLengthAt(batchMeta), 8n, true);
    const error = catchError(() => readArrowBytes(bytes));
    expect((error as InputOutputError).code).toBe('corrupt_file');
  });

  it('reads a schema-only stream as a table with zero rows', () => {
    const empty = tableFromArrays({ y: Int8Array.of(), p: Float64Array.of() });
    const table = readArrowBytes(tableToIPC(empty, 'stream'));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((field) => field.name)).toEqual(['y', 'p']);
  });

  it('rejects empty input, non-Arrow bytes and Feather v1 with their own codes', () => {
    const empty = catchError(() => readArrowBytes(new Uint8Array(0)));
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).code).toBe('empty_input');
    const text = catchError(() => readArrowBytes(new TextEncoder().encode('label,score\n1,0.5\n')));
    expect((text as InputOutputError).code).toBe('corrupt_file');
    const feather1 = catchError(() => readArrowBytes(new TextEncoder().encode('FEA1xxxxxxxxxxxxFEA1')));
    expect((feather1 as InputOutputError).code).toBe('unknown_format');
  });
});

/** Where `bodyLength` (field 3) of a flatbuffer Message table lies, or -1 when absent (0). */
function bodyLengthAt(meta: Uint8Array): number {
  const view = new DataView(meta.buffer, meta.byteOffset, meta.byteLength);
  const table = view.getUint32(0, true);
  const vtable = table - view.getInt32(table, true);
  const vtableSize = view.getUint16(vtable, true);
  const fieldOffset = vtableSize > 10 ? view.getUint16(vtable + 10, true) : 0;
  return fieldOffset === 0 ? -1 : table + fieldOffset;
}

function readBodyLength(meta: Uint8Array): bigint {
  const at = bodyLengthAt(meta);
  return at < 0 ? 0n : new DataView(meta.buffer, meta.byteOffset, meta.byteLength).getBigInt64(at, true);
}
