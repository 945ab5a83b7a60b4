import { createReadStream } from 'node:fs';
import { nameReadError } from '../name-read-error.js';
import { type FileHandle, open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { RecordBatch, Schema } from 'apache-arrow';
import { InputOutputError, ValidationError } from '../../errors.js';
import type { CheckArrowIpcOptions } from '../check-arrow-ipc.js';
import { detectInputFormat, type InputFormat } from '../input-format.js';
import type { CsvReadOptions } from '../read-csv-bytes.js';
import { ByteSource, FileByteSource, type ByteReader } from './byte-source.js';
import { checkSameSchema } from './check-same-schema.js';
import { readArrowFileBatches } from './read-arrow-file-batches.js';
import { type OpenedBatches, readArrowStreamBatches } from './read-arrow-stream-batches.js';
import { readCsvBatches } from './read-csv-batches.js';
import { readParquetBatches } from './read-parquet-batches.js';

/** Options for {@link readBatches}. */
export interface ReadBatchesOptions {
  /** An `--input-format` value; by default the format comes from the extension (`arrows` for stdin, `-`). */
  readonly format?: string;
  /** The most rows in one batch: larger batches are sliced (zero-copy); Parquet decodes at this size. */
  readonly batchRows?: number;
  /** CSV options; `pieceBytes` (default 32 MiB) is the bytes read per batch. */
  readonly csv?: CsvReadOptions;
  /** Arrow IPC stream options (`requireEndOfStream`, default true). */
  readonly arrow?: CheckArrowIpcOptions;
  /** What `-` reads (default `process.stdin`); tests pass a `Readable` or any async iterable of bytes. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /**
   * An Arrow IPC stream read from a file reads its next record batch while the current one is used (default true):
   * faster when each batch takes work, at the cost of one batch more in memory. False for a consumer that keeps every
   * row anyway, for which memory is the limit.
   */
  readonly readAhead?: boolean;
}

/** A table being read batch by batch: see {@link readBatches}. */
export interface BatchReader extends AsyncIterable<RecordBatch> {
  readonly format: InputFormat;
  /** The schema every batch has, known once the reader is open. */
  readonly schema: Schema;
  /** The input's size in bytes, when known (a file; not stdin). */
  readonly totalBytes: number | undefined;
  /** Input bytes consumed so far (compressed bytes for `.csv.gz`), for progress against {@link totalBytes}. */
  bytesRead(): number;
  /** Record batches handed out so far. */
  batchesRead(): number;
  /** Stops reading and releases the file; needed only when the batches are not iterated to the end. */
  close(): Promise<void>;
  /**
   * Optional: the caller is done with `batch` — it will not read it, nor any view of its columns, again — so its bytes
   * may receive a later batch. Arrow IPC streams then read into released bodies instead of fresh memory; other
   * formats decode into fresh arrays anyway and ignore it. Never releasing is always safe.
   * @param batch - a batch this reader handed out
   */
  release(batch: RecordBatch): void;
}

/** Bytes per read from a file or stdin stream. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Opens a table file, or stdin (`-`), for reading one record batch at a time, so that the file is never held in
 * memory whole. Node only.
 *
 * @remarks
 * Per format: an Arrow IPC stream is read message by message (one batch per message, as written); an Arrow IPC
 * file (Feather v2) reads its footer, then each batch by its offset; Parquet reads one row group per step (one
 * batch per row group, or `batchRows`); CSV reads pieces of `csv.pieceBytes` (one batch each), keeping the column
 * types of the first piece; gzipped CSV is decompressed as it is read. The layout of an Arrow path is told by its
 * `ARROW1` magic, as {@link readArrowBytes} does. Stdin carries an Arrow stream (default) or CSV; Arrow files and
 * Parquet need random access. Every batch is checked to have the first batch's schema.
 *
 * A truncated or damaged input fails with `corrupt_file` naming the batch (or row group, or CSV line) where it
 * breaks, while iterating: the batches before the break have already been handed out, so a consumer must treat
 * the error as failing the whole read. Iterate once; ending early (`break`) closes the file.
 *
 * @param path - a file path, or `-` for stdin
 * @param options - format override, batch size, CSV/Arrow options, injected stdin
 * @returns the open reader: format, schema, sizes, and the batches as an async iterable
 * @throws InputOutputError `file_not_found`, `io_error`, `unknown_format`, `corrupt_file` (on open or while
 * iterating); ValidationError `empty_input` for a zero-byte input, `invalid_argument` for a format stdin cannot carry
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createState, toTable } from '@modelperf/core';
 * import { readBatches, writeTableFile } from '@modelperf/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'modelperf-')), 'preds.arrows');
 * await writeTableFile(path, toTable({ y: [3, -0.5, 2, 7], p: [2.5, 0, 2, 8] }), 'arrows');
 * const state = createState({ task: 'regression', label: 'y', pred: 'p' });
 * for await (const batch of await readBatches(path)) state.update(batch); // bounded memory, batch by batch
 * console.log(state.compute().metrics.mae); // 0.5
 * ```
 * @see pyarrow.ipc.open_stream / pyarrow.parquet.ParquetFile.iter_batches / pyarrow.csv.open_csv
 */
export async function readBatches(path: string, options: ReadBatchesOptions = {}): Promise<BatchReader> {
  try {
    return await openBatches(path, options);
  } catch (error) {
    throw nameReadError(error, path);
  }
}

async function openBatches(path: string, options: ReadBatchesOptions): Promise<BatchReader> {
  const batchRows = options.batchRows;
  if (batchRows !== undefined && !(Number.isInteger(batchRows) && batchRows > 0)) {
    throw new ValidationError('invalid_argument', `batchRows must be a positive integer, not ${batchRows}.`);
  }
  const stdin = path === '-';
  const format = stdin && options.format === undefined ? 'arrows' : detectInputFormat(path, options.format);
  const counter = { bytesRead: 0 };
  let opened: OpenedBatches;
  let totalBytes: number | undefined;
  if (stdin) {
    if (format !== 'arrows' && format !== 'csv') {
      throw new ValidationError(
        'invalid_argument',
        `Standard input can carry an Arrow IPC stream or CSV, not ${format === 'arrow' ? 'an Arrow IPC file' : 'Parquet'} ` +
          '(it needs random access); pass a file path instead.',
      );
    }
    opened = await openSequential(options.stdin ?? process.stdin, format, options, counter, 'Standard input');
  } else {
    const { handle, size } = await openFile(path);
    totalBytes = size;
    const head = new Uint8Array(6);
    await handle.read(head, 0, 6, 0).catch((error: unknown) => {
      void handle.close();
      throw fileError(error, path);
    });
    const isArrowFile = String.fromCharCode(...head) === 'ARROW1';
    if ((format === 'arrow' || format === 'arrows') && isArrowFile) {
      opened = await readArrowFileBatches(handle, size, counter);
    } else if (format === 'arrows' || format === 'arrow') {
      if (head[0] === 0x1f && head[1] === 0x8b) {
        await handle.close();
        throw new InputOutputError('corrupt_file', `The ${format} input is gzip-compressed; only CSV may be gzipped. Decompress it first.`);
      }
      const file = new FileByteSource(handle, size, 0, counter);
      opened = await readArrowStreamBatches(options.readAhead === false ? withoutReadAhead(file) : file, options.arrow?.requireEndOfStream ?? true);
    } else if (format === 'parquet') {
      opened = await readParquetBatches(path, handle, size, batchRows, counter);
    } else {
      await handle.close();
      const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
      opened = await openSequential(stream, format, options, counter, path);
    }
  }
  return new OpenBatchReader(format, opened, totalBytes, counter, batchRows, path);
}

/** Opens an Arrow stream or CSV read front to back; counts the raw bytes consumed. */
async function openSequential(
  chunks: AsyncIterable<Uint8Array | string>,
  format: 'arrows' | 'csv',
  options: ReadBatchesOptions,
  counter: { bytesRead: number },
  name: string,
): Promise<OpenedBatches> {
  const raw = new ByteSource(chunks);
  const first = await raw.read(2).catch((error: unknown) => {
    throw fileError(error, name);
  });
  if (first.length === 0) throw new ValidationError('empty_input', `${name} is empty (0 bytes).`);
  const gzip = first.length === 2 && first[0] === 0x1f && first[1] === 0x8b;
  if (gzip && format !== 'csv') {
    await raw.close();
    throw new InputOutputError('corrupt_file', `The ${format} input is gzip-compressed; only CSV may be gzipped. Decompress it first.`);
  }
  const counted = countedChunks(first, raw, counter);
  const source = new ByteSource(gzip ? gunzip(counted) : counted);
  return format === 'csv' ? readCsvBatches(source, options.csv) : readArrowStreamBatches(source, options.arrow?.requireEndOfStream ?? true);
}

/** The chunks of `raw` after `first`, counting every raw byte into `counter` as it is consumed. */
async function* countedChunks(first: Uint8Array, raw: ByteSource, counter: { bytesRead: number }): AsyncGenerator<Uint8Array> {
  try {
    counter.bytesRead = first.length;
    yield first;
    for (let chunk = await raw.readAvailable(READ_CHUNK_BYTES); chunk !== undefined; chunk = await raw.readAvailable(READ_CHUNK_BYTES)) {
      counter.bytesRead += chunk.length;
      yield chunk;
    }
  } finally {
    await raw.close();
  }
}

async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = createGunzip();
  const feed = (async () => {
    try {
      for await (const chunk of chunks) if (!inflate.write(chunk)) await new Promise((resolve) => inflate.once('drain', resolve));
      inflate.end();
    } catch (error) {
      inflate.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of inflate) yield chunk as Uint8Array;
  } catch (error) {
    throw new InputOutputError('corrupt_file', `The gzip-compressed CSV input cannot be decompressed: ${(error as Error).message}`, { cause: error });
  } finally {
    inflate.destroy();
    await feed;
  }
}

async function openFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputOutputError('io_error', `${path} is a directory; pass the path of a table file.`);
    if (info.size === 0) throw new ValidationError('empty_input', `File is empty (0 bytes): ${path}`);
    return { handle, size: info.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw fileError(error, path);
  }
}

class OpenBatchReader implements BatchReader {
  private count = 0;
  private used = false;
  private released = false;

  constructor(
    readonly format: InputFormat,
    private readonly opened: OpenedBatches,
    readonly totalBytes: number | undefined,
    private readonly counter: { bytesRead: number },
    private readonly batchRows: number | undefined,
    private readonly path: string,
  ) {}

  get schema(): Schema {
    return this.opened.schema;
  }

  bytesRead(): number {
    return this.counter.bytesRead;
  }

  batchesRead(): number {
    return this.count;
  }

  release(batch: RecordBatch): void {
    this.opened.recycler?.release(batch);
  }

  async close(): Promise<void> {
    if (this.used) {
      // Suspended or finished iteration: the generator's own `finally` releases the input.
      await this.opened.batches.return();
    } else if (!this.released) {
      this.used = true;
      this.released = true;
      await this.opened.batches.return();
      await this.opened.release();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordBatch, void, undefined> {
    if (this.used) throw new ValidationError('invalid_argument', this.released ? 'This BatchReader was closed; call readBatches again.' : 'A BatchReader can be iterated only once; call readBatches again.');
    this.used = true;
    let index = 0;
    try {
      for await (const batch of this.readBatches()) {
        checkSameSchema(this.opened.schema, batch, index);
        index++;
        const limit = this.batchRows ?? batch.numRows;
        for (let start = 0; start < batch.numRows; start += limit) {
          this.count++;
          const handed = limit >= batch.numRows ? batch : batch.slice(start, Math.min(batch.numRows, start + limit));
          this.opened.recycler?.handOut(batch, handed);
          yield handed;
        }
      }
    } finally {
      await this.opened.batches.return();
    }
  }

  /** The opened batches, with the path in front of a decoding error (a truncated batch of which file?). */
  private async *readBatches(): AsyncGenerator<RecordBatch, void, undefined> {
    try {
      yield* this.opened.batches;
    } catch (error) {
      throw nameReadError(error, this.path);
    }
  }
}

/** Maps a Node file-system error to a modelperf error that names the path. */
function fileError(error: unknown, path: string): Error {
  if (error instanceof InputOutputError || error instanceof ValidationError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return new InputOutputError('file_not_found', `File not found: ${path}`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new InputOutputError('io_error', `Permission denied reading ${path}.`, { cause: error });
  if (code === 'EISDIR') return new InputOutputError('io_error', `${path} is a directory; pass the path of a table file.`, { cause: error });
  const text = error instanceof Error ? error.message : String(error);
  return new InputOutputError('io_error', `Cannot read ${path}: ${text}`, { cause: error });
}

/** A source's reads without its read ahead (`ReadBatchesOptions.readAhead: false`). */
function withoutReadAhead(source: ByteReader): ByteReader {
  return {
    get bytesRead() {
      return source.bytesRead;
    },
    read: (length, into) => source.read(length, into),
    readAvailable: (limit) => source.readAvailable(limit),
    close: () => source.close(),
  };
}
