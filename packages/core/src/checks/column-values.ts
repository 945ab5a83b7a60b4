import {
  ARROW_TYPE_BOOL, ARROW_TYPE_DICTIONARY, ARROW_TYPE_LARGE_UTF8, ARROW_TYPE_UTF8, type ArrowColumn, type ArrowTypeLike,
} from '../columns/arrow-column.js';
import { arrowTypeName } from '../columns/arrow-type-name.js';
import { toLabelCodes } from '../columns/to-label-codes.js';
import { isNumericArrowType, toNumericArray } from '../columns/to-numeric-array.js';

/** Arrow's type ids of dates, times of day and timestamps (stable: they mirror the Arrow format). */
const ARROW_TYPE_DATE = 8;
const ARROW_TYPE_TIME = 9;
const ARROW_TYPE_TIMESTAMP = 10;

/** How the checks treat a column: numbers (and dates, as milliseconds) or categories (strings, booleans). */
export type ColumnKind = 'numeric' | 'categorical';

/** One batch of a column as the checks read it. */
export type ColumnValues =
  | { readonly kind: 'numeric'; readonly values: Float64Array | Float32Array }
  | {
    readonly kind: 'categorical';
    /** Per row: index into `classes`, or -1 for null. */
    readonly codes: Int32Array;
    readonly classes: readonly string[];
    /** A Bool column: classes are `false`/`true`, and rows hash as the numbers 0/1. */
    readonly boolean: boolean;
  };

/**
 * The kind a column of this Arrow type has for the checks.
 * @param type - the Arrow type
 * @returns `numeric` for numbers, decimals, dates, times and timestamps; `categorical` for everything else
 * @example
 * ```ts
 * columnKind(new Utf8()); // 'categorical'
 * ```
 */
export function columnKind(type: ArrowTypeLike): ColumnKind {
  if (type.typeId === ARROW_TYPE_BOOL) return 'categorical';
  if (type.typeId === ARROW_TYPE_DICTIONARY && type.dictionary?.typeId === ARROW_TYPE_BOOL) return 'categorical';
  if (isNumericArrowType(type) || isTemporal(type)) return 'numeric';
  return 'categorical';
}

/**
 * Reads one batch of a column for the checks: numbers as float64 (nulls as NaN; dates and timestamps as epoch
 * milliseconds), anything else as category codes over the batch's distinct values (their text).
 *
 * @param column - the column of one record batch
 * @param name - its name, for messages
 * @returns the values or codes
 * @example
 * ```ts
 * const v = columnValues(batch.getChild('city')!, 'city'); // { kind: 'categorical', codes, classes }
 * ```
 */
export function columnValues(column: ArrowColumn, name: string): ColumnValues {
  const type = column.type;
  if (isTemporal(type)) return { kind: 'numeric', values: temporalMillis(column) };
  if (columnKind(type) === 'numeric') return { kind: 'numeric', values: toNumericArray(column, name).values };
  const valueType = type.typeId === ARROW_TYPE_DICTIONARY ? type.dictionary?.typeId : type.typeId;
  if (valueType === ARROW_TYPE_BOOL || valueType === ARROW_TYPE_UTF8 || valueType === ARROW_TYPE_LARGE_UTF8) {
    const coded = toLabelCodes(column, name);
    return { kind: 'categorical', codes: coded.codes, classes: coded.classes.map(String), boolean: coded.kind === 'boolean' };
  }
  return textCodes(column);
}

/**
 * The Arrow type of a column as a short name (`float64`, `utf8`, `dictionary<utf8>`), for schema comparisons.
 * @param column - the column
 * @returns the name
 * @example
 * ```ts
 * typeNameOf(vectorFromArray([1, 2], new Int32())); // 'int32'
 * ```
 */
export function typeNameOf(column: ArrowColumn): string {
  return arrowTypeName(column.type);
}

function isTemporal(type: ArrowTypeLike): boolean {
  return type.typeId === ARROW_TYPE_DATE || type.typeId === ARROW_TYPE_TIME || type.typeId === ARROW_TYPE_TIMESTAMP;
}

/** Dates and timestamps as epoch milliseconds (apache-arrow decodes the unit on `get`). */
function temporalMillis(column: ArrowColumn): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column.get(i);
    out[i] = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : Number(v);
  }
  return out;
}

/** Any other type (binary, nested, ...): rows coded by their text, which is slow but rare. */
function textCodes(column: ArrowColumn): ColumnValues {
  const codes = new Int32Array(column.length);
  const index = new Map<string, number>();
  const classes: string[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column.get(i);
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    const text = typeof v === 'object' && !(v instanceof Uint8Array) ? JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) : String(v);
    let code = index.get(text);
    if (code === undefined) {
      code = classes.length;
      classes.push(text);
      index.set(text, code);
    }
    codes[i] = code;
  }
  return { kind: 'categorical', codes, classes, boolean: false };
}
