import type { Table } from 'apache-arrow';
import { InputOutputError, ValidationError } from '../errors.js';
import { gunzipBytes, isGzip } from './gunzip-bytes.js';
import type { InputFormat } from './input-format.js';
import type { CheckArrowIpcOptions } from './check-arrow-ipc.js';
import { readArrowBytes } from './read-arrow-bytes.js';
import { type CsvReadOptions, readCsvBytes } from './read-csv-bytes.js';
import { readParquetBytes } from './read-parquet-bytes.js';

/** Options for {@link readTableBytes}. */
export interface ReadTableBytesOptions {
  /** Options for CSV input. */
  readonly csv?: CsvReadOptions;
  /** Options for Arrow IPC input (e.g. accepting a stream without its end-of-stream marker). */
  readonly arrow?: CheckArrowIpcOptions;
}

/**
 * Decodes a table file held in memory (a file's contents, an HTTP body) in the given format.
 *
 * @remarks
 * Gzip-compressed CSV (`.csv.gz`) is decompressed first. Arrow columns are zero-copy views into `bytes`; keep it
 * unchanged while the table is in use.
 *
 * @param bytes - the whole input
 * @param format - its format (see {@link detectInputFormat})
 * @param options - format-specific options
 * @returns the table; a file with a schema and no rows gives a table with zero rows
 * @throws ValidationError `empty_input` for zero bytes; InputOutputError `corrupt_file` for a truncated or damaged
 * input (see each reader)
 * @example
 * ```ts
 * import { evaluate, readTableBytes } from '@modelperf/core';
 * const bytes = new TextEncoder().encode('y,p\n0,0.1\n0,0.4\n1,0.35\n1,0.8\n');
 * const table = await readTableBytes(bytes, 'csv'); // or a fetched Arrow / Parquet file: 'arrow', 'parquet'
 * const report = await evaluate(table, { task: 'binary', label: 'y', score: 'p' });
 * console.log(table.numRows, report.metrics.roc_auc); // 4 0.75
 * ```
 */
export async function readTableBytes(bytes: Uint8Array, format: InputFormat, options: ReadTableBytesOptions = {}): Promise<Table> {
  if (bytes.length === 0) throw new ValidationError('empty_input', `The ${format} input is empty (0 bytes).`);
  if (isGzip(bytes)) {
    if (format !== 'csv') {
      throw new InputOutputError('corrupt_file', `The ${format} input is gzip-compressed; only CSV may be gzipped. Decompress it first.`);
    }
    const text = await gunzipBytes(bytes);
    if (text.length === 0) throw new ValidationError('empty_input', 'The gzip-compressed CSV input is empty.');
    return readCsvBytes(text, options.csv);
  }
  switch (format) {
    case 'arrow':
    case 'arrows':
      return readArrowBytes(bytes, options.arrow);
    case 'parquet':
      return readParquetBytes(bytes);
    case 'csv':
      return readCsvBytes(bytes, options.csv);
  }
}
