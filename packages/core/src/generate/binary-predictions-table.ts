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
} from 'apache-arrow';
import { generateBinaryPredictions, type BinaryPredictionsOptions } from './binary-predictions.js';

/** Columns of {@link binaryPredictionsTable}. */
export type BinaryPredictionsSchema = {
  id: Int32;
  label: Int8;
  score: Float64;
  segment: Dictionary<Utf8, Int8>;
};

/**
 * Generates seeded binary-classifier predictions as an Arrow table: `id` (Int32, 0..rows-1), `label` (Int8, 0/1),
 * `score` (Float64, probability in [0, 1]) and `segment` (Dictionary<Utf8> with Int8 indices: `web`, `mobile`,
 * `store`, `partner`, skewed).
 *
 * @remarks
 * The columns are the typed arrays of {@link generateBinaryPredictions}, wrapped without copying, in one record batch;
 * every field is declared non-nullable and holds no nulls. Same options, same bytes: `tableToIPC(binaryPredictionsTable(o), 'file')` is reproducible, which the
 * benchmarks rely on.
 *
 * @param options - as for {@link generateBinaryPredictions}
 * @returns an Arrow table of `options.rows` rows
 * @throws ValidationError when an option is out of range
 * @example
 * ```ts
 * import { tableToIPC } from 'apache-arrow';
 * const bytes = tableToIPC(binaryPredictionsTable({ rows: 1_000_000, seed: 1 }), 'file');
 * ```
 */
export function binaryPredictionsTable(options: BinaryPredictionsOptions): Table<BinaryPredictionsSchema> {
  const { rows, label, score, segment, segmentNames } = generateBinaryPredictions(options);
  const id = new Int32Array(rows);
  for (let i = 0; i < rows; i += 1) id[i] = i;
  const segmentType = new Dictionary(new Utf8(), new Int8(), 0, false);
  const schema = new Schema<BinaryPredictionsSchema>([
    new Field('id', new Int32(), false),
    new Field('label', new Int8(), false),
    new Field('score', new Float64(), false),
    new Field('segment', segmentType, false),
  ]);
  const children = [
    makeData({ type: new Int32(), length: rows, nullCount: 0, data: id }),
    makeData({ type: new Int8(), length: rows, nullCount: 0, data: label }),
    makeData({ type: new Float64(), length: rows, nullCount: 0, data: score }),
    makeData({
      type: segmentType,
      length: rows,
      nullCount: 0,
      data: segment,
      dictionary: vectorFromArray([...segmentNames], new Utf8()),
    }),
  ];
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct<BinaryPredictionsSchema>(schema.fields), length: rows, nullCount: 0, children }),
  );
  return new Table(schema, batch);
}
