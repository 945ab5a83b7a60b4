import type { Float64, Int8, Int32, Table } from 'apache-arrow';
import { generateBinaryPredictions, type BinaryPredictionsOptions } from './binary-predictions.js';
import { generatedTable, rowIds, type SegmentType } from './generated-table.js';

/** Columns of {@link binaryPredictionsTable}. */
export type BinaryPredictionsSchema = {
  id: Int32;
  label: Int8;
  score: Float64;
  segment: SegmentType;
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
 * import { binaryPredictionsTable } from '@modelperf/core';
 * const table = binaryPredictionsTable({ rows: 1000, seed: 7 });
 * console.log(table.numRows, table.schema.fields.map((f) => f.name).join(',')); // 1000 ...
 * ```
 */
export function binaryPredictionsTable(options: BinaryPredictionsOptions): Table<BinaryPredictionsSchema> {
  const { rows, label, score, segment, segmentNames } = generateBinaryPredictions(options);
  return generatedTable<BinaryPredictionsSchema>(
    rows,
    [{ name: 'id', data: rowIds(rows) }, { name: 'label', data: label }, { name: 'score', data: score }],
    { codes: segment, names: segmentNames },
  );
}
