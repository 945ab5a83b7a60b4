import type { Table } from 'apache-arrow';
import { getColumn, toLabelCodes } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import type { LabelValue } from '../report/report.js';

/** One slice: the values of the slicing columns and the positions of its rows. */
export interface RowSlice {
  readonly values: Array<LabelValue | null>;
  readonly indices: Uint32Array;
}

/** Refuse slicing that would produce more slices than a report can show. */
const MAX_SLICES = 10_000;

/**
 * Groups rows by the values of one or more columns (their combinations for several), with a counting sort over the
 * columns' label codes: one pass per column plus one to place the rows.
 *
 * @param table - the data
 * @param names - slicing columns
 * @param rows - the row positions to slice (default all), e.g. those left after dropping nulls
 * @returns slices in value order (nulls last), each with the positions of its rows within `rows` (within the table
 * when `rows` is not given), in input order
 * @throws SchemaError for a missing column; ValidationError when the columns make more than 10,000 slices
 * @example
 * ```ts
 * sliceRows(table, ['region']); // [{ values: ['eu'], indices }, { values: ['us'], indices }]
 * ```
 */
export function sliceRows(table: Table, names: readonly string[], rows?: Uint32Array): RowSlice[] {
  const coded = names.map((name) => toLabelCodes(getColumn(table, name), name));
  // Mixed-radix key per row; null gets the last digit value of its column.
  const radices = coded.map((c) => c.classes.length + 1);
  const combos = radices.reduce((a, b) => a * b, 1);
  const n = rows?.length ?? table.numRows;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows !== undefined ? rows[i] : i;
    let key = 0;
    for (let c = 0; c < coded.length; c++) {
      const code = coded[c].codes[row];
      key = key * radices[c] + (code < 0 ? radices[c] - 1 : code);
    }
    keys[i] = key;
  }
  // Dense slot table when the combinations are few (the usual case), else a map over the keys that occur.
  let slotOf: (key: number) => number;
  let distinct: number[];
  if (combos <= 1_000_000) {
    const seen = new Uint8Array(combos);
    for (let i = 0; i < n; i++) seen[keys[i]] = 1;
    distinct = [];
    const dense = new Int32Array(combos).fill(-1);
    for (let k = 0; k < combos; k++) if (seen[k] === 1) { dense[k] = distinct.length; distinct.push(k); }
    slotOf = (key) => dense[key];
  } else {
    distinct = Array.from(new Set(keys)).sort((a, b) => a - b);
    const slot = new Map(distinct.map((k, i) => [k, i]));
    slotOf = (key) => slot.get(key) as number;
  }
  if (distinct.length > MAX_SLICES) {
    throw new ValidationError(
      'invalid_argument',
      `Slicing by ${names.join(', ')} makes ${distinct.length} slices (at most ${MAX_SLICES}); pick columns with fewer distinct values.`,
    );
  }
  const counts = new Uint32Array(distinct.length);
  const which = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = slotOf(keys[i]);
    which[i] = s;
    counts[s]++;
  }
  const slices = distinct.map((key, s) => {
    const values: Array<LabelValue | null> = new Array(coded.length);
    let rest = key;
    for (let c = coded.length - 1; c >= 0; c--) {
      const digit = rest % radices[c];
      rest = (rest - digit) / radices[c];
      values[c] = digit === radices[c] - 1 ? null : coded[c].classes[digit];
    }
    return { values, indices: new Uint32Array(counts[s]) };
  });
  const fill = new Uint32Array(distinct.length);
  for (let i = 0; i < n; i++) {
    const s = which[i];
    slices[s].indices[fill[s]++] = i;
  }
  return slices;
}
