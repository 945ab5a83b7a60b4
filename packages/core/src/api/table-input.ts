import { Table, type RecordBatch } from 'apache-arrow';
import { isArrowColumn, isArrowTable } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { columnVector, type ColumnInput } from './column-vector.js';

/**
 * What an evaluation reads: an Arrow `Table`, one `RecordBatch` or several of one schema, or named columns (each an
 * Arrow `Vector`, a typed array or a plain array).
 */
export type TableInput = Table | RecordBatch | readonly RecordBatch[] | Readonly<Record<string, ColumnInput>>;

/**
 * Turns any {@link TableInput} into an Arrow `Table`, without copying Arrow data or typed arrays (plain arrays are
 * copied once into Arrow vectors).
 *
 * @param data - a table, record batch(es) or named columns
 * @returns the table
 * @throws ValidationError `invalid_input` for anything else, columns of different lengths (naming them) or no
 * columns; `invalid_input` for a plain array mixing kinds of values
 * @example
 * ```ts
 * import { toTable } from '@modelperf/core';
 * const table = toTable({ y: [0, 1, 1], p: new Float64Array([0.2, 0.7, 0.4]) });
 * console.log(table.numRows, table.schema.fields.map((f) => f.name).join(',')); // 3 y,p
 * ```
 */
export function toTable(data: TableInput): Table {
  if (isArrowTable(data) && Array.isArray((data as Table).batches)) return data as Table;
  if (isRecordBatch(data)) return new Table(data as RecordBatch);
  if (Array.isArray(data)) {
    if (data.length === 0 || !data.every(isRecordBatch)) {
      throw new ValidationError('invalid_input', 'Expected an array of Arrow record batches (at least one).');
    }
    return new Table(data as RecordBatch[]);
  }
  if (typeof data !== 'object' || data === null || isArrowColumn(data)) {
    throw new ValidationError('invalid_input',
      'Expected an Arrow Table, a RecordBatch (or an array of them), or an object of named columns such as { label: [...], score: [...] }.');
  }
  const entries = Object.entries(data as Record<string, ColumnInput>);
  if (entries.length === 0) throw new ValidationError('invalid_input', 'The input has no columns; pass an object of named columns.');
  const vectors: Record<string, ReturnType<typeof columnVector>> = {};
  for (const [name, column] of entries) vectors[name] = columnVector(name, column);
  const [firstName, first] = Object.entries(vectors)[0];
  for (const [name, vector] of Object.entries(vectors)) {
    if (vector.length !== first.length) {
      throw new ValidationError('length_mismatch',
        `Columns must be equally long, but \`${firstName}\` has ${first.length} rows and \`${name}\` ${vector.length}.`);
    }
  }
  return new Table(vectors);
}

/** A record batch, by shape (two copies of apache-arrow do not share classes). */
function isRecordBatch(value: unknown): boolean {
  return isArrowTable(value) && !Array.isArray((value as Table).batches) && typeof (value as RecordBatch).data === 'object';
}
