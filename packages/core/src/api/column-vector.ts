import { Bool, Float64, Int64, Utf8, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { isArrowColumn } from '../columns/index.js';
import { ValidationError } from '../errors.js';

/** A typed array an evaluation can read as a column (numbers; BigInt64 for int64 ids). */
export type NumericTypedArray =
  | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array
  | BigInt64Array | BigUint64Array;

/**
 * One column of input: an Arrow `Vector`, a typed array, or a plain array of numbers, strings or booleans
 * (`null` marks a missing value).
 */
export type ColumnInput =
  | Vector
  | NumericTypedArray
  | ReadonlyArray<number | null>
  | ReadonlyArray<string | null>
  | ReadonlyArray<boolean | null>
  | ReadonlyArray<bigint | null>;

/**
 * Turns one column of input into an Arrow vector: vectors as they are, typed arrays without a copy, plain arrays
 * copied into the Arrow type of their values (float64, utf8, bool or int64), nulls kept as nulls.
 *
 * @param name - the column's name (for messages)
 * @param column - the values
 * @returns an Arrow vector over the values
 * @throws ValidationError `invalid_input` for a plain array mixing kinds of values or holding objects, naming the
 * column and the first row that differs
 * @example
 * ```ts
 * import { columnVector } from '@modelperf/core/internal';
 * console.log(columnVector('y', [1, 0, null]).nullCount); // 1
 * ```
 */
export function columnVector(name: string, column: ColumnInput): Vector {
  if (isArrowColumn(column)) return column as Vector;
  if (ArrayBuffer.isView(column) && !(column instanceof DataView)) return makeVector(column as NumericTypedArray) as Vector;
  if (!Array.isArray(column)) {
    throw new ValidationError('invalid_input',
      `Column \`${name}\` must be an Arrow Vector, a typed array or an array of values, got ${describe(column)}.`);
  }
  const values = column as readonly unknown[];
  let kind: 'number' | 'string' | 'boolean' | 'bigint' | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const t = typeof v;
    if (t !== 'number' && t !== 'string' && t !== 'boolean' && t !== 'bigint') {
      throw new ValidationError('invalid_input',
        `Column \`${name}\` holds ${describe(v)} at row ${i}; expected numbers, strings or booleans (null for missing).`);
    }
    if (kind === undefined) kind = t as NonNullable<typeof kind>;
    else if (t !== kind) {
      throw new ValidationError('invalid_input',
        `Column \`${name}\` mixes ${kind} and ${t} values (row ${i}: ${JSON.stringify(String(v))}); convert it to one kind.`);
    }
  }
  const list = values.map((v) => (v === undefined ? null : v));
  switch (kind) {
    case 'string': return vectorFromArray(list as Array<string | null>, new Utf8()) as Vector;
    case 'boolean': return vectorFromArray(list as Array<boolean | null>, new Bool()) as Vector;
    case 'bigint': return vectorFromArray(list as Array<bigint | null>, new Int64()) as Vector;
    default:
      // All numbers (or all missing): float64 without nulls is a zero-copy view; with nulls Arrow keeps a validity map.
      if (!list.includes(null)) return makeVector(Float64Array.from(list as number[])) as Vector;
      return vectorFromArray(list as Array<number | null>, new Float64()) as Vector;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `an object (${Object.prototype.toString.call(value).slice(8, -1)})` : typeof value;
}
