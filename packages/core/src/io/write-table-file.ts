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
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { toTable } from '@modelperf/core';
 * import { readTableFile, writeTableFile } from '@modelperf/core/node';
 * const dir = mkdtempSync(join(tmpdir(), 'modelperf-'));
 * await writeTableFile(join(dir, 'preds.csv'), toTable({ y: [0, 1], p: [0.2, 0.8] }), 'csv');
 * console.log((await readTableFile(join(dir, 'preds.csv'))).table.numRows); // 2
 * ```
 */
export async function writeTableFile(path: string, table: Table, format: InputFormat): Promise<void> {
  await writeFileAtomic(path, await encodeTable(table, format));
}
