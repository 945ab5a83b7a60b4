import { SchemaError } from '../errors.js';
import type { ArrowColumn } from './arrow-column.js';
import { arrowTypeName } from './arrow-type-name.js';

/** Rows looked at for a non-null example value. */
const EXAMPLE_SEARCH_ROWS = 1000;
/** Only on the error path: how far to look for the value that is not a number. */
const NON_NUMERIC_SEARCH_ROWS = 1_000_000;

/**
 * Builds the error for a column of the wrong type, naming the column, what was expected, the column's type and a
 * first non-null value: ``Expected column `score` to be numeric, but it is utf8 (row 0: "high").``
 *
 * @param name - the column's name
 * @param expected - what the caller needed, e.g. `numeric`
 * @param column - the column found
 * @returns a SchemaError with code `column_type`
 * @example
 * ```ts
 * throw columnTypeError('score', 'numeric', table.getChild('score')!);
 * ```
 */
export function columnTypeError(name: string, expected: string, column: ArrowColumn): SchemaError {
  return new SchemaError(
    'column_type',
    `Expected column \`${name}\` to be ${expected}, but it is ${arrowTypeName(column.type)} (${
      (expected === 'numeric' ? firstNonNumericText(column) : undefined) ?? exampleValue(column)}).`,
  );
}

/** The first text value that does not read as a number: what made a CSV column text instead of numbers. */
function firstNonNumericText(column: ArrowColumn): string | undefined {
  const rows = Math.min(column.length, NON_NUMERIC_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const value = column.get(row);
    if (typeof value === 'string' && (value.trim() === '' || Number.isNaN(Number(value)))) {
      return `row ${row}: ${formatValue(value)} is not a number`;
    }
  }
  return undefined;
}

function exampleValue(column: ArrowColumn): string {
  const rows = Math.min(column.length, EXAMPLE_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const value = column.get(row);
    if (value !== null && value !== undefined) return `row ${row}: ${formatValue(value)}`;
  }
  return column.length === 0 ? 'no rows' : rows < column.length ? `rows 0-${rows - 1} are null` : 'all values are null';
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'object' && value !== null) {
    const text = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? JSON.stringify(value) : String(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }
  return String(value);
}
