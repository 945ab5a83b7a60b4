import type { ArrowColumn } from '../columns/arrow-column.js';
import { toLabelCodes } from '../columns/to-label-codes.js';
import type { LabelValue } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { CategoricalFeatureEncoding } from './feature-encoding.js';

/** Default cap on one-hot columns per categorical feature. */
export const DEFAULT_MAX_CATEGORIES = 20;

/**
 * Fits the one-hot encoding of a categorical (string, dictionary) column on the training split.
 *
 * @remarks
 * Every distinct training value gets a 0/1 column, missing (null) values being one more category. When there are
 * more than `maxCategories`, the `maxCategories - 1` most frequent keep their columns (ties: sorted value order) and
 * the rest share one `(other)` column, as scikit-learn's `OneHotEncoder(max_categories=…)` groups infrequent
 * categories. At transform time a value unseen in training goes to `(other)` when it exists, else to all zeros
 * (`handle_unknown='infrequent_if_exist'`). A column with a single training category is dropped with a warning.
 *
 * @param column - the training column
 * @param name - the column's name
 * @param maxCategories - the cap on the columns this feature emits (≥ 2)
 * @param warnings - receives `constant_feature` and `capped_categories`
 * @returns the encoding
 * @example
 * ```ts
 * fitCategoricalFeature(vectorFromArray(['a', 'b', 'a']), 'g', 20, []).categories; // ['a', 'b']
 * ```
 * @see sklearn.preprocessing.OneHotEncoder
 */
export function fitCategoricalFeature(
  column: ArrowColumn, name: string, maxCategories: number, warnings: ReportWarning[],
): CategoricalFeatureEncoding {
  const { codes, classes, nullCount } = toLabelCodes(column, name);
  const values: Array<LabelValue | null> = [...classes];
  if (nullCount > 0) values.push(null);
  const counts = new Float64Array(values.length);
  const missingAt = classes.length;
  for (let i = 0; i < codes.length; i++) counts[codes[i] < 0 ? missingAt : codes[i]]++;
  const distinct = values.length;
  if (distinct <= 1) {
    warnings.push({ code: 'constant_feature', message: `Feature \`${name}\` has a single value in training; it is left out.` });
    return { column: name, kind: 'categorical', categories: [], other: false, distinct, dropped: 'constant' };
  }
  if (distinct <= maxCategories) return { column: name, kind: 'categorical', categories: values, other: false, distinct };
  const order = Array.from(values.keys()).sort((a, b) => counts[b] - counts[a] || a - b);
  const kept = new Set(order.slice(0, maxCategories - 1));
  warnings.push({
    code: 'capped_categories',
    message: `Feature \`${name}\` has ${distinct} categories; the ${maxCategories - 1} most frequent keep their own column and the rest share \`${name}=(other)\` (raise --max-categories to keep more).`,
  });
  return { column: name, kind: 'categorical', categories: values.filter((_, k) => kept.has(k)), other: true, distinct };
}

/**
 * The design-matrix column names of a categorical encoding: `<column>=<value>`, `<column>=(missing)`, `<column>=(other)`.
 * @param encoding - a fitted encoding
 * @returns the names
 * @example
 * ```ts
 * categoricalFeatureNames({ column: 'g', kind: 'categorical', categories: ['a', null], other: false, distinct: 2 }); // ['g=a', 'g=(missing)']
 * ```
 */
export function categoricalFeatureNames(encoding: CategoricalFeatureEncoding): string[] {
  const names = encoding.categories.map((v) => `${encoding.column}=${v === null ? '(missing)' : String(v)}`);
  if (encoding.other) names.push(`${encoding.column}=(other)`);
  return names;
}

/**
 * Writes the one-hot columns of a categorical column into a design matrix with a fitted encoding.
 * @param encoding - the training encoding
 * @param column - the column of the table being transformed
 * @param out - the design matrix data (row-major, zero-filled)
 * @param stride - its number of columns
 * @param offset - the first column to write
 * @returns the rows whose value has no column of its own (sent to `(other)` when it exists, else all zeros)
 * @example
 * ```ts
 * const unknown = writeCategoricalFeature(enc, table.getChild('g')!, data, cols, 3);
 * ```
 */
export function writeCategoricalFeature(
  encoding: CategoricalFeatureEncoding, column: ArrowColumn, out: Float64Array, stride: number, offset: number,
): number {
  if (encoding.dropped !== undefined) return 0;
  const { codes, classes } = toLabelCodes(column, encoding.column);
  const position = new Map<string, number>();
  encoding.categories.forEach((v, k) => position.set(categoryKey(v), k));
  const unknownTo = encoding.other ? encoding.categories.length : -1;
  const target = new Int32Array(classes.length + 1);
  classes.forEach((v, k) => (target[k] = position.get(categoryKey(v)) ?? unknownTo));
  target[classes.length] = position.get(categoryKey(null)) ?? unknownTo;
  let unknown = 0;
  for (let i = 0, at = offset; i < codes.length; i++, at += stride) {
    const code = codes[i];
    const k = target[code < 0 ? classes.length : code];
    if (k >= 0 && k !== unknownTo) out[at + k] = 1;
    else {
      unknown++;
      if (k >= 0) out[at + k] = 1;
    }
  }
  return unknown;
}

function categoryKey(value: LabelValue | null): string {
  return value === null ? 'null' : `${typeof value}:${String(value)}`;
}
