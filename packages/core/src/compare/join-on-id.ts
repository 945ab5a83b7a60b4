import { Table, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { getColumn, toLabelCodes, toNumericArray } from '../columns/index.js';
import { isNumericArrowType } from '../columns/to-numeric-array.js';
import { ValidationError } from '../errors.js';
import { gatherRows } from '../evaluate/gather-rows.js';
import type { LabelValue } from '../report/report.js';

/** A column of the right table to bring over, under a new name. */
export interface JoinedColumn {
  /** Its name in the right table. */
  readonly from: string;
  /** Its name in the joined table (must not clash with a left column). */
  readonly as: string;
}

/** How the two tables are named in messages (e.g. their file paths). */
export interface JoinNames {
  readonly left: string;
  readonly right: string;
}

/** Ids listed in a message before "..." */
const SHOWN = 5;

/**
 * Joins the rows of two tables one-to-one on an id column: the left table's columns plus the chosen right columns,
 * reordered to the left table's row order. Built for comparing a model scored in one file against a baseline scored
 * in another.
 *
 * @param left - the table whose rows and order are kept (the candidate's)
 * @param right - the table the extra columns come from (the baseline's)
 * @param id - the id column, present in both; or `{ left, right }` when it is named differently in each; numbers,
 * strings or booleans (numbers compared as float64)
 * @param columns - right columns to bring over and their new names
 * @param names - how to name the tables in messages (default "left"/"right")
 * @returns a new table: every left column (not copied) and the right columns gathered into left order
 * @throws SchemaError for a missing id or right column; ValidationError `invalid_argument` for a new name that clashes, `invalid_input`
 * naming the ids for a null id, an id repeated in either table, or ids present in one table only (the tables must
 * hold the same set of ids)
 * @example
 * ```ts
 * import { joinOnId, toTable } from '@modelperf/core';
 * const candidate = toTable({ id: [1, 2, 3], y: [0, 1, 1], p: [0.2, 0.7, 0.8] });
 * const baseline = toTable({ id: [3, 1, 2], p: [0.9, 0.1, 0.6] });
 * const joined = joinOnId(candidate, baseline, 'id', [{ from: 'p', as: 'baseline' }], { left: 'cand.arrow', right: 'base.arrow' });
 * console.log(Array.from(joined.getChild('baseline')!.toArray()).join(',')); // 0.1,0.6,0.9
 * ```
 */
export function joinOnId(
  left: Table, right: Table, id: string | { readonly left: string; readonly right: string }, columns: readonly JoinedColumn[],
  names: JoinNames = { left: 'left', right: 'right' },
): Table {
  const leftId = typeof id === 'string' ? id : id.left;
  const rightId = typeof id === 'string' ? id : id.right;
  const leftIds = toLabelCodes(getColumn(left, leftId), leftId);
  const rightIds = toLabelCodes(getColumn(right, rightId), rightId);
  checkNoNull(leftIds.firstNullRow, leftId, names.left);
  checkNoNull(rightIds.firstNullRow, rightId, names.right);
  for (const c of columns) {
    getColumn(right, c.from);
    if (left.schema.fields.some((f) => f.name === c.as)) {
      throw new ValidationError('invalid_argument', `Column \`${c.as}\` of ${names.right} would clash with column \`${c.as}\` of ${names.left}; give the baseline another name.`);
    }
  }
  const rightRowOfClass = firstRowPerClass(rightIds.codes, rightIds.classes, rightId, names.right);
  firstRowPerClass(leftIds.codes, leftIds.classes, leftId, names.left);

  const rightClassOf = new Map<LabelValue, number>(rightIds.classes.map((v, c) => [v, c]));
  const leftToRight = leftIds.classes.map((v) => rightClassOf.get(v) ?? -1);
  const missing = leftIds.classes.filter((_, c) => leftToRight[c] < 0);
  if (missing.length > 0) {
    throw new ValidationError('invalid_input',
      `${missing.length} id(s) of ${names.left} are missing from ${names.right} (\`${leftId}\` ${listIds(missing)}); both files must hold the same rows.`);
  }
  if (rightIds.classes.length !== leftIds.classes.length) {
    const matched = new Uint8Array(rightIds.classes.length);
    for (const c of leftToRight) matched[c] = 1;
    const extra = rightIds.classes.filter((_, c) => matched[c] === 0);
    throw new ValidationError('invalid_input',
      `${extra.length} id(s) of ${names.right} are missing from ${names.left} (\`${rightId}\` ${listIds(extra)}); both files must hold the same rows.`);
  }
  const order = new Uint32Array(left.numRows);
  for (let i = 0; i < order.length; i++) order[i] = rightRowOfClass[leftToRight[leftIds.codes[i]]];

  const vectors: Record<string, Vector> = {};
  for (const field of left.schema.fields) vectors[field.name] = left.getChild(field.name) as Vector;
  for (const c of columns) vectors[c.as] = gatherColumn(right, c.from, order);
  return new Table(vectors);
}

function checkNoNull(row: number, id: string, table: string): void {
  if (row >= 0) throw new ValidationError('null_value', `Id column \`${id}\` of ${table} holds a null at row ${row}; every row needs an id to be joined.`);
}

/** The row of each id; an id seen twice is an error naming it and both rows. */
function firstRowPerClass(codes: Int32Array, classes: readonly LabelValue[], id: string, table: string): Int32Array {
  const rowOf = new Int32Array(classes.length).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (rowOf[c] >= 0) {
      throw new ValidationError('invalid_input',
        `Id ${JSON.stringify(classes[c])} occurs twice in column \`${id}\` of ${table} (rows ${rowOf[c]} and ${i}); ids must be unique to join.`);
    }
    rowOf[c] = i;
  }
  return rowOf;
}

function listIds(values: readonly LabelValue[]): string {
  return values.slice(0, SHOWN).map((v) => JSON.stringify(v)).join(', ') + (values.length > SHOWN ? ', ...' : '');
}

/** A right column in left order: numbers as a float64 vector (nulls as NaN), anything else value by value. */
function gatherColumn(table: Table, name: string, order: Uint32Array): Vector {
  const column = getColumn(table, name);
  if (isNumericArrowType(column.type)) return makeVector(gatherRows(toNumericArray(column, name).values, order));
  const vector = table.getChild(name) as Vector;
  return vectorFromArray(Array.from(order, (row) => vector.get(row)));
}
