import { SchemaError, ValidationError } from '../errors.js';
import {
  ARROW_TYPE_BOOL,
  ARROW_TYPE_DICTIONARY,
  ARROW_TYPE_INT,
  ARROW_TYPE_LARGE_UTF8,
  ARROW_TYPE_UTF8,
  type ArrowColumn,
  isArrowColumn,
} from './arrow-column.js';
import { columnTypeError } from './column-type-error.js';
import { compareCodePoints } from './compare-code-points.js';
import { dictionaryLabelCodes } from './dictionary-label-codes.js';
import type { LabelCodeParts } from './label-code-parts.js';
import { numericLabelCodes, twoValueLabelCodes, type IntegerLabelArray } from './numeric-label-codes.js';
import { rankLabelCodes } from './rank-label-codes.js';
import { isNumericArrowType, toNumericArray } from './to-numeric-array.js';
import { utf8LabelCodes } from './utf8-label-codes.js';

/** A label column coded as integers: what the classification kernels consume. */
export interface LabelCodeColumn {
  /** Per row: index into `classes`, or -1 for null (or NaN). */
  readonly codes: Int32Array;
  /** Distinct label values, sorted as numpy.unique sorts: numbers ascending, strings by code point, false < true. */
  readonly classes: Array<number | string | boolean>;
  /** What the labels are. */
  readonly kind: 'number' | 'string' | 'boolean';
  readonly nullCount: number;
  /** First row that is null (or NaN), or -1. */
  readonly firstNullRow: number;
  /**
   * Only for a null-free integer column (Int8..Int32, Uint8..Uint32, one chunk) whose values span at most two adjacent
   * integers, e.g. 0/1: the column's own buffer, with `codes[i] = integerValues[i] - classes[0]`. `codes` is then
   * computed on first use, and binary tasks read these values instead.
   */
  readonly integerValues?: IntegerLabelArray;
}

/**
 * Codes a label column: the sorted distinct values (`classes`) and, per row, the index of its value.
 *
 * @remarks
 * Numbers of any Arrow numeric type (Int8..Int64, Uint*, Float*, Decimal, dictionaries of numbers) are compared as
 * float64 values, so `1`, `1.0` and `1n` are one class; NaN counts as null. Small integer labels are coded through a
 * direct-index table (no hashing per row). Utf8/LargeUtf8 rows are hashed as bytes and Dictionary<Utf8> rows mapped
 * through their dictionary, so strings are decoded once per distinct value. Bool gives `false < true`. Entries of a
 * dictionary that no row uses are not classes. The input is never modified.
 *
 * @param column - an apache-arrow `Vector` (recognised by shape)
 * @param name - the column's name, for messages
 * @returns codes, classes, kind, and where the nulls are
 * @throws SchemaError `column_type` for a column that cannot hold labels (binary, dates, nested); ValidationError
 * `invalid_argument` when `column` is not an Arrow vector
 * @example
 * ```ts
 * const { codes, classes } = toLabelCodes(vectorFromArray(['spam', 'ham', 'spam']), 'label');
 * // classes ['ham', 'spam'], codes [1, 0, 1]
 * ```
 * @see numpy.unique(y, return_inverse=True), as scikit-learn's LabelEncoder uses it
 */
export function toLabelCodes(column: ArrowColumn, name: string): LabelCodeColumn {
  if (!isArrowColumn(column)) {
    throw new ValidationError('invalid_argument', `Expected column \`${name}\` to be an Arrow vector.`);
  }
  const type = column.type;
  const valueType = type.typeId === ARROW_TYPE_DICTIONARY ? type.dictionary?.typeId : undefined;
  if (type.typeId === ARROW_TYPE_BOOL) return { ...booleanLabelCodes(column), kind: 'boolean' };
  if (type.typeId === ARROW_TYPE_UTF8 || type.typeId === ARROW_TYPE_LARGE_UTF8) {
    return { ...utf8LabelCodes(column), kind: 'string' };
  }
  if (valueType === ARROW_TYPE_UTF8 || valueType === ARROW_TYPE_LARGE_UTF8) {
    return { ...dictionaryLabelCodes(column), kind: 'string' };
  }
  if (isNumericArrowType(type) && valueType !== ARROW_TYPE_BOOL) {
    const small = smallIntegerView(column);
    const two = small !== undefined ? twoValueLabelCodes(small) : undefined;
    if (two !== undefined) return two; // not spread into a new object: that would call the `codes` getter
    return { ...numericLabelCodes(small ?? toNumericArray(column, name).values), kind: 'number' };
  }
  return genericLabelCodes(column, name);
}

/**
 * The values of a null-free Int8..Int32 / Uint8..Uint32 column as the Arrow buffer itself (one chunk) or its chunks
 * joined into one array of the same type (several chunks: a stream's leaf of batches): integer labels (the common
 * case) are coded without first being widened to a float64 copy (measured: 1e7 Int8 labels 218 -> 75 ms).
 */
function smallIntegerView(column: ArrowColumn): IntegerLabelArray | undefined {
  const chunks = column.data;
  if (chunks.length === 0) return undefined;
  const views: IntegerLabelArray[] = [];
  for (const data of chunks) {
    const type = data.type;
    if (type.typeId !== ARROW_TYPE_INT || (type.bitWidth ?? 64) > 32 || data.nullCount !== 0) return undefined;
    const values = data.values as IntegerLabelArray;
    if (views.length > 0 && values.constructor !== views[0].constructor) return undefined;
    views.push(values.length === data.length ? values : values.subarray(0, data.length));
  }
  if (views.length === 1) return views[0];
  const joined = new (views[0].constructor as new (n: number) => IntegerLabelArray)(column.length);
  let at = 0;
  for (const view of views) {
    joined.set(view, at);
    at += view.length;
  }
  return joined;
}

function booleanLabelCodes(column: ArrowColumn): LabelCodeParts<boolean> {
  const codes = new Int32Array(column.length);
  let nullCount = 0;
  let firstNullRow = -1;
  let at = 0;
  for (const data of column.data) {
    const bits = data.values as Uint8Array;
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0, bit = data.offset, n = data.length; i < n; i++, bit++) {
      if (bitmap !== undefined && (bitmap.length === 0 || (bitmap[bit >> 3] & (1 << (bit & 7))) === 0)) {
        codes[at + i] = -1;
        if (nullCount++ === 0) firstNullRow = at + i;
      } else {
        codes[at + i] = (bits[bit >> 3] >> (bit & 7)) & 1;
      }
    }
    at += data.length;
  }
  const classes = rankLabelCodes(codes, [false, true], (a, b) => Number(a) - Number(b));
  return { codes, classes, nullCount, firstNullRow };
}

/** Any other column whose values are all strings, numbers or booleans (e.g. Utf8View): coded through a Map. */
function genericLabelCodes(column: ArrowColumn, name: string): LabelCodeColumn {
  const codes = new Int32Array(column.length);
  const ids = new Map<unknown, number>();
  const values: Array<number | string | boolean> = [];
  let kind: LabelCodeColumn['kind'] | undefined;
  let nullCount = 0;
  let firstNullRow = -1;
  let row = 0;
  for (const raw of column) {
    let value: unknown = typeof raw === 'bigint' ? Number(raw) : raw;
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
      codes[row] = -1;
      if (nullCount++ === 0) firstNullRow = row;
      row++;
      continue;
    }
    const valueKind = typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : undefined;
    if (valueKind === undefined) throw columnTypeError(name, 'labels (numbers, strings or booleans)', column);
    if (kind !== undefined && valueKind !== kind) {
      throw new SchemaError('column_type', `Column \`${name}\` mixes ${kind} and ${valueKind} labels (row ${row}).`);
    }
    kind = valueKind;
    if (value === 0) value = 0; // -0 and 0 are one class
    let id = ids.get(value);
    if (id === undefined) {
      id = values.length;
      ids.set(value, id);
      values.push(value as number | string | boolean);
    }
    codes[row++] = id;
  }
  const resolved = kind ?? 'number';
  const compare =
    resolved === 'string' ? (a: unknown, b: unknown) => compareCodePoints(a as string, b as string) : (a: unknown, b: unknown) => Number(a) - Number(b);
  const classes = rankLabelCodes(codes, values, compare);
  return { codes, classes, kind: resolved, nullCount, firstNullRow };
}
