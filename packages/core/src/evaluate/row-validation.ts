import { ValidationError } from '../errors.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { NanPolicy } from './prepare-binary-rows.js';

/** A used column to check: numbers (null read as NaN) or codes (null = -1). */
export interface CheckedColumn {
  readonly name: string;
  readonly values?: Float64Array | Float32Array;
  readonly codes?: Int32Array;
  /** Reject negative numbers (sample weights). */
  readonly nonNegative?: boolean;
}

/**
 * Finds the rows to evaluate: a null or NaN in a used column is an error naming the column and row (policy `error`)
 * or drops the row (policy `drop`, counted in a warning); an infinite value or a negative weight is always an error.
 *
 * @param n - number of rows
 * @param columns - the used columns
 * @param policy - `error` or `drop`
 * @param warnings - receives the `rows_dropped` warning
 * @param rowOffset - number of the first row in the whole input (for messages when validating one batch of many)
 * @returns the kept row positions, or undefined when every row is kept
 * @throws ValidationError naming the first offending column and row
 * @example
 * ```ts
 * const keep = validRows(3, [{ name: 'y', values: Float64Array.of(1, NaN, 2) }], 'drop', warnings); // [0, 2]
 * ```
 */
export function validRows(
  n: number, columns: readonly CheckedColumn[], policy: NanPolicy, warnings: ReportWarning[], rowOffset = 0,
): Uint32Array | undefined {
  let mask: Uint8Array | undefined;
  let dropped = 0;
  for (const column of columns) {
    const { values, codes, name } = column;
    for (let i = 0; i < n; i++) {
      let missing = false;
      if (codes !== undefined) {
        missing = codes[i] < 0;
      } else if (values !== undefined) {
        const v = values[i];
        if (v !== v) missing = true;
        else if (v === Infinity || v === -Infinity) {
          throw new ValidationError('invalid_input', `Column \`${name}\` holds an infinite value at row ${i + rowOffset}; values must be finite.`);
        } else if (column.nonNegative === true && v < 0) {
          throw new ValidationError('invalid_input', `Column \`${name}\` holds a negative weight at row ${i + rowOffset}; sample weights must be >= 0.`);
        }
      }
      if (!missing) continue;
      if (policy === 'error') {
        throw new ValidationError(
          'null_value',
          `Column \`${name}\` holds a null or NaN at row ${i + rowOffset}; clean the data, or pass --nan drop to drop such rows.`,
        );
      }
      mask ??= new Uint8Array(n);
      if (mask[i] === 0) { mask[i] = 1; dropped++; }
    }
  }
  if (mask === undefined) return undefined;
  if (dropped === n) {
    throw new ValidationError('empty_input', `All ${n} rows hold null or NaN in a used column; nothing is left to evaluate.`);
  }
  warnings.push({ code: 'rows_dropped', message: `Dropped ${dropped} of ${n} rows with null or NaN in a used column (--nan drop).` });
  const keep = new Uint32Array(n - dropped);
  for (let i = 0, k = 0; i < n; i++) if (mask[i] === 0) keep[k++] = i;
  return keep;
}
