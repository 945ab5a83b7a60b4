import type { Table } from 'apache-arrow';
import { encodeTable } from './encode-table.js';
import type { InputFormat } from './input-format.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Writes a table to a file atomically in one of the formats modelperf reads. Node only.
 *
 * @param path - the file to create or replace
 * @param table - the table; not modified
 * @param format - `arrow` (IPC file / Feather v2), `arrows` (IPC stream), `parquet` (Snappy) or `csv`
 * @returns when the file is in place
 * @throws InputOutputError `io_error` when the file cannot be written or Parquet support cannot be loaded
 * @example
 * ```ts
 * await writeTableFile('preds.arrow', table, 'arrow');
 * ```
 */
export async function writeTableFile(path: string, table: Table, format: InputFormat): Promise<void> {
  await writeFileAtomic(path, await encodeTable(table, format));
}
