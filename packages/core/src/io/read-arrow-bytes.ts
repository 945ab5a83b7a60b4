import { tableFromIPC, type Table } from 'apache-arrow';
import { InputOutputError, isModelperfError } from '../errors.js';
import { checkArrowIpc, type CheckArrowIpcOptions } from './check-arrow-ipc.js';

/**
 * Decodes an Arrow IPC file (Feather v2) or stream held in memory into a Table, after checking that it is complete.
 *
 * @remarks
 * The layout is told by the `ARROW1` magic, so one function serves `.arrow`, `.feather` and `.arrows`. Before
 * decoding, {@link checkArrowIpc} walks every message, so a truncated or damaged input throws instead of decoding as
 * a shorter table; after decoding, the row count must match what the messages declare (a file is decoded through
 * its footer, which could otherwise point elsewhere).
 * The columns are zero-copy views into `bytes`: keep `bytes` unchanged while the table is in use.
 *
 * @param bytes - the whole file or stream
 * @param options - `requireEndOfStream` (default true): see {@link CheckArrowIpcOptions}
 * @returns the table; record batches stay as they were written (one chunk per batch)
 * @throws ValidationError `empty_input` for zero bytes; InputOutputError `corrupt_file` for a truncated or damaged
 * input, `unknown_format` for Feather v1, `io_error` for LZ4/ZSTD-compressed batches
 * @example
 * ```ts
 * import { encodeTable, readArrowBytes, toTable } from '@modelperf/core';
 * const bytes = await encodeTable(toTable({ y: [0, 1, 1], p: [0.2, 0.9, 0.6] }), 'arrow');
 * const table = readArrowBytes(bytes);
 * console.log(table.numRows, table.schema.fields.map((f) => f.name).join(',')); // 3 y,p
 * ```
 * @see pyarrow.ipc.open_file / pyarrow.ipc.open_stream
 */
export function readArrowBytes(bytes: Uint8Array, options: CheckArrowIpcOptions = {}): Table {
  const { layout, end, rows } = checkArrowIpc(bytes, options);
  let table: Table;
  try {
    table = tableFromIPC(layout === 'file' ? bytes : bytes.subarray(0, end));
  } catch (error) {
    if (isModelperfError(error)) throw error;
    throw new InputOutputError('corrupt_file', `The Arrow IPC input cannot be decoded: ${errorText(error)}`, {
      cause: error,
    });
  }
  // A file is decoded through its footer: its record batches must be the ones the message walk found.
  if (table.numRows !== rows) {
    throw new InputOutputError(
      'corrupt_file',
      `The Arrow IPC ${layout} is inconsistent: its messages hold ${rows} rows, but it decodes to ${table.numRows}.`,
    );
  }
  return table;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
