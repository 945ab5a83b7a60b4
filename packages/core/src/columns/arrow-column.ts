/**
 * The structural shape of an apache-arrow `Vector` (and of its `Data` chunks) that the column readers use. Arrow
 * objects are recognised by this shape, never by `instanceof`: two copies of apache-arrow in one program (an app's
 * and a library's) make `instanceof` fail.
 */

/** An Arrow data type, as apache-arrow's `DataType` exposes it. */
export interface ArrowTypeLike {
  readonly typeId: number;
  readonly bitWidth?: number;
  readonly isSigned?: boolean;
  /** Float precision: 0 half, 1 single, 2 double. */
  readonly precision?: number;
  readonly scale?: number;
  readonly unit?: number;
  /** Dictionary value type. */
  readonly dictionary?: ArrowTypeLike;
  /** Dictionary index type. */
  readonly indices?: ArrowTypeLike;
  readonly children?: ReadonlyArray<{ readonly type: ArrowTypeLike }>;
  toString(): string;
}

/** One contiguous chunk of a column, as apache-arrow's `Data`. */
export interface ArrowDataLike {
  readonly type: ArrowTypeLike;
  readonly length: number;
  /** Bit offset of row 0 in `nullBitmap` (and in `values` for Bool); other buffers are already sliced. */
  readonly offset: number;
  readonly nullCount: number;
  readonly nullBitmap?: Uint8Array;
  readonly values?: unknown;
  readonly valueOffsets?: Int32Array | BigInt64Array;
  readonly dictionary?: ArrowColumn;
}

/** A column: apache-arrow's `Vector`, one or more chunks of one type. */
export interface ArrowColumn {
  readonly type: ArrowTypeLike;
  readonly length: number;
  readonly nullCount: number;
  readonly data: readonly ArrowDataLike[];
  get(index: number): unknown;
  [Symbol.iterator](): IterableIterator<unknown>;
}

/** A table: apache-arrow's `Table`, columns looked up by name. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChild(name: string): ArrowColumn | null;
}

/**
 * Tells whether a value looks like an apache-arrow `Vector` (any copy of the library).
 * @param value - anything
 * @returns true when it has a `type` with a numeric `typeId`, a `data` array of chunks, `length` and `get`
 * @example
 * ```ts
 * isArrowColumn(table.getChild('score')); // true
 * isArrowColumn(new Float64Array(3));     // false
 * ```
 */
export function isArrowColumn(value: unknown): value is ArrowColumn {
  const v = value as Partial<ArrowColumn> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.type === 'object' && v.type !== null &&
    typeof v.type.typeId === 'number' && Array.isArray(v.data) && typeof v.length === 'number' &&
    typeof v.get === 'function'
  );
}

/**
 * Tells whether a value looks like an apache-arrow `Table` (any copy of the library).
 * @param value - anything
 * @returns true when it has `numRows`, a `schema` with `fields` and `getChild`
 * @example
 * ```ts
 * isArrowTable(tableFromArrays({ y: Int8Array.of(1) })); // true
 * ```
 */
export function isArrowTable(value: unknown): value is ArrowTableLike {
  const v = value as Partial<ArrowTableLike> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.numRows === 'number' && typeof v.getChild === 'function' &&
    typeof v.schema === 'object' && v.schema !== null && Array.isArray(v.schema.fields)
  );
}

/**
 * Tells whether row `index` of a chunk is valid (not null).
 * @param data - the chunk
 * @param index - row within the chunk
 * @returns false for a null
 * @example
 * ```ts
 * isValidAt(vector.data[0], 0);
 * ```
 */
export function isValidAt(data: ArrowDataLike, index: number): boolean {
  if (data.nullCount === 0) return true;
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap.length === 0) return data.type.typeId !== ARROW_TYPE_NULL;
  const bit = data.offset + index;
  return (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
}

/** apache-arrow's `Type` enum values used here; stable across library copies (they mirror Arrow's format). */
export const ARROW_TYPE_NULL = 1;
export const ARROW_TYPE_INT = 2;
export const ARROW_TYPE_FLOAT = 3;
export const ARROW_TYPE_BINARY = 4;
export const ARROW_TYPE_UTF8 = 5;
export const ARROW_TYPE_BOOL = 6;
export const ARROW_TYPE_DECIMAL = 7;
export const ARROW_TYPE_LARGE_UTF8 = 20;
export const ARROW_TYPE_UTF8_VIEW = 24;
export const ARROW_TYPE_DICTIONARY = -1;
