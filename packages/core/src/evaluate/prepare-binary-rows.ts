import { ValidationError } from '../errors.js';
import type { IntegerLabelArray } from '../columns/numeric-label-codes.js';
import type { BinaryRows } from '../kernels/binary-clf-curve.js';
import { resolveBinaryLabels, type BinaryLabels } from '../metrics/binary/resolve-binary-labels.js';
import type { LabelValue } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';

/** How null/NaN in a used column is handled: an error (default) or the row is dropped and counted. */
export type NanPolicy = 'error' | 'drop';

/** Label codes as produced by `toLabelCodes`. */
export interface LabelCodes {
  readonly codes: Int32Array;
  readonly classes: readonly LabelValue[];
  readonly kind: 'number' | 'string' | 'boolean';
  /** For 0/1-like integer labels: the labels themselves, `codes[i] = integerValues[i] - classes[0]` (see `toLabelCodes`). */
  readonly integerValues?: IntegerLabelArray;
}

/** The columns of a binary evaluation after extraction, with their names for messages. */
export interface BinaryColumnsInput {
  readonly label: LabelCodes;
  readonly score: Float64Array | Float32Array;
  readonly weight?: Float64Array | Float32Array;
  readonly names: { readonly label: string; readonly score: string; readonly weight?: string };
}

/** Validated rows plus what validation learned. */
export interface PreparedBinaryRows {
  readonly rows: BinaryRows;
  readonly labels: BinaryLabels;
  readonly dropped: number;
  /** Input positions of the rows kept (only when rows were dropped). */
  readonly kept?: Uint32Array;
}

const enum Bad { None = 0, Null = 1, Infinite = 2, Negative = 3 }

function scoreProblem(v: number): Bad {
  if (v === v) return v === Infinity || v === -Infinity ? Bad.Infinite : Bad.None;
  return Bad.Null;
}

function weightProblem(v: number): Bad {
  if (v !== v) return Bad.Null;
  if (v === Infinity || v === -Infinity) return Bad.Infinite;
  return v < 0 ? Bad.Negative : Bad.None;
}

/**
 * Validates the columns of a binary task and turns them into kernel rows: positive flags, scores, weights.
 *
 * @param input - extracted label codes, scores and optional weights, with column names
 * @param options - `posLabel` (default as scikit-learn), `nan`: `error` (default) or `drop`, `rowOffset`: number of the
 * first row in the whole input (for messages when validating one batch of many)
 * @param warnings - receives `rows_dropped` and `one_class` warnings
 * @returns the rows, the resolved labels and the number of dropped rows
 * @throws ValidationError naming the column and first row of a null/NaN (policy `error`), an infinite score, a
 * negative weight, mismatched lengths, no rows, or more than two classes
 * @example
 * ```ts
 * prepareBinaryRows({ label, score, names: { label: 'y', score: 'p' } }, { nan: 'drop' }, warnings);
 * ```
 */
export function prepareBinaryRows(
  input: BinaryColumnsInput,
  options: { posLabel?: LabelValue; nan?: NanPolicy; rowOffset?: number } = {},
  warnings: ReportWarning[] = [],
): PreparedBinaryRows {
  const { label, score, weight, names } = input;
  const n = (label.integerValues ?? label.codes).length; // not `codes` first: that would write them
  if (score.length !== n || (weight !== undefined && weight.length !== n)) {
    throw new ValidationError(
      'length_mismatch',
      `Columns differ in length: \`${names.label}\` has ${n} rows, \`${names.score}\` ${score.length}` +
        (weight !== undefined ? `, \`${names.weight ?? 'weight'}\` ${weight.length}` : '') + '.',
    );
  }
  if (n === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');

  if (label.integerValues !== undefined && allValid(score, weight)) {
    return twoValueRows(label.integerValues, label.classes as number[], score, weight, names, options.posLabel, warnings);
  }
  const policy = options.nan ?? 'error';
  const codes = label.codes;
  // One pass over the rows: the first bad value throws (naming column and row) unless it is a null/NaN to drop.
  let invalid = 0;
  let keepMask: Uint8Array | undefined;
  const reject = (row: number, column: string, bad: Bad): void => {
    if (bad !== Bad.Null || policy === 'error') throw invalidValueError(row + (options.rowOffset ?? 0), column, bad);
  };
  for (let i = 0; i < n; i++) {
    let drop = false;
    if (codes[i] < 0) { reject(i, names.label, Bad.Null); drop = true; }
    const s = scoreProblem(score[i]);
    if (s !== Bad.None) { reject(i, names.score, s); drop = true; }
    if (weight !== undefined) {
      const w = weightProblem(weight[i]);
      if (w !== Bad.None) { reject(i, names.weight ?? 'weight', w); drop = true; }
    }
    if (drop) {
      keepMask ??= new Uint8Array(n).fill(1);
      keepMask[i] = 0;
      invalid++;
    }
  }

  let rowCodes = codes;
  let rowScores = score;
  let rowWeights = weight;
  let kept: Uint32Array | undefined;
  if (keepMask !== undefined) {
    if (invalid === n) {
      throw new ValidationError('empty_input', `All ${n} rows hold null or NaN in a used column; nothing is left to evaluate.`);
    }
    rowCodes = new Int32Array(n - invalid);
    const s = new Float64Array(n - invalid);
    const w = weight !== undefined ? new Float64Array(n - invalid) : undefined;
    kept = new Uint32Array(n - invalid);
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (keepMask[i] === 0) continue;
      kept[k] = i;
      rowCodes[k] = codes[i];
      s[k] = score[i];
      if (w !== undefined && weight !== undefined) w[k] = weight[i];
      k++;
    }
    rowScores = s;
    rowWeights = w;
    warnings.push({ code: 'rows_dropped', message: `Dropped ${invalid} of ${n} rows with null or NaN in a used column (--nan drop).` });
  }

  // Classes that still occur after dropping.
  const seen = new Uint8Array(label.classes.length);
  for (let i = 0; i < rowCodes.length; i++) seen[rowCodes[i]] = 1;
  const present = label.classes.filter((_, c) => seen[c] === 1);
  const labels = resolveBinaryLabels(present, label.kind, names.label, options.posLabel);
  const posCode = labels.positiveIndex >= 0 ? label.classes.indexOf(present[labels.positiveIndex]) : -1;
  const positive = new Uint8Array(rowCodes.length);
  let positives = 0;
  for (let i = 0; i < rowCodes.length; i++) {
    const p = rowCodes[i] === posCode ? 1 : 0;
    positive[i] = p;
    positives += p;
  }
  checkClassesAndWeights(positives, rowCodes.length, rowWeights, names, warnings);
  return { rows: { scores: rowScores, positive, weights: rowWeights }, labels, dropped: invalid, kept };
}

/** Adds the `one_class` warning when only one class is left; throws when no row carries weight. */
function checkClassesAndWeights(
  positives: number, n: number, weights: Float64Array | Float32Array | undefined, names: BinaryColumnsInput['names'], warnings: ReportWarning[],
): void {
  if (positives === 0 || positives === n) {
    warnings.push({
      code: 'one_class',
      message: `Column \`${names.label}\` holds only the ${positives === 0 ? 'negative' : 'positive'} class; ` +
        'ROC AUC and other metrics that need both classes are undefined (NaN).',
    });
  }
  if (weights !== undefined && !weights.some((v) => v > 0)) {
    throw new ValidationError('invalid_input', `Every weight in column \`${names.weight ?? 'weight'}\` is zero; nothing carries weight to evaluate.`);
  }
}

/** Whether every score is finite and every weight finite and >= 0 (one pass; `x - x` is NaN for NaN and +-Infinity). */
function allValid(score: Float64Array | Float32Array, weight: Float64Array | Float32Array | undefined): boolean {
  const n = score.length;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = score[i];
    if (v - v !== 0) bad++;
  }
  if (bad === 0 && weight !== undefined) {
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w - w === 0 && w >= 0)) bad++;
    }
  }
  return bad === 0;
}

/**
 * `prepareBinaryRows` for labels given as a null-free integer buffer of one value or two adjacent ones, once every
 * score and weight is known valid: both classes occur (they are the buffer's range), no row is dropped, and the
 * positive flags come from the values in one pass — or are the buffer itself for 0/1 bytes with 1 positive.
 */
function twoValueRows(
  values: IntegerLabelArray, classes: number[], score: Float64Array | Float32Array, weight: Float64Array | Float32Array | undefined,
  names: BinaryColumnsInput['names'], posLabel: LabelValue | undefined, warnings: ReportWarning[],
): PreparedBinaryRows {
  const labels = resolveBinaryLabels(classes, 'number', names.label, posLabel);
  const n = values.length;
  const min = classes[0];
  const positiveValue = labels.positiveIndex >= 0 ? min + labels.positiveIndex : NaN;
  let positive: Uint8Array;
  if (positiveValue === 1 && min === 0 && (values instanceof Uint8Array || values instanceof Int8Array)) {
    // 0/1 bytes: the flags are the labels (a view, nothing copied; no kernel writes to `positive`).
    positive = new Uint8Array(values.buffer, values.byteOffset, n);
  } else {
    positive = new Uint8Array(n);
    for (let i = 0; i < n; i++) positive[i] = values[i] === positiveValue ? 1 : 0;
  }
  // Both classes occur; with one, all rows are positive or none. (-1: neither 0 nor n, no warning.)
  const positives = labels.positiveIndex < 0 ? 0 : classes.length === 2 ? -1 : n;
  checkClassesAndWeights(positives, n, weight, names, warnings);
  return { rows: { scores: score, positive, weights: weight }, labels, dropped: 0 };
}

function invalidValueError(row: number, column: string, bad: Bad): ValidationError {
  if (bad === Bad.Infinite) {
    return new ValidationError('invalid_input', `Column \`${column}\` holds an infinite value at row ${row}; values must be finite.`);
  }
  if (bad === Bad.Negative) {
    return new ValidationError('invalid_input', `Column \`${column}\` holds a negative weight at row ${row}; sample weights must be >= 0.`);
  }
  return new ValidationError(
    'null_value',
    `Column \`${column}\` holds a null or NaN at row ${row}; clean the data, or pass --nan drop to drop such rows.`,
  );
}
