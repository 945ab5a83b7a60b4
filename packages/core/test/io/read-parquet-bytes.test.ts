import { Bool, Float64, Int64, Table, tableFromArrays, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { InputOutputError, ValidationError } from '../../src/errors.js';
import { readParquetBytes } from '../../src/io/read-parquet-bytes.js';
import { writeParquetBytes } from '../../src/io/write-parquet-bytes.js';

function sampleTable(rows = 300): Table {
  const index = Array.from({ length: rows }, (_, i) => i);
  return new Table({
    label: vectorFromArray(index.map((i) => BigInt(i % 2)), new Int64()),
    score: vectorFromArray(index.map((i) => (i % 17 === 0 ? null : i / 301)), new Float64()),
    flag: vectorFromArray(index.map((i) => i % 3 === 0), new Bool()),
    region: vectorFromArray(index.map((i) => (i % 29 === 0 ? null : ['eu', 'us', 'ap', '東京'][i % 4])), new Utf8()),
  });
}

function rowsOf(table: Table): unknown[][] {
  return table.toArray().map((row) => Object.values(row.toJSON()));
}

async function catchError(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('readParquetBytes', () => {
  for (const compression of ['snappy', 'zstd', 'uncompressed'] as const) {
    it(`round-trips Int64, Float64 with nulls, Bool and Utf8 (${compression})`, async () => {
      const source = sampleTable();
      const table = await readParquetBytes(await writeParquetBytes(source, { compression }));
      expect(table.numRows).toBe(300);
      expect(table.batches).toHaveLength(1);
      expect(table.schema.fields.map((field) => `${field.name}:${String(field.type)}`)).toEqual([
        'label:Int64', 'score:Float64', 'flag:Bool', 'region:Utf8',
      ]);
      expect(rowsOf(table)).toEqual(rowsOf(source));
      expect(table.getChild('score')?.nullCount).toBe(18);
    });
  }

  it('reads a multi-batch table back as one chunk with the same values', async () => {
    const source = new Table([...sampleTable(100).batches, ...sampleTable(200).batches]);
    const table = await readParquetBytes(await writeParquetBytes(source));
    expect(table.batches).toHaveLength(1);
    expect(rowsOf(table)).toEqual(rowsOf(source));
  });

  it('reads a file with a schema and no rows as a table with zero rows', async () => {
    const table = await readParquetBytes(await writeParquetBytes(tableFromArrays({ y: Float64Array.of() })));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((field) => field.name)).toEqual(['y']);
  });

  it('rejects the file cut at any point with corrupt_file', async () => {
    const bytes = await writeParquetBytes(sampleTable());
    const cuts = new Set([1, 4, 11, 12, 100, bytes.length - 1, bytes.length - 4, bytes.length - 8]);
    for (let cut = 20; cut < bytes.length; cut += 97) cuts.add(cut);
    for (const cut of cuts) {
      const error = await catchError(() => readParquetBytes(bytes.slice(0, cut)));
      expect(error, `cut at ${cut}`).toBeInstanceOf(InputOutputError);
      expect((error as InputOutputError).code, `cut at ${cut}`).toBe('corrupt_file');
    }
  });

  it('rejects damaged pages with corrupt_file, and the reader still works afterwards', async () => {
    const bytes = await writeParquetBytes(sampleTable());
    const damaged = bytes.slice();
    for (let k = 0; k < 32; k++) damaged[40 + k] ^= 0xa5;
    const error = await catchError(() => readParquetBytes(damaged));
    expect((error as InputOutputError).code).toBe('corrupt_file');
    expect((await readParquetBytes(bytes)).numRows).toBe(300);
  });

  it('rejects empty input and non-Parquet bytes', async () => {
    const empty = await catchError(() => readParquetBytes(new Uint8Array(0)));
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).code).toBe('empty_input');
    const text = await catchError(() => readParquetBytes(new TextEncoder().encode('label,score\n1,0.5\n')));
    expect((text as InputOutputError).code).toBe('corrupt_file');
    expect(text.message).toContain('not a Parquet file');
  });
});
