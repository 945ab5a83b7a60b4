import { openAsBlob } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { type RecordBatch, tableFromIPC } from 'apache-arrow';
import { InputOutputError, isModelperfError } from '../../errors.js';
import { loadParquetWasm, type WasmArrowTable } from '../load-parquet-wasm.js';
import type { OpenedBatches } from './read-arrow-stream-batches.js';

/** The part of parquet-wasm 0.8's random-access API used here (`ParquetFile` over a `Blob`). */
interface WasmParquetFile {
  metadata(): { numRowGroups(): number; rowGroup(i: number): { numRows(): number; compressedSize(): number; free(): void }; free(): void };
  schema(): { intoIPCStream(): Uint8Array };
  read(options: { rowGroups: number[]; batchSize?: number }): Promise<WasmArrowTable>;
  free(): void;
}

interface ParquetFileApi {
  readonly ParquetFile: { fromFile(blob: Blob): Promise<WasmParquetFile> };
}

/** Rows per record batch when the caller sets no limit: a whole row group in one batch. */
const WHOLE_ROW_GROUP = 2 ** 31 - 1;

function corrupt(message: string, cause?: unknown): InputOutputError {
  return new InputOutputError('corrupt_file', message, cause === undefined ? undefined : { cause });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Progress of a Parquet read: footer plus the compressed size of the row groups read. */
export interface ParquetProgress {
  bytesRead: number;
}

/**
 * Reads a Parquet file one row group at a time with parquet-wasm's `ParquetFile` over a lazy file `Blob`
 * (`fs.openAsBlob`), so only the footer and the row group being decoded are read into memory.
 *
 * @remarks
 * The `PAR1` magic at both ends and the footer length are checked with plain reads first, so a truncated file
 * fails before decoding. Each row group is decoded in WebAssembly memory and handed to apache-arrow through an
 * IPC stream, as {@link readParquetBytes} does; a row group that fails to decode is `corrupt_file` naming it.
 * The WebAssembly heap grows to the largest row group and never shrinks.
 *
 * @param path - the file's path
 * @param handle - an open handle on it, for the magic checks; closed here
 * @param size - its size in bytes
 * @param batchRows - the most rows in one record batch (default: a whole row group)
 * @param progress - updated as row groups are read
 * @returns the schema and the batches
 * @throws InputOutputError `corrupt_file` for a truncated or damaged file, `io_error` when parquet-wasm cannot load
 * @example
 * ```ts
 * const { batches } = await readParquetBatches('preds.parquet', await open('preds.parquet'), size);
 * ```
 */
export async function readParquetBatches(
  path: string,
  handle: FileHandle,
  size: number,
  batchRows: number | undefined,
  progress: ParquetProgress,
): Promise<OpenedBatches> {
  let footerLength: number;
  try {
    footerLength = await checkParquetEnds(handle, size);
  } finally {
    await handle.close().catch(() => undefined);
  }
  const api = (await loadParquetWasm()) as unknown as ParquetFileApi;
  let file: WasmParquetFile;
  let schemaIpc: Uint8Array;
  try {
    file = await api.ParquetFile.fromFile(await openAsBlob(path));
    schemaIpc = file.schema().intoIPCStream();
  } catch (error) {
    if (isModelperfError(error)) throw error;
    throw corrupt(`The Parquet file's footer cannot be decoded: ${errorText(error)}`, error);
  }
  progress.bytesRead = footerLength + 12;
  // The file handle is closed already; the WebAssembly file is freed by the generator, or here if it never ran.
  return { schema: tableFromIPC(schemaIpc).schema, batches: rowGroupBatches(file, batchRows ?? WHOLE_ROW_GROUP, progress), release: async () => file.free() };
}

async function checkParquetEnds(handle: FileHandle, size: number): Promise<number> {
  const head = new Uint8Array(4);
  const tail = new Uint8Array(8);
  await handle.read(head, 0, 4, 0);
  if (size < 12 || !isPar1(head, 0)) throw corrupt('The input is not a Parquet file: it does not start with the PAR1 magic.');
  await handle.read(tail, 0, 8, size - 8);
  if (!isPar1(tail, 4)) {
    throw corrupt(`The Parquet file is truncated: its ${size} bytes do not end with the PAR1 magic that closes the footer.`);
  }
  const footerLength = new DataView(tail.buffer).getInt32(0, true);
  if (footerLength <= 0 || footerLength + 12 > size) {
    throw corrupt(`The Parquet file's footer length (${footerLength} bytes) does not fit in its ${size} bytes.`);
  }
  return footerLength;
}

function isPar1(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x50 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x52 && bytes[at + 3] === 0x31;
}

async function* rowGroupBatches(file: WasmParquetFile, batchRows: number, progress: ParquetProgress): AsyncGenerator<RecordBatch, void, undefined> {
  try {
    const metadata = file.metadata();
    const groups = metadata.numRowGroups();
    for (let group = 0; group < groups; group++) {
      const info = metadata.rowGroup(group);
      const rows = info.numRows();
      const bytes = info.compressedSize();
      info.free();
      let ipc: Uint8Array;
      try {
        ipc = (await file.read({ rowGroups: [group], batchSize: batchRows })).intoIPCStream();
      } catch (error) {
        throw corrupt(`Parquet row group ${group} (of ${groups}) cannot be decoded: ${errorText(error)}`, error);
      }
      const table = tableFromIPC(ipc);
      if (table.numRows !== rows) {
        throw corrupt(`Parquet row group ${group} declares ${rows} rows but decodes to ${table.numRows}.`);
      }
      progress.bytesRead += bytes;
      for (const batch of table.batches) if (batch.numRows > 0) yield batch;
    }
    metadata.free();
  } finally {
    file.free();
  }
}
