import type { ArrowColumn } from '../columns/arrow-column.js';
import { toNumericArray } from '../columns/to-numeric-array.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { NumericFeatureEncoding } from './feature-encoding.js';

/**
 * Fits the encoding of a numeric column on the training split: mean imputation, standardisation, missing indicator.
 *
 * @remarks
 * Exactly scikit-learn's `SimpleImputer(strategy='mean', add_indicator=True)` followed by `StandardScaler()`: over
 * the n training rows, m of them non-missing, mean = Σx/m, the imputed column's scale = sqrt(Σ(x - mean)²/n) (two
 * passes, float64); the 0/1 indicator exists only when training has missing values and is standardised too (mean
 * f = (n - m)/n, scale sqrt(f(1 - f))). Unlike `StandardScaler`, which keeps a constant column as zeros, a constant
 * value column is dropped with a warning (an unpenalised fit never meets a zero column); an all-missing column is
 * dropped with its indicator.
 *
 * @param column - the training column (any numeric Arrow type; nulls and NaN are missing)
 * @param name - the column's name
 * @param warnings - receives `constant_feature` / `all_missing_feature`
 * @returns the encoding
 * @example
 * ```ts
 * const enc = fitNumericFeature(table.getChild('age')!, 'age', []); // { mean, scale, indicator, ... }
 * ```
 * @see sklearn.preprocessing.StandardScaler, sklearn.impute.SimpleImputer
 */
export function fitNumericFeature(column: ArrowColumn, name: string, warnings: ReportWarning[]): NumericFeatureEncoding {
  const { values } = toNumericArray(column, name);
  const n = column.length;
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  const missingRows = n - count;
  if (count === 0) {
    warnings.push({ code: 'all_missing_feature', message: `Feature \`${name}\` is missing in every training row; it is left out.` });
    return { column: name, kind: 'numeric', mean: 0, scale: 1, indicator: false, indicatorMean: 1, indicatorScale: 1, missingRows, dropped: 'all_missing' };
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) squares += (v - mean) * (v - mean);
  }
  const scale = Math.sqrt(squares / n);
  const indicator = missingRows > 0;
  const indicatorMean = missingRows / n;
  const indicatorScale = indicator ? Math.sqrt(indicatorMean * (1 - indicatorMean)) : 1;
  // Rounding leaves a tiny spread in a column of one repeated value; scikit-learn's _is_constant_feature uses the same idea.
  if (!(scale > 10 * count * Number.EPSILON * Math.abs(mean)) || scale === 0) {
    warnings.push({
      code: 'constant_feature',
      message: `Feature \`${name}\` is constant in training (${mean})${indicator ? '; only its missing-value indicator is kept' : '; it is left out'}.`,
    });
    return { column: name, kind: 'numeric', mean, scale: 1, indicator, indicatorMean, indicatorScale, missingRows, dropped: 'constant' };
  }
  return { column: name, kind: 'numeric', mean, scale, indicator, indicatorMean, indicatorScale, missingRows };
}

/**
 * The design-matrix column names a numeric encoding emits: the value (unless dropped), then `<column>__missing`.
 * @param encoding - a fitted encoding
 * @returns the names
 * @example
 * ```ts
 * numericFeatureNames(fitNumericFeature(table.getChild('age')!, 'age', [])); // ['age', 'age__missing'] when age has nulls
 * ```
 */
export function numericFeatureNames(encoding: NumericFeatureEncoding): string[] {
  const names = encoding.dropped === undefined ? [encoding.column] : [];
  if (encoding.indicator) names.push(`${encoding.column}__missing`);
  return names;
}

/**
 * Writes a numeric column into a design matrix with a fitted encoding: (x - mean)/scale, missing as 0 (the mean),
 * and the standardised indicator (1 - f)/s for missing, -f/s otherwise, when the encoding has one.
 * @param encoding - the training encoding
 * @param column - the column of the table being transformed
 * @param out - the design matrix data (row-major)
 * @param stride - its number of columns
 * @param offset - the first column to write
 * @returns the number of rows with a missing value
 * @example
 * ```ts
 * writeNumericFeature(enc, table.getChild('age')!, data, cols, 0);
 * ```
 */
export function writeNumericFeature(
  encoding: NumericFeatureEncoding, column: ArrowColumn, out: Float64Array, stride: number, offset: number,
): number {
  const { values } = toNumericArray(column, encoding.column);
  const keep = encoding.dropped === undefined;
  const indicatorAt = offset + (keep ? 1 : 0);
  const { mean, scale } = encoding;
  const onMissing = (1 - encoding.indicatorMean) / encoding.indicatorScale;
  const onPresent = -encoding.indicatorMean / encoding.indicatorScale;
  let missing = 0;
  for (let i = 0, at = 0, n = column.length; i < n; i++, at += stride) {
    const v = values[i];
    const isMissing = v !== v;
    if (isMissing) missing++;
    if (keep) out[at + offset] = isMissing ? 0 : (v - mean) / scale;
    if (encoding.indicator) out[at + indicatorAt] = isMissing ? onMissing : onPresent;
  }
  return missing;
}
