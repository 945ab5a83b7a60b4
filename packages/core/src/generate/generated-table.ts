import {
  Dictionary,
  Field,
  Float64,
  Int8,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  vectorFromArray,
  type TypeMap,
} from 'apache-arrow';

/** One numeric column of a generated table: its name and its values, whose array type fixes the Arrow type. */
export type GeneratedColumn =
  | { readonly name: string; readonly data: Int32Array }
  | { readonly name: string; readonly data: Int8Array }
  | { readonly name: string; readonly data: Float64Array };

/** Arrow type of the `segment` column of every generated table. */
export type SegmentType = Dictionary<Utf8, Int8>;

/**
 * Wraps typed arrays, without copying, as a one-batch Arrow table of non-nullable columns, followed by a `segment`
 * column (Dictionary<Utf8> with Int8 codes).
 *
 * @remarks
 * Int32Array becomes Int32, Int8Array Int8, Float64Array Float64. Every field is declared non-nullable and holds no
 * nulls, and nothing depends on the clock or the platform, so `tableToIPC(table, 'file')` gives the same bytes for
 * the same arrays.
 *
 * @param rows - length of every array
 * @param columns - the numeric columns, in order
 * @param segment - segment codes (`names[codes[i]]` is row i's segment) and the dictionary
 * @returns the table
 * @example
 * ```ts
 * const table = generatedTable<{ id: Int32; segment: SegmentType }>(2, [{ name: 'id', data: Int32Array.of(0, 1) }],
 *   { codes: Int8Array.of(0, 1), names: ['web', 'mobile'] });
 * ```
 */
export function generatedTable<T extends TypeMap>(
  rows: number,
  columns: readonly GeneratedColumn[],
  segment: { readonly codes: Int8Array; readonly names: readonly string[] },
): Table<T> {
  const segmentType: SegmentType = new Dictionary(new Utf8(), new Int8(), 0, false);
  const fields: Field[] = [];
  const children = columns.map(({ name, data }) => {
    const type = data instanceof Int32Array ? new Int32() : data instanceof Int8Array ? new Int8() : new Float64();
    fields.push(new Field(name, type, false));
    return makeData({ type, length: rows, nullCount: 0, data } as Parameters<typeof makeData>[0]);
  });
  fields.push(new Field('segment', segmentType, false));
  children.push(
    makeData({
      type: segmentType,
      length: rows,
      nullCount: 0,
      data: segment.codes,
      dictionary: vectorFromArray([...segment.names], new Utf8()),
    }),
  );
  const schema = new Schema<T>(fields);
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct<T>(schema.fields), length: rows, nullCount: 0, children }),
  );
  return new Table(schema, batch);
}

/**
 * The `id` column of a generated table: 0, 1, ..., rows - 1.
 *
 * @param rows - number of rows
 * @returns a fresh Int32Array
 * @example
 * ```ts
 * rowIds(3); // Int32Array [0, 1, 2]
 * ```
 */
export function rowIds(rows: number): Int32Array {
  const id = new Int32Array(rows);
  for (let i = 0; i < rows; i += 1) id[i] = i;
  return id;
}
