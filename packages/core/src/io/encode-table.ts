import { type Table, tableToIPC } from 'apache-arrow';
import type { InputFormat } from './input-format.js';
import { writeCsvBytes } from './write-csv-bytes.js';
import { writeParquetBytes } from './write-parquet-bytes.js';

/**
 * Encodes a table in one of the formats modelperf reads: Arrow IPC file, Arrow IPC stream, Parquet (Snappy) or CSV.
 *
 * @param table - the table; not modified
 * @param format - the target format
 * @returns the encoded bytes, which {@link readTableBytes} reads back
 * @throws InputOutputError `io_error` when Parquet support cannot be loaded or rejects the table
 * @example
 * ```ts
 * import { encodeTable, readTableBytes, toTable } from '@modelperf/core';
 * const table = toTable({ y: [0, 1], p: [0.3, 0.7] });
 * const rows: string[] = [];
 * for (const format of ['arrow', 'arrows', 'parquet', 'csv'] as const) {
 *   rows.push(`${format}:${(await readTableBytes(await encodeTable(table, format), format)).numRows}`);
 * }
 * console.log(rows.join(' ')); // arrow:2 arrows:2 parquet:2 csv:2
 * ```
 */
export async function encodeTable(table: Table, format: InputFormat): Promise<Uint8Array> {
  switch (format) {
    case 'arrow':
      return tableToIPC(table, 'file');
    case 'arrows':
      return tableToIPC(table, 'stream');
    case 'parquet':
      return writeParquetBytes(table);
    case 'csv':
      return writeCsvBytes(table);
  }
}
