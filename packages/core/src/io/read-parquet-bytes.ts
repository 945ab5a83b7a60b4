// Parquet library: parquet-wasm 0.8.0 (arrow-rs compiled to WebAssembly), chosen over hyparquet 1.33.0 by measurement.
//
// Reading a 1e6-row file (int64 label, float64 score, utf8 string with 8 values; Snappy; dictionary pages falling
// back to plain, as arrow-rs and pyarrow write by default) from bytes in memory to an apache-arrow Table, Node 20,
// 2-core x86 VM, median of 5 fresh processes (process baseline with apache-arrow loaded: 64 MB RSS):
//   hyparquet    + hand-written conversion to Arrow:  902 ms, peak RSS 188 MB
//   parquet-wasm + tableFromIPC:                      483 ms, peak RSS 195 MB (wasm memory 98 MB)
// Same file with a 4th column of 1e6 distinct strings:
//   hyparquet 1156 ms / 224 MB;  parquet-wasm 749 ms / 287 MB (wasm memory 172 MB)
// Same 3 columns, plain encoding (no dictionary pages):
//   hyparquet  876 ms / 186 MB;  parquet-wasm 463 ms / 212 MB
// A second read in the same process (JIT and wasm tiers warm): parquet-wasm ~165 ms for the 4-column file.
// parquet-wasm also yields Arrow types directly (hyparquet returns JS arrays of BigInt/number for dictionary-encoded
// pages, which need our own type mapping), reads every codec (Snappy, gzip, Brotli, ZSTD, LZ4; hyparquet needs the
// extra hyparquet-compressors package past Snappy, and polars writes ZSTD by default) and writes Parquet.
// Its costs: +7..63 MB peak memory, a wasm heap that is reused but never shrinks, a 5 MB .wasm, async init in browsers.
import { tableFromIPC, type Table } from 'apache-arrow';
import { InputOutputError, ValidationError } from '../errors.js';
import { loadParquetWasm } from './load-parquet-wasm.js';

const PAR1 = [0x50, 0x41, 0x52, 0x31];

/** One record batch for the whole file, so that columns come out as a single chunk (zero-copy downstream). */
const WHOLE_FILE_BATCH = 2 ** 31 - 1;

function hasPar1At(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < 4; i++) if (bytes[at + i] !== PAR1[i]) return false;
  return true;
}

/**
 * Decodes a Parquet file held in memory into an Arrow Table, with parquet-wasm (loaded on first use).
 *
 * @remarks
 * All row groups are read into one record batch, so each column is one contiguous chunk. Parquet's logical types
 * map to Arrow as arrow-rs does: INT64 -> Int64, DOUBLE -> Float64, BOOLEAN -> Bool, STRING -> Utf8 (or the type
 * the writer stored in the `ARROW:schema` metadata, e.g. Dictionary or LargeUtf8). A file with a schema and no rows
 * yields a table with zero rows. The file is copied into WebAssembly memory while it is decoded.
 *
 * @param bytes - the whole Parquet file
 * @returns the table
 * @throws ValidationError `empty_input` for zero bytes; InputOutputError `corrupt_file` when the `PAR1` magic is
 * missing at either end (not Parquet, or truncated) or decoding fails (damaged pages, bad footer), and `io_error`
 * when parquet-wasm cannot be loaded
 * @example
 * ```ts
 * import { readParquetBytes, toTable, writeParquetBytes } from '@modelperf/core';
 * const bytes = await writeParquetBytes(toTable({ y: [1.5, 2.5] }));
 * const table = await readParquetBytes(bytes);
 * console.log(Array.from(table.getChild('y')!.toArray()).join(',')); // 1.5,2.5
 * ```
 * @see pyarrow.parquet.read_table
 */
export async function readParquetBytes(bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new ValidationError('empty_input', 'The Parquet input is empty (0 bytes).');
  if (bytes.length < 12 || !hasPar1At(bytes, 0)) {
    throw new InputOutputError('corrupt_file', 'The input is not a Parquet file: it does not start with the PAR1 magic.');
  }
  if (!hasPar1At(bytes, bytes.length - 4)) {
    throw new InputOutputError(
      'corrupt_file',
      `The Parquet file is truncated: its ${bytes.length} bytes do not end with the PAR1 magic that closes the footer.`,
    );
  }
  const parquet = await loadParquetWasm();
  let ipc: Uint8Array;
  try {
    ipc = parquet.readParquet(bytes, { batchSize: WHOLE_FILE_BATCH }).intoIPCStream();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new InputOutputError('corrupt_file', `The Parquet file cannot be decoded: ${text}`, { cause: error });
  }
  return tableFromIPC(ipc);
}
