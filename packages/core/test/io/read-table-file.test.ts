import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Bool, Dictionary, Float64, Int32, Int64, Table, tableFromArrays, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputOutputError, ValidationError } from '../../src/errors.js';
import type { InputFormat } from '../../src/io/input-format.js';
import { readTableFile } from '../../src/io/read-table-file.js';
import { writeFileAtomic } from '../../src/io/write-file-atomic.js';
import { writeTableFile } from '../../src/io/write-table-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelperf-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sampleTable(): Table {
  const rows = Array.from({ length: 40 }, (_, i) => i);
  return new Table({
    label: vectorFromArray(rows.map((i) => BigInt(i % 2)), new Int64()),
    score: vectorFromArray(rows.map((i) => (i === 7 ? null : (i * 37) % 100 / 100)), new Float64()),
    flag: vectorFromArray(rows.map((i) => i % 3 === 0), new Bool()),
    region: vectorFromArray(rows.map((i) => ['eu', 'us, east', 'ap'][i % 3]), new Dictionary(new Utf8(), new Int32())),
  });
}

/** Values by column, with numbers for Int64 so that CSV's Float64 compares equal. */
function valuesOf(table: Table): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const field of table.schema.fields) {
    out[field.name] = [...(table.getChild(field.name) ?? [])].map((v) => (typeof v === 'bigint' ? Number(v) : v));
  }
  return out;
}

async function catchError(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('readTableFile / writeTableFile', () => {
  const cases: Array<[string, InputFormat]> = [
    ['t.arrow', 'arrow'], ['t.feather', 'arrow'], ['t.arrows', 'arrows'], ['t.parquet', 'parquet'], ['t.csv', 'csv'],
  ];
  for (const [name, format] of cases) {
    it(`round-trips the same values through ${name}`, async () => {
      const path = join(dir, name);
      const source = sampleTable();
      await writeTableFile(path, source, format);
      const read = await readTableFile(path);
      expect(read.format).toBe(format);
      expect(read.bytes).toBe((await readFile(path)).length);
      expect(read.table.numRows).toBe(40);
      expect(valuesOf(read.table)).toEqual(valuesOf(source));
    });
  }

  it('reads gzipped CSV', async () => {
    const path = join(dir, 'g.csv.gz');
    await writeFile(path, gzipSync('label,score\n1,0.5\n0,0.25\n'));
    const { table, format } = await readTableFile(path);
    expect(format).toBe('csv');
    expect([...(table.getChild('score') ?? [])]).toEqual([0.5, 0.25]);
  });

  it('rejects a truncated gzip CSV with corrupt_file', async () => {
    const path = join(dir, 'cut.csv.gz');
    const gz = gzipSync('label,score\n' + '1,0.5\n'.repeat(1000));
    await writeFile(path, gz.subarray(0, gz.length - 10));
    const error = await catchError(() => readTableFile(path));
    expect((error as InputOutputError).code).toBe('corrupt_file');
  });

  it('uses the format override over the extension', async () => {
    const path = join(dir, 'preds.data');
    await writeFile(path, 'y\n1\n');
    const { table, format } = await readTableFile(path, { format: 'csv' });
    expect(format).toBe('csv');
    expect(table.numRows).toBe(1);
    const error = await catchError(() => readTableFile(path));
    expect((error as InputOutputError).code).toBe('unknown_format');
  });

  it('returns a file with a schema and zero rows as it is', async () => {
    const path = join(dir, 'empty.arrow');
    await writeTableFile(path, tableFromArrays({ y: Int8Array.of(), p: Float64Array.of() }), 'arrow');
    const { table } = await readTableFile(path);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((field) => field.name)).toEqual(['y', 'p']);
  });

  it('names a missing file, a directory, a zero-byte file and a truncated file', async () => {
    const missing = join(dir, 'nope.parquet');
    const notFound = await catchError(() => readTableFile(missing));
    expect(notFound).toBeInstanceOf(InputOutputError);
    expect((notFound as InputOutputError).code).toBe('file_not_found');
    expect(notFound.message).toBe(`File not found: ${missing}`);

    const folder = join(dir, 'folder.csv');
    await mkdir(folder);
    const isDir = await catchError(() => readTableFile(folder));
    expect((isDir as InputOutputError).code).toBe('io_error');
    expect(isDir.message).toContain('is a directory');

    const zero = join(dir, 'zero.arrow');
    await writeFile(zero, new Uint8Array(0));
    const empty = await catchError(() => readTableFile(zero));
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).code).toBe('empty_input');

    for (const [name, format] of [['cut.arrow', 'arrow'], ['cut.arrows', 'arrows'], ['cut.parquet', 'parquet']] as const) {
      const path = join(dir, name);
      await writeTableFile(path, sampleTable(), format);
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, bytes.length - 20));
      const error = await catchError(() => readTableFile(path));
      expect((error as InputOutputError).code, name).toBe('corrupt_file');
    }
  });
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file and leaves no temporary file behind', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'));
    const path = join(sub, 'report.json');
    await writeFileAtomic(path, '{"a":1}');
    await writeFileAtomic(path, Uint8Array.of(0x7b, 0x7d));
    expect(await readFile(path, 'utf8')).toBe('{}');
    expect(await readdir(sub)).toEqual(['report.json']);
  });

  it('fails with io_error, keeps the old file and cleans up when the target cannot be replaced', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'));
    const target = join(sub, 'target');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x');
    const error = await catchError(() => writeFileAtomic(target, 'data'));
    expect((error as InputOutputError).code).toBe('io_error');
    expect(error.message).toContain(target);
    expect((await readdir(sub)).sort()).toEqual(['target']);
    expect(await readdir(target)).toEqual(['keep']);
  });

  it('creates missing folders of the path', async () => {
    const path = join(dir, 'no-such-dir', 'deeper', 'x.json');
    await writeFileAtomic(path, 'x');
    expect(await readFile(path, 'utf8')).toBe('x');
  });

  it('fails with io_error when a folder of the path is a file', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'));
    await writeFile(join(sub, 'plain'), 'x');
    const error = await catchError(() => writeFileAtomic(join(sub, 'plain', 'x.json'), 'x'));
    expect((error as InputOutputError).code).toBe('io_error');
    expect(error.message).toContain(join(sub, 'plain', 'x.json'));
  });
});
