import { ValidationError } from '../errors.js';
import {
  ARROW_TYPE_BOOL,
  ARROW_TYPE_DECIMAL,
  ARROW_TYPE_DICTIONARY,
  ARROW_TYPE_FLOAT,
  ARROW_TYPE_INT,
  ARROW_TYPE_NULL,
  type ArrowColumn,
  type ArrowDataLike,
  type ArrowTypeLike,
  isArrowColumn,
} from './arrow-column.js';
import { columnTypeError } from './column-type-error.js';
import { dictionaryIndices } from './dictionary-indices.js';

/** A numeric column as a typed array, nulls read as NaN. */
export interface NumericColumn {
  /** The values; a zero-copy view of the Arrow buffer, or a Float64Array copy (see {@link toNumericArray}). */
  readonly values: Float64Array | Float32Array;
  /** Arrow nulls in the column (NaN values that are not nulls are not counted). */
  readonly nullCount: number;
}

/**
 * Tells whether an Arrow type can be read as numbers by {@link toNumericArray}.
 * @param type - an Arrow data type
 * @returns true for Int*, Uint*, Float*, Bool, Decimal, Null, and dictionaries of those
 * @example
 * ```ts
 * isNumericArrowType(new Int64()); // true
 * isNumericArrowType(new Utf8());  // false
 * ```
 */
export function isNumericArrowType(type: ArrowTypeLike): boolean {
  switch (type.typeId) {
    case ARROW_TYPE_INT:
    case ARROW_TYPE_FLOAT:
    case ARROW_TYPE_BOOL:
    case ARROW_TYPE_DECIMAL:
    case ARROW_TYPE_NULL:
      return true;
    case ARROW_TYPE_DICTIONARY:
      return type.dictionary !== undefined && isNumericArrowType(type.dictionary);
    default:
      return false;
  }
}

/**
 * Reads an Arrow column as numbers for the metric kernels.
 *
 * @remarks
 * Zero-copy only when it is safe: a Float64 or Float32 column of one chunk without nulls is returned as a view of
 * the Arrow buffer (do not modify it). Anything else is copied into a new Float64Array: Int8..Int64 and Uint8..Uint64
 * (64-bit integers converted exactly up to 2^53, rounded to the nearest double beyond), Bool (false 0, true 1),
 * Float16, Decimal (scaled), Null, dictionaries of numbers, several chunks, or nulls; nulls become NaN. The input
 * is never modified.
 *
 * @param column - an apache-arrow `Vector` (recognised by shape)
 * @param name - the column's name, for messages
 * @returns the values and the number of nulls
 * @throws SchemaError `column_type` for a non-numeric column, naming its type and a first value; ValidationError
 * `invalid_argument` when `column` is not an Arrow vector
 * @example
 * ```ts
 * const { values, nullCount } = toNumericArray(getColumn(table, 'score'), 'score');
 * ```
 */
export function toNumericArray(column: ArrowColumn, name: string): NumericColumn {
  if (!isArrowColumn(column)) {
    throw new ValidationError('invalid_argument', `Expected column \`${name}\` to be an Arrow vector.`);
  }
  if (!isNumericArrowType(column.type)) throw columnTypeError(name, 'numeric', column);
  const chunks = column.data;
  if (chunks.length === 1) {
    const data = chunks[0];
    if (data.type.typeId === ARROW_TYPE_FLOAT && data.type.precision !== 0 && data.nullCount === 0) {
      const values = data.values as Float64Array | Float32Array;
      // Arrow buffers are padded to 8 bytes, so a Float32 buffer may hold one extra value.
      return { values: values.length === data.length ? values : values.subarray(0, data.length), nullCount: 0 };
    }
  }
  const out = new Float64Array(column.length);
  let at = 0;
  let nullCount = 0;
  for (const data of chunks) {
    copyChunk(data, out, at);
    if (data.nullCount > 0) nullCount += markNulls(data, out, at);
    at += data.length;
  }
  return { values: out, nullCount };
}

/** Copies one chunk's values into `out` at `at`, converted to float64 (null slots hold whatever the buffer holds). */
function copyChunk(data: ArrowDataLike, out: Float64Array, at: number): void {
  const n = data.length;
  const type = data.type;
  switch (type.typeId) {
    case ARROW_TYPE_FLOAT:
      if (type.precision === 0) copyHalfFloats(data.values as Uint16Array, n, out, at);
      else out.set((data.values as Float64Array | Float32Array).subarray(0, n), at);
      return;
    case ARROW_TYPE_INT:
      if (type.bitWidth === 64) copyInt64(data.values as BigInt64Array | BigUint64Array, n, type.isSigned !== false, out, at);
      else out.set((data.values as Int32Array).subarray(0, n), at);
      return;
    case ARROW_TYPE_BOOL: {
      const bits = data.values as Uint8Array;
      for (let i = 0, bit = data.offset; i < n; i++, bit++) out[at + i] = (bits[bit >> 3] >> (bit & 7)) & 1;
      return;
    }
    case ARROW_TYPE_DECIMAL:
      copyDecimals(data, out, at);
      return;
    case ARROW_TYPE_DICTIONARY: {
      const dictionary = data.dictionary as ArrowColumn;
      const lookup = toNumericArray(dictionary, 'dictionary').values;
      const indices = dictionaryIndices(data);
      for (let i = 0; i < n; i++) out[at + i] = lookup[indices[i]];
      return;
    }
    default: // Null
      out.fill(NaN, at, at + n);
  }
}

/** Sets null rows of a chunk to NaN; returns how many there were. */
function markNulls(data: ArrowDataLike, out: Float64Array, at: number): number {
  const bitmap = data.nullBitmap;
  const n = data.length;
  if (bitmap === undefined || bitmap.length === 0) {
    out.fill(NaN, at, at + n);
    return n;
  }
  let nulls = 0;
  for (let i = 0, bit = data.offset; i < n; i++, bit++) {
    if ((bitmap[bit >> 3] & (1 << (bit & 7))) === 0) {
      out[at + i] = NaN;
      nulls++;
    }
  }
  return nulls;
}

/**
 * Reads 64-bit integers through two int32 halves: `hi * 2^32 + lo` is one rounding, so it equals `Number(bigint)`
 * (exact up to 2^53) at a fraction of the cost of converting each BigInt.
 */
function copyInt64(values: BigInt64Array | BigUint64Array, n: number, signed: boolean, out: Float64Array, at: number): void {
  const halves = new Int32Array(values.buffer, values.byteOffset, n * 2);
  if (signed) {
    for (let i = 0; i < n; i++) out[at + i] = halves[2 * i + 1] * 4294967296 + (halves[2 * i] >>> 0);
  } else {
    for (let i = 0; i < n; i++) out[at + i] = (halves[2 * i + 1] >>> 0) * 4294967296 + (halves[2 * i] >>> 0);
  }
}

function copyHalfFloats(values: Uint16Array, n: number, out: Float64Array, at: number): void {
  for (let i = 0; i < n; i++) {
    const h = values[i];
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    out[at + i] =
      exponent === 0 ? sign * fraction * 2 ** -24
      : exponent === 31 ? (fraction === 0 ? sign * Infinity : NaN)
      : sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
}

function copyDecimals(data: ArrowDataLike, out: Float64Array, at: number): void {
  // The buffer holds the unscaled integer in little-endian two's complement words; value = integer / 10^scale.
  const scale = 10 ** (data.type.scale ?? 0);
  const values = data.values as Uint32Array;
  const words = (data.type.bitWidth ?? 128) / 32;
  for (let i = 0; i < data.length; i++) {
    let value = 0;
    // Two's complement little-endian words -> number, most significant word first.
    const negative = (values[i * words + words - 1] & 0x80000000) !== 0;
    for (let w = words - 1; w >= 0; w--) {
      const word = values[i * words + w] >>> 0;
      value = value * 4294967296 + (negative ? ~word >>> 0 : word);
    }
    out[at + i] = (negative ? -(value + 1) : value) / scale;
  }
}
