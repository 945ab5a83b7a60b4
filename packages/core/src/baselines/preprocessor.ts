import type { Table } from 'apache-arrow';
import type { ArrowColumn } from '../columns/arrow-column.js';
import { arrowTypeName } from '../columns/arrow-type-name.js';
import { getColumn } from '../columns/get-column.js';
import { isNumericArrowType } from '../columns/to-numeric-array.js';
import { SchemaError, ValidationError } from '../errors.js';
import type { ReportWarning } from '../report/report-warning.js';
import { categoricalFeatureNames, DEFAULT_MAX_CATEGORIES, fitCategoricalFeature, writeCategoricalFeature } from './categorical-feature.js';
import type { DesignMatrix } from './design-matrix.js';
import type { FeatureEncoding } from './feature-encoding.js';
import { fitNumericFeature, numericFeatureNames, writeNumericFeature } from './numeric-feature.js';

/** Options of {@link fitPreprocessor}. */
export interface PreprocessorOptions {
  /** The input columns to encode, in order. */
  features: string[];
  /** Cap on the one-hot columns of one categorical feature (default 20, at least 2). */
  maxCategories?: number;
}

/** The preprocessing as JSON, for reports. */
export interface PreprocessorJSON {
  features: FeatureEncoding[];
  featureNames: string[];
  maxCategories: number;
}

/** A preprocessing fitted on a training split, applied identically to any split. */
export interface Preprocessor {
  /** The design-matrix column names, in order. */
  readonly featureNames: string[];
  /** The encoding of each input column. */
  readonly encodings: FeatureEncoding[];
  /** Conditions met while fitting (constant, all-missing or capped features). */
  readonly warnings: ReportWarning[];
  /**
   * Encodes a table with the training statistics.
   * @throws SchemaError `missing_column` when a feature is absent, `column_type` when its type differs from training
   */
  transform(table: Table): DesignMatrix;
  /** The fitted encodings as plain JSON. */
  toJSON(): PreprocessorJSON;
}

/**
 * Fits the preprocessing of the baseline models on a training table: numeric columns are mean-imputed (with a
 * missing indicator when training has missing values) and standardised; string and dictionary columns are one-hot
 * encoded with a capped number of categories; constant and all-missing columns are dropped with a warning.
 *
 * @param table - the training split
 * @param options - the feature columns and the category cap
 * @returns the fitted preprocessor; `transform` applies it to any split (the training split included)
 * @throws ValidationError for no features or a bad cap; SchemaError for a missing or unusable column
 * @example
 * ```ts
 * import { fitPreprocessor } from '@modelperf/core';
 * import { tableFromArrays } from 'apache-arrow';
 * const train = tableFromArrays({ age: Float64Array.of(20, 30, 40), region: ['eu', 'us', 'eu'] });
 * const pre = fitPreprocessor(train, { features: ['age', 'region'] });
 * console.log(pre.featureNames.join(', ')); // age, region=eu, region=us
 * const x = pre.transform(tableFromArrays({ age: Float64Array.of(30), region: ['us'] }));
 * console.log(Array.from(x.data)); // [ 0, 0, 1 ]
 * ```
 * @see sklearn.compose.ColumnTransformer with SimpleImputer + StandardScaler and OneHotEncoder
 */
export function fitPreprocessor(table: Table, options: PreprocessorOptions): Preprocessor {
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  if (!Number.isSafeInteger(maxCategories) || maxCategories < 2) {
    throw new ValidationError('invalid_argument', `maxCategories must be an integer of at least 2, got ${maxCategories}.`);
  }
  if (options.features.length === 0) {
    throw new ValidationError('invalid_argument', 'No feature columns to fit on; name some with --features, or exclude fewer with --exclude.');
  }
  const duplicate = options.features.find((f, i) => options.features.indexOf(f) !== i);
  if (duplicate !== undefined) throw new ValidationError('invalid_argument', `Feature \`${duplicate}\` is listed twice.`);
  if (table.numRows === 0) throw new ValidationError('empty_input', 'The training split has no rows.');
  const warnings: ReportWarning[] = [];
  const encodings: FeatureEncoding[] = options.features.map((name) => {
    const column = getColumn(table, name);
    if (isNumericArrowType(column.type)) return fitNumericFeature(column, name, warnings);
    if (isCategoricalType(column)) return fitCategoricalFeature(column, name, maxCategories, warnings);
    throw new SchemaError('column_type', `Feature \`${name}\` is ${arrowTypeName(column.type)}; baselines use numeric, boolean, string or dictionary columns (exclude it with --exclude ${name}).`);
  });
  const featureNames = encodings.flatMap(namesOf);
  if (featureNames.length === 0) {
    throw new ValidationError('invalid_input', `Every feature (${options.features.join(', ')}) is constant or missing in training; there is nothing to fit on.`);
  }
  return {
    featureNames,
    encodings,
    warnings,
    transform: (t) => transformTable(t, encodings, featureNames),
    toJSON: () => ({ features: encodings, featureNames, maxCategories }),
  };
}

function namesOf(encoding: FeatureEncoding): string[] {
  return encoding.kind === 'numeric' ? numericFeatureNames(encoding) : categoricalFeatureNames(encoding);
}

function isCategoricalType(column: ArrowColumn): boolean {
  const id = column.type.typeId;
  // Utf8, LargeUtf8, Utf8View and dictionaries (of strings; numeric dictionaries are numeric).
  return id === 5 || id === 20 || id === 24 || id === -1;
}

function transformTable(table: Table, encodings: FeatureEncoding[], names: string[]): DesignMatrix {
  const rows = table.numRows;
  const cols = names.length;
  const data = new Float64Array(rows * cols);
  const warnings: ReportWarning[] = [];
  let offset = 0;
  for (const encoding of encodings) {
    const column = featureColumn(table, encoding);
    const width = namesOf(encoding).length;
    if (encoding.kind === 'numeric') {
      const missing = writeNumericFeature(encoding, column, data, cols, offset);
      if (missing > 0 && !encoding.indicator && encoding.dropped === undefined) {
        warnings.push({
          code: 'unseen_missing',
          message: `Feature \`${encoding.column}\` has ${missing} missing value(s) here but none in training; they are imputed with the training mean, without an indicator.`,
        });
      }
    } else {
      const unknown = writeCategoricalFeature(encoding, column, data, cols, offset);
      if (unknown > 0 && !encoding.other && encoding.dropped === undefined) {
        warnings.push({
          code: 'unknown_category',
          message: `Feature \`${encoding.column}\` has ${unknown} row(s) with a category unseen in training; they are encoded as all zeros.`,
        });
      }
    }
    offset += width;
  }
  return { rows, cols, data, names: [...names], warnings };
}

function featureColumn(table: Table, encoding: FeatureEncoding): ArrowColumn {
  const column = table.getChild(encoding.column) as ArrowColumn | null;
  if (column === null) {
    throw new SchemaError(
      'missing_column',
      `Feature \`${encoding.column}\` is in the training split but not in this one; every split needs the training features (available: ${table.schema.fields.map((f) => f.name).join(', ')}).`,
    );
  }
  const numeric = isNumericArrowType(column.type);
  if (numeric !== (encoding.kind === 'numeric')) {
    throw new SchemaError(
      'column_type',
      `Feature \`${encoding.column}\` is ${encoding.kind} in training but ${arrowTypeName(column.type)} here; give it the same type in every split.`,
    );
  }
  return column;
}
