import { SchemaError, ValidationError } from '../errors.js';
import { type ArrowColumn, type ArrowTableLike, isArrowTable } from './arrow-column.js';

/**
 * Looks up a column of an Arrow table by name.
 *
 * @param table - an apache-arrow `Table` (recognised by shape, so any copy of the library works)
 * @param name - the column's name, matched exactly
 * @returns the column (a `Vector`, possibly of several chunks); not copied
 * @throws SchemaError `missing_column` listing the available columns; ValidationError `invalid_argument` when
 * `table` is not an Arrow table
 * @example
 * ```ts
 * const score = getColumn(table, 'score');
 * ```
 */
export function getColumn(table: ArrowTableLike, name: string): ArrowColumn {
  if (!isArrowTable(table)) {
    throw new ValidationError('invalid_argument', `Expected an Arrow table to read column \`${name}\` from.`);
  }
  const column = table.getChild(name);
  if (column === null || column === undefined) {
    const available = table.schema.fields.map((field) => field.name);
    throw new SchemaError(
      'missing_column',
      `Column \`${name}\` not found; available columns: ${available.length > 0 ? available.join(', ') : '(none)'}.`,
    );
  }
  return column;
}
