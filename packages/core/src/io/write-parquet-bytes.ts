import { type Table, tableToIPC } from 'apache-arrow';
import { InputOutputError } from '../errors.js';
import { loadParquetWasm } from './load-parquet-wasm.js';

/** Options for {@link writeParquetBytes}. */
export interface ParquetWriteOptions {
  /** Page compression (default `snappy`, as pyarrow writes). */
  readonly compression?: 'snappy' | 'zstd' | 'uncompressed';
}

/**
 * Encodes a table as a Parquet file, with parquet-wasm (loaded on first use).
 *
 * @param table - the table; not modified (it is serialised to Arrow IPC and copied into WebAssembly memory)
 * @param options - the compression codec
 * @returns the Parquet file's bytes
 * @throws InputOutputError `io_error` when parquet-wasm cannot be loaded or rejects the table (e.g. a type Parquet
 * cannot hold)
 * @example
 * ```ts
 * import { toTable, writeParquetBytes } from '@modelperf/core';
 * const bytes = await writeParquetBytes(toTable({ y: [0, 1, 1] }));
 * console.log(new TextDecoder().decode(bytes.subarray(0, 4))); // PAR1
 * ```
 * @see pyarrow.parquet.write_table
 */
export async function writeParquetBytes(table: Table, options: ParquetWriteOptions = {}): Promise<Uint8Array> {
  const parquet = await loadParquetWasm();
  const codec = options.compression ?? 'snappy';
  try {
    const properties = new parquet.WriterPropertiesBuilder()
      .setCompression(codec === 'zstd' ? parquet.Compression.ZSTD : codec === 'uncompressed' ? parquet.Compression.UNCOMPRESSED : parquet.Compression.SNAPPY)
      .build();
    return parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(table, 'stream')), properties);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new InputOutputError('io_error', `The table cannot be written as Parquet: ${text}`, { cause: error });
  }
}
