import { join } from 'node:path';
import { Float64, Int32, Table, vectorFromArray, type Vector } from 'apache-arrow';
import type { InputFormat } from '../../src/io/input-format.js';
import { writeTableFile } from '../../src/io/write-table-file.js';
import type { MulticlassFixture } from '../metrics/multiclass/multiclass-fixtures.js';
import type { MultilabelFixture } from '../metrics/multilabel/multilabel-fixtures.js';
import type { RankingFixture } from '../metrics/ranking/ranking-fixtures.js';
import type { RegressionFixture } from '../metrics/regression/regression-fixtures.js';

const ints = (values: readonly number[]): Vector => vectorFromArray(values as number[], new Int32());
const floats = (values: readonly number[]): Vector => vectorFromArray(values as number[], new Float64());

/** Score columns `p0..pK-1` (or `pred`), label `y` and optional weight `w` of a multiclass fixture. */
export function multiclassFixtureTable(f: MulticlassFixture): Table {
  const { labels, k, scores, pred, weights } = f.inputs;
  const columns: Record<string, Vector> = { y: ints(labels) };
  if (scores !== null) {
    for (let c = 0; c < k; c++) columns[`p${c}`] = floats(scores.map((row) => row[c]));
  }
  if (pred !== null) columns.pred = ints(pred);
  if (weights !== null) columns.w = floats(weights);
  return new Table(columns);
}

/** Label columns `y0..`, score columns `s0..` and optional weight `w` of a multilabel fixture. */
export function multilabelFixtureTable(f: MultilabelFixture): Table {
  const columns: Record<string, Vector> = {};
  f.inputs.labels.forEach((col, j) => { columns[`y${j}`] = ints(col); });
  f.inputs.scores.forEach((col, j) => { columns[`s${j}`] = floats(col); });
  if (f.inputs.weights !== null) columns.w = floats(f.inputs.weights);
  return new Table(columns);
}

/** Columns `y`, `yhat` and optional `w` of a regression fixture. */
export function regressionFixtureTable(f: RegressionFixture): Table {
  const columns: Record<string, Vector> = { y: floats(f.inputs.y_true), yhat: floats(f.inputs.y_pred) };
  if (f.inputs.weights !== null) columns.w = floats(f.inputs.weights);
  return new Table(columns);
}

/** Columns `qid`, `rel` and `score` of a ranking fixture. */
export function rankingFixtureTable(f: RankingFixture): Table {
  return new Table({ qid: ints(f.inputs.query), rel: floats(f.inputs.relevance), score: floats(f.inputs.scores) });
}

/** The file formats every task is checked in. */
export const FILE_FORMATS = ['arrow', 'parquet', 'csv'] as const satisfies readonly InputFormat[];

/**
 * Writes a table once per format into a directory.
 * @param dir - target directory
 * @param stem - file name without extension
 * @param table - the data
 * @returns the path of each format's file
 */
export async function writeInEveryFormat(dir: string, stem: string, table: Table): Promise<Record<(typeof FILE_FORMATS)[number], string>> {
  const out = {} as Record<(typeof FILE_FORMATS)[number], string>;
  for (const format of FILE_FORMATS) {
    const path = join(dir, `${stem}.${format}`);
    await writeTableFile(path, table, format);
    out[format] = path;
  }
  return out;
}
