import { open, readFile, stat } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import { nameReadError } from './name-read-error.js';
import { InputOutputError, ValidationError } from '../errors.js';
import { detectInputFormat, type InputFormat } from './input-format.js';
import { readTableBytes, type ReadTableBytesOptions } from './read-table-bytes.js';

/** Options for {@link readTableFile}. */
export interface ReadTableFileOptions extends ReadTableBytesOptions {
  /** An `--input-format` value; by default the format comes from the file's extension. */
  readonly format?: string;
  /**
   * Read an Arrow IPC file or stream into shared memory (a `SharedArrayBuffer`), so that worker threads can work on its
   * columns in place (`createParallelCurveKernels`); other formats decode into fresh arrays and ignore it.
   */
  readonly shared?: boolean;
}

/** A table read from a file, with what was learned about the file. */
export interface TableFile {
  readonly table: Table;
  readonly format: InputFormat;
  /** The file's size in bytes. */
  readonly bytes: number;
}

/**
 * Reads a table file (Arrow IPC file/Feather v2, Arrow IPC stream, Parquet, CSV or gzipped CSV) from disk. Node only.
 *
 * @remarks
 * The whole file is read into memory (Node caps one read at 2 GiB); Arrow columns are zero-copy views into it.
 * A file with a schema and no rows is returned as it is: the caller decides whether that is an error.
 *
 * @param path - the file's path
 * @param options - format override, CSV and Arrow options
 * @returns the table, its format and the file's size
 * @throws InputOutputError `unknown_format` for an unknown extension without `format`, `file_not_found` when there
 * is no such file, `io_error` for a directory or an unreadable file, `corrupt_file` for a truncated or damaged file;
 * ValidationError `empty_input` for a zero-byte file
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { toTable } from '@modelperf/core';
 * import { readTableFile, writeTableFile } from '@modelperf/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'modelperf-')), 'preds.arrow');
 * await writeTableFile(path, toTable({ y: [0, 1, 1] }), 'arrow');
 * const { table, format } = await readTableFile(path);
 * console.log(format, table.numRows); // arrow 3
 * ```
 */
export async function readTableFile(path: string, options: ReadTableFileOptions = {}): Promise<TableFile> {
  const format = detectInputFormat(path, options.format);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputOutputError('io_error', `${path} is a directory; pass the path of a table file.`);
    }
    size = info.size;
  } catch (error) {
    throw fileError(error, path);
  }
  if (size === 0) throw new ValidationError('empty_input', `File is empty (0 bytes): ${path}`);
  let bytes: Uint8Array;
  try {
    bytes = options.shared === true && (format === 'arrow' || format === 'arrows') && size <= MAX_READ
      ? await readShared(path, size)
      : await readFile(path);
  } catch (error) {
    throw fileError(error, path);
  }
  let table: Table;
  try {
    table = await readTableBytes(bytes, format, options);
  } catch (error) {
    throw nameReadError(error, path);
  }
  return { table, format, bytes: bytes.length };
}

/** The largest file one read takes (Node's limit of `readFile`). */
const MAX_READ = 2 ** 31 - 1;

/** Reads a whole file into a `SharedArrayBuffer` (a file that shrank while read is an error: its size was taken first). */
async function readShared(path: string, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  const handle = await open(path, 'r');
  try {
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) throw new InputOutputError('corrupt_file', `${path} ended after ${at} of ${size} bytes while it was read.`);
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return bytes;
}

/** Maps a Node file-system error to a modelperf error that names the path. */
function fileError(error: unknown, path: string): Error {
  if (error instanceof InputOutputError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return new InputOutputError('file_not_found', `File not found: ${path}`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputOutputError('io_error', `Permission denied reading ${path}.`, { cause: error });
  }
  if (code === 'EISDIR') return new InputOutputError('io_error', `${path} is a directory; pass the path of a table file.`, { cause: error });
  if (code === 'ERR_FS_FILE_TOO_LARGE') {
    return new InputOutputError('io_error', `${path} is larger than 2 GiB, more than one read can hold; convert it to Parquet or split it.`, { cause: error });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new InputOutputError('io_error', `Cannot read ${path}: ${text}`, { cause: error });
}

// The writers are re-exported here too, so that `export * from './io/read-table-file.js'` in src/node.ts exposes
// the whole Node-only I/O surface (./node.ts gathers the same exports).
export { writeFileAtomic } from './write-file-atomic.js';
export { writeTableFile } from './write-table-file.js';
