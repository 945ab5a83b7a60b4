import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import {
  Bool,
  Field,
  Float64,
  Int64,
  makeData,
  Message,
  MessageHeader,
  RecordBatch,
  RecordBatchFileReader,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputOutputError, ValidationError } from '../../../src/errors.js';
import { loadParquetWasm } from '../../../src/io/load-parquet-wasm.js';
import { readTableFile } from '../../../src/io/read-table-file.js';
import { checkSameSchema } from '../../../src/io/stream/check-same-schema.js';
import { type BatchReader, readBatches, type ReadBatchesOptions } from '../../../src/io/stream/read-batches.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelperf-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BATCHES = 5;
const BATCH_ROWS = 40;

/** Five record batches of 40 rows: Int64 label, Float64 score with a null, Bool flag, Utf8 region. */
function sampleTable(): Table {
  const batches = Array.from({ length: BATCHES }, (_, b) => {
    const rows = Array.from({ length: BATCH_ROWS }, (_, i) => b * BATCH_ROWS + i);
    return new Table({
      label: vectorFromArray(rows.map((i) => BigInt(i % 2)), new Int64()),
      score: vectorFromArray(rows.map((i) => (i === 7 ? null : ((i * 37) % 100) / 100)), new Float64()),
      flag: vectorFromArray(rows.map((i) => i % 3 === 0), new Bool()),
      region: vectorFromArray(rows.map((i) => ['eu', 'us, east', 'ap'][i % 3]), new Utf8()),
    }).batches[0];
  });
  return new Table(batches);
}

/** Values by column, with numbers for Int64 so that CSV's Float64 compares equal. */
function valuesOf(batches: readonly RecordBatch[] | Table): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const list = batches instanceof Table ? batches.batches : batches;
  for (const batch of list) {
    for (const field of batch.schema.fields) {
      const values = [...(batch.getChild(field.name) ?? [])].map((v) => (typeof v === 'bigint' ? Number(v) : v));
      (out[field.name] ??= []).push(...values);
    }
  }
  return out;
}

async function collect(reader: BatchReader): Promise<RecordBatch[]> {
  const batches: RecordBatch[] = [];
  for await (const batch of reader) batches.push(batch);
  return batches;
}

/** Reads every batch; returns the batches read before the error and the error. */
async function readUntilError(path: string, options?: ReadBatchesOptions): Promise<{ batches: number; error: Error }> {
  let batches = 0;
  try {
    for await (const _ of await readBatches(path, options)) batches++;
  } catch (error) {
    return { batches, error: error as Error };
  }
  throw new Error(`expected ${path} to fail, but it read ${batches} batches`);
}

async function write(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** Byte offsets of the messages of an Arrow IPC stream: [start, bodyStart, end) and header type. */
function streamMessages(bytes: Uint8Array): Array<{ at: number; bodyStart: number; end: number; type: MessageHeader }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [];
  let at = 0;
  for (;;) {
    const metaLength = view.getInt32(at + 4, true);
    if (metaLength === 0) return out;
    const message = Message.decode(bytes.subarray(at + 8, at + 8 + metaLength));
    const bodyStart = at + 8 + metaLength;
    const end = bodyStart + Number(message.bodyLength);
    out.push({ at, bodyStart, end, type: message.headerType });
    at = end;
  }
}

describe('readBatches: Arrow IPC stream', () => {
  it('reads each record batch in turn, equal to readTableFile, with byte progress', async () => {
    const path = await write('sample.arrows', tableToIPC(sampleTable(), 'stream'));
    const reader = await readBatches(path);
    expect(reader.format).toBe('arrows');
    expect(reader.schema.fields.map((f) => f.name)).toEqual(['label', 'score', 'flag', 'region']);
    expect(reader.bytesRead()).toBeLessThanOrEqual(reader.totalBytes as number);
    const batches = await collect(reader);
    expect(batches.map((b) => b.numRows)).toEqual(Array(BATCHES).fill(BATCH_ROWS));
    expect(valuesOf(batches)).toEqual(valuesOf((await readTableFile(path)).table));
    expect(reader.bytesRead()).toBe(reader.totalBytes);
    expect(reader.batchesRead()).toBe(BATCHES);
  });

  it('slices batches to batchRows', async () => {
    const path = await write('sliced.arrows', tableToIPC(sampleTable(), 'stream'));
    const batches = await collect(await readBatches(path, { batchRows: 15 }));
    expect(batches.map((b) => b.numRows).slice(0, 3)).toEqual([15, 15, 10]);
    expect(valuesOf(batches)).toEqual(valuesOf(sampleTable()));
  });

  it('fails with corrupt_file naming the record batch a cut falls in, after yielding (nearly) all batches before it', async () => {
    const bytes = tableToIPC(sampleTable(), 'stream');
    const messages = streamMessages(bytes).filter((m) => m.type === MessageHeader.RecordBatch);
    const third = messages[3];
    const cases: Array<[number, RegExp, number]> = [
      [third.bodyStart + 17, /ends inside record batch 3 .*truncated/, 3],
      [third.end - 1, /ends inside record batch 3 /, 3],
      [third.at + 12, /metadata of the message at byte \d+, after record batch 2/, 3],
      [third.at + 2, /inside the header of the message at byte \d+, after record batch 2/, 3],
      [third.at, /after record batch 2, without its end-of-stream marker/, 3],
      [bytes.length - 8, /after record batch 4, without its end-of-stream marker/, 5],
      [messages[0].bodyStart + 3, /ends inside record batch 0 /, 0],
    ];
    for (const [cut, pattern, before] of cases) {
      const path = await write(`cut-${cut}.arrows`, bytes.subarray(0, cut));
      const { batches, error } = await readUntilError(path);
      expect(error).toBeInstanceOf(InputOutputError);
      expect((error as InputOutputError).code).toBe('corrupt_file');
      expect(error.message).toMatch(pattern);
      // apache-arrow reads one message ahead, so the batch just before the cut may not be handed out.
      expect(batches).toBeGreaterThanOrEqual(Math.max(0, before - 1));
      expect(batches).toBeLessThanOrEqual(before);
    }
  });

  it('fails on open when the schema message itself is cut', async () => {
    const bytes = tableToIPC(sampleTable(), 'stream');
    const path = await write('cut-schema.arrows', bytes.subarray(0, 20));
    await expect(readBatches(path)).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/schema message/) });
  });

  it('accepts a stream without its end-of-stream marker when asked to', async () => {
    const bytes = tableToIPC(sampleTable(), 'stream');
    const path = await write('no-eos.arrows', bytes.subarray(0, bytes.length - 8));
    const batches = await collect(await readBatches(path, { arrow: { requireEndOfStream: false } }));
    expect(batches).toHaveLength(BATCHES);
  });

  it('rejects a schema change between batches (two streams concatenated), naming the batch', async () => {
    const first = tableToIPC(sampleTable(), 'stream');
    const other = tableToIPC(new Table({ x: vectorFromArray([1, 2, 3], new Float64()) }), 'stream');
    const joined = new Uint8Array(first.length - 8 + other.length);
    joined.set(first.subarray(0, first.length - 8));
    joined.set(other, first.length - 8);
    const { batches, error } = await readUntilError(await write('joined.arrows', joined));
    expect(batches).toBeGreaterThanOrEqual(BATCHES - 1);
    expect(error).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/changes its schema before record batch 5/) });
  });

  it('reads stdin (`-`) from an injected stream, in small chunks', async () => {
    const bytes = tableToIPC(sampleTable(), 'stream');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 100) }, (_, k) => bytes.slice(k * 100, k * 100 + 100));
    const reader = await readBatches('-', { stdin: Readable.from(chunks) });
    expect(reader.format).toBe('arrows');
    expect(reader.totalBytes).toBeUndefined();
    expect(valuesOf(await collect(reader))).toEqual(valuesOf(sampleTable()));
    expect(reader.bytesRead()).toBe(bytes.length);
  });

  it('fails on a truncated stdin stream naming the batch', async () => {
    const bytes = tableToIPC(sampleTable(), 'stream');
    const third = streamMessages(bytes).filter((m) => m.type === MessageHeader.RecordBatch)[3];
    const reader = await readBatches('-', { stdin: Readable.from([bytes.slice(0, third.bodyStart + 5)]) });
    await expect(collect(reader)).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/record batch 3/) });
  });

  it('refuses formats stdin cannot carry and an empty stdin', async () => {
    await expect(readBatches('-', { format: 'parquet', stdin: Readable.from([]) })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(readBatches('-', { stdin: Readable.from([]) })).rejects.toBeInstanceOf(ValidationError);
  });

  it('stops and closes the input when the iteration ends early', async () => {
    const path = await write('early.arrows', tableToIPC(sampleTable(), 'stream'));
    const reader = await readBatches(path);
    for await (const _ of reader) break;
    expect(reader.batchesRead()).toBe(1);
    await reader.close();
  });
});

describe('readBatches: Arrow IPC file', () => {
  it('reads batch by batch through the footer, equal to readTableFile', async () => {
    const bytes = tableToIPC(sampleTable(), 'file');
    for (const name of ['sample.arrow', 'sample.feather']) {
      const path = await write(name, bytes);
      const reader = await readBatches(path);
      expect(reader.format).toBe('arrow');
      const batches = await collect(reader);
      expect(batches).toHaveLength(BATCHES);
      expect(valuesOf(batches)).toEqual(valuesOf((await readTableFile(path)).table));
      expect(reader.bytesRead()).toBeLessThanOrEqual(bytes.length);
      expect(reader.bytesRead()).toBeGreaterThan(bytes.length * 0.8);
    }
  });

  it('tells a file from a stream by its magic, whatever the extension', async () => {
    const path = await write('really-a-file.arrows', tableToIPC(sampleTable(), 'file'));
    expect(await collect(await readBatches(path))).toHaveLength(BATCHES);
  });

  it('fails with corrupt_file when the file is cut anywhere', async () => {
    const bytes = tableToIPC(sampleTable(), 'file');
    for (const cut of [7, 12, 300, Math.floor(bytes.length / 2), bytes.length - 11, bytes.length - 1]) {
      const path = await write(`cut-${cut}.arrow`, bytes.subarray(0, cut));
      await expect(readBatches(path)).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/truncated|not an Arrow IPC file/) });
    }
  });

  it('names the record batch whose block or metadata is damaged', async () => {
    const bytes = tableToIPC(sampleTable(), 'file');
    const block = RecordBatchFileReader.from(bytes).open().footer?.getRecordBatch(2);
    if (block == null) throw new Error('no block');
    const damaged = bytes.slice();
    new DataView(damaged.buffer).setInt32(Number(block.offset) + 4, 0x7fff_fff0, true);
    const { batches, error } = await readUntilError(await write('damaged.arrow', damaged));
    expect(batches).toBe(2);
    expect(error).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/record batch 2/) });
  });
});

/** Writes `table` as Parquet with row groups of at most `rowGroupRows` rows. */
async function parquetBytes(table: Table, rowGroupRows: number): Promise<Uint8Array> {
  const pw = (await loadParquetWasm()) as unknown as {
    WriterPropertiesBuilder: new () => { setMaxRowGroupSize(n: number): { build(): unknown } };
    Table: { fromIPCStream(bytes: Uint8Array): unknown };
    writeParquet(table: unknown, properties: unknown): Uint8Array;
  };
  const properties = new pw.WriterPropertiesBuilder().setMaxRowGroupSize(rowGroupRows).build();
  return pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), properties);
}

describe('readBatches: Parquet', () => {
  it('reads one row group per batch, equal to readTableFile', async () => {
    const path = await write('sample.parquet', await parquetBytes(sampleTable(), 60));
    const reader = await readBatches(path);
    expect(reader.format).toBe('parquet');
    const batches = await collect(reader);
    expect(batches.map((b) => b.numRows)).toEqual([60, 60, 60, 20]);
    expect(valuesOf(batches)).toEqual(valuesOf((await readTableFile(path)).table));
    expect(reader.bytesRead()).toBeGreaterThan(0);
    expect(reader.bytesRead()).toBeLessThanOrEqual(reader.totalBytes as number);
  });

  it('decodes at batchRows inside a row group', async () => {
    const path = await write('small-batches.parquet', await parquetBytes(sampleTable(), 60));
    const batches = await collect(await readBatches(path, { batchRows: 25 }));
    expect(batches.map((b) => b.numRows)).toEqual([25, 25, 10, 25, 25, 10, 25, 25, 10, 20]);
    expect(valuesOf(batches)).toEqual(valuesOf(sampleTable()));
  });

  it('fails with corrupt_file when the file is cut anywhere', async () => {
    const bytes = await parquetBytes(sampleTable(), 60);
    for (const cut of [3, 100, Math.floor(bytes.length / 2), bytes.length - 5, bytes.length - 1]) {
      const path = await write(`cut-${cut}.parquet`, bytes.subarray(0, cut));
      await expect(readBatches(path)).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/truncated|not a Parquet file/) });
    }
  });

  it('refuses Parquet from stdin', async () => {
    await expect(readBatches('-', { format: 'parquet', stdin: Readable.from([new Uint8Array(4)]) })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});

function sampleCsv(rows: number): string {
  const lines = ['id,score,flag,note'];
  for (let i = 0; i < rows; i++) {
    const note = i % 7 === 0 ? '"two\nlines, ""quoted"""' : i % 5 === 0 ? '' : `n${i % 4}`;
    lines.push(`${i},${i === 3 ? 'NA' : (i * 0.37).toFixed(3)},${i % 2 === 0 ? 'true' : 'FALSE'},${note}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('readBatches: CSV', () => {
  it('reads pieces as batches, equal to readTableFile, across piece sizes', async () => {
    const text = sampleCsv(200);
    const path = await write('sample.csv', text);
    const whole = valuesOf((await readTableFile(path)).table);
    for (const pieceBytes of [1, 7, 64, 500, 1 << 20]) {
      const reader = await readBatches(path, { csv: { pieceBytes } });
      const batches = await collect(reader);
      if (pieceBytes <= 500) expect(batches.length).toBeGreaterThan(3);
      expect(valuesOf(batches)).toEqual(whole);
      expect(reader.bytesRead()).toBe(text.length);
    }
  });

  it('keeps the first piece types: all batches share the schema', async () => {
    const path = await write('types.csv', sampleCsv(200));
    const reader = await readBatches(path, { csv: { pieceBytes: 256 } });
    expect(reader.schema.fields.map((f) => String(f.type))).toEqual(['Float64', 'Float64', 'Bool', 'Dictionary<Int32, Utf8>']);
    for await (const batch of reader) expect(batch.schema.fields.map((f) => String(f.type))).toEqual(reader.schema.fields.map((f) => String(f.type)));
  });

  it('names the line where a later piece would change a column type', async () => {
    const lines = ['y,p'];
    for (let i = 0; i < 100; i++) lines.push(`${i % 2},${i / 100}`);
    lines.push('oops,0.5', '1,0.25');
    const path = await write('type-change.csv', `${lines.join('\n')}\n`);
    const { batches, error } = await readUntilError(path, { csv: { pieceBytes: 200 } });
    expect(batches).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/^\/.*type-change\.csv: CSV line 102: column `y` holds "oops", but it held only numbers/) });
    // Read whole, the same file is fine: y becomes a text column.
    expect((await readTableFile(path)).table.numRows).toBe(102);
  });

  it('names the line where a column of only nulls so far gets text', async () => {
    const lines = ['y,p'];
    for (let i = 0; i < 50; i++) lines.push(`${i % 2},`);
    lines.push('1,high');
    const path = await write('null-then-text.csv', `${lines.join('\n')}\n`);
    const { error } = await readUntilError(path, { csv: { pieceBytes: 64 } });
    expect(error.message).toMatch(/^\/.*null-then-text\.csv: CSV line 52: column `p` holds "high", but it held only empty/);
  });

  it('reports a ragged row with its line, across pieces', async () => {
    const path = await write('ragged.csv', 'a,b\n1,2\n3,4\n5\n');
    const { error } = await readUntilError(path, { csv: { pieceBytes: 4 } });
    expect(error).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/^\/.*ragged\.csv: CSV line 4 has 1 field/) });
  });

  it('reads gzipped CSV as it decompresses, counting compressed bytes', async () => {
    const text = sampleCsv(300);
    const gz = gzipSync(text);
    const path = await write('sample.csv.gz', gz);
    const reader = await readBatches(path, { csv: { pieceBytes: 300 } });
    const batches = await collect(reader);
    expect(batches.length).toBeGreaterThan(3);
    expect(valuesOf(batches)).toEqual(valuesOf((await readTableFile(path)).table));
    expect(reader.bytesRead()).toBe(gz.length);
  });

  it('reads CSV from stdin, and a header-only input as a schema without batches', async () => {
    const text = sampleCsv(50);
    const reader = await readBatches('-', { format: 'csv', stdin: Readable.from([Buffer.from(text)]), csv: { pieceBytes: 100 } });
    expect(valuesOf(await collect(reader))).toEqual(valuesOf((await readTableFile(await write('stdin.csv', text))).table));
    const empty = await readBatches('-', { format: 'csv', stdin: Readable.from([Buffer.from('a,b\n')]) });
    expect(empty.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(await collect(empty)).toHaveLength(0);
  });
});

describe('readBatches: files and schema checks', () => {
  it('maps missing, empty and unknown files to modelperf errors', async () => {
    await expect(readBatches(join(dir, 'missing.arrows'))).rejects.toMatchObject({ code: 'file_not_found' });
    await expect(readBatches(await write('empty.csv', ''))).rejects.toMatchObject({ code: 'empty_input' });
    await expect(readBatches(await write('x.data', 'a'))).rejects.toMatchObject({ code: 'unknown_format' });
    await expect(readBatches(dir, { format: 'csv' })).rejects.toMatchObject({ code: 'io_error' });
    await expect(readBatches(join(dir, 'x.csv'), { batchRows: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('checkSameSchema names a batch whose columns differ', () => {
    const schema = new Schema([new Field('y', new Float64())]);
    const other = new Field('y', new Utf8());
    const batch = new RecordBatch(
      new Schema([other]),
      makeData({ type: new Struct([other]), length: 0, nullCount: 0, children: [makeData({ type: new Utf8(), length: 0 })] }),
    );
    expect(() => checkSameSchema(schema, batch, 4)).toThrow(/^Batch 4 has the schema \(y: Utf8\), but the input's schema is \(y: Float64\)/);
  });
});

describe.skipIf(process.platform !== 'linux')('closing a reader that was never iterated', () => {
  /** Open file descriptors of this process that point at `path`. */
  async function openDescriptors(path: string): Promise<number> {
    const { readdir, readlink } = await import('node:fs/promises');
    let count = 0;
    for (const fd of await readdir('/proc/self/fd')) {
      const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
      if (target === path) count++;
    }
    return count;
  }

  it.each(['arrow', 'arrows', 'csv'] as const)('releases the %s file at once', async (format) => {
    const table = sampleTable();
    const bytes = format === 'arrow' ? tableToIPC(table, 'file') : format === 'arrows' ? tableToIPC(table, 'stream') : 'label,score\n0,0.5\n1,0.25\n';
    const path = await write(`never-read.${format}`, bytes);
    const reader = await readBatches(path);
    // Files read at known offsets hold their descriptor from the start (a CSV stream opens it lazily).
    if (format !== 'csv') expect(await openDescriptors(path)).toBe(1);
    await reader.close();
    // A stream's fd closes on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openDescriptors(path)).toBe(0);
    await expect(collect(reader)).rejects.toThrow(/was closed; call readBatches again/);
    await reader.close(); // closing twice is harmless
  });
});

describe('errors name the file they come from', () => {
  it('puts the path in front of a decoding error, whole-file or streamed, once', async () => {
    const path = await write('not-arrow.arrows', 'a,b\n1,2\n');
    await expect(readBatches(path)).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `)) });
    await expect(readTableFile(path)).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/not-arrow\.arrows: The input is not an Arrow IPC/) });
    const missing = join(dir, 'missing.arrow');
    await expect(readBatches(missing)).rejects.toThrow(`File not found: ${missing}`); // already named: not repeated
  });
});
