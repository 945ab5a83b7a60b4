import type { Table } from 'apache-arrow';
import { ValidationError } from '../errors.js';

/** Options for {@link writeCsvBytes}. */
export interface CsvWriteOptions {
  /** Field delimiter, one character (default `,`). */
  readonly delimiter?: string;
}

/** Encoded text is flushed every this many characters, to keep each JS string small. */
const FLUSH_CHARS = 1 << 20;

/**
 * Formats a table as CSV (UTF-8, header row, `\n` line breaks) that {@link readCsvBytes} reads back to the same values.
 *
 * @remarks
 * Numbers are written in JS's shortest round-trip form (`0.1`, `1e-7`, `Infinity`), Int64 exactly, booleans as
 * `true`/`false`, nulls and NaN as empty cells, dates as ISO 8601. Strings are quoted when they contain the
 * delimiter, a quote or a line break, or begin or end with white space. CSV has no types: a string column whose
 * values all look like numbers reads back as numbers.
 *
 * @param table - the table to format; not modified
 * @param options - the delimiter
 * @returns the CSV bytes
 * @throws ValidationError `invalid_argument` for a delimiter that is not one plain character
 * @example
 * ```ts
 * import { toTable, writeCsvBytes } from '@modelperf/core';
 * const csv = new TextDecoder().decode(writeCsvBytes(toTable({ y: [0, 1], p: [0.25, null] })));
 * console.log(JSON.stringify(csv)); // "y,p\n0,0.25\n1,\n"
 * ```
 * @see pandas.DataFrame.to_csv
 */
export function writeCsvBytes(table: Table, options: CsvWriteOptions = {}): Uint8Array {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) {
    throw new ValidationError('invalid_argument', `The CSV delimiter must be one character other than a quote or line break, not ${JSON.stringify(delimiter)}.`);
  }
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const width = table.numCols;
  let text = table.schema.fields.map((field) => formatCell(field.name, delimiter)).join(delimiter) + '\n';
  for (const batch of table.batches) {
    const columns = Array.from({ length: width }, (_, k) => batch.getChildAt(k));
    for (let row = 0; row < batch.numRows; row++) {
      for (let k = 0; k < width; k++) {
        if (k > 0) text += delimiter;
        text += formatCell(columns[k]?.get(row), delimiter);
      }
      text += '\n';
      if (text.length >= FLUSH_CHARS) {
        parts.push(encoder.encode(text));
        text = '';
      }
    }
  }
  parts.push(encoder.encode(text));
  return concatBytes(parts);
}

function formatCell(value: unknown, delimiter: string): string {
  switch (typeof value) {
    case 'number':
      return Number.isNaN(value) ? '' : String(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'string':
      return quoteIfNeeded(value, delimiter);
    case 'undefined':
      return '';
    default:
      if (value === null) return '';
      if (value instanceof Date) return value.toISOString();
      return quoteIfNeeded(typeof (value as { toJSON?: unknown }).toJSON === 'function' ? JSON.stringify(value) : String(value), delimiter);
  }
}

function quoteIfNeeded(text: string, delimiter: string): string {
  const needs =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ||
    (text.length > 0 && (text.trim().length !== text.length));
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
