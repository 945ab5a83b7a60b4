import { ValidationError } from '../../errors.js';

/** Label and score columns of a multilabel task, one typed array per label (column-major). */
export interface MultilabelInput {
  /** L columns of 0/1 flags, each `n` rows long. */
  readonly labels: readonly Uint8Array[];
  /** L columns of scores (probabilities or decision values), each `n` rows long. */
  readonly scores: ReadonlyArray<Float64Array | Float32Array>;
  /** Optional non-negative sample weights, `n` long. */
  readonly weights?: Float64Array | Float32Array;
}

/** Display names for messages; defaults are `labels[j]`, `scores[j]` and `weights`. */
export interface MultilabelNames {
  readonly labels?: readonly string[];
  readonly scores?: readonly string[];
  readonly weight?: string;
}

/**
 * Checks a multilabel input before any metric runs: matching shapes, 0/1 labels, no NaN scores, sane weights.
 *
 * @param input - label columns, score columns and optional weights
 * @param names - column names for messages
 * @returns the number of rows `n` and of labels `L`
 * @throws ValidationError `length_mismatch` (columns of different lengths or label/score counts that differ),
 * `empty_input` (no rows), `invalid_input` (fewer than two labels, a label other than 0/1, a NaN score, a negative or
 * non-finite weight, all weights zero)
 * @remarks scikit-learn refuses NaN and infinite scores; modelperf accepts ±Infinity, which order and threshold
 * normally, and refuses NaN.
 * @see sklearn.utils.multiclass.type_of_target ('multilabel-indicator')
 * @example
 * ```ts
 * validateMultilabelInput({ labels: [y0, y1], scores: [s0, s1] }); // { n: 100, nLabels: 2 }
 * ```
 */
export function validateMultilabelInput(input: MultilabelInput, names: MultilabelNames = {}): { n: number; nLabels: number } {
  const { labels, scores, weights } = input;
  const labelName = (j: number): string => names.labels?.[j] ?? `labels[${j}]`;
  const scoreName = (j: number): string => names.scores?.[j] ?? `scores[${j}]`;
  const weightName = names.weight ?? 'weights';
  const nLabels = labels.length;
  if (scores.length !== nLabels) {
    throw new ValidationError('length_mismatch',
      `Expected one score column per label column, but there are ${nLabels} label columns and ${scores.length} score columns.`);
  }
  if (nLabels < 2) {
    throw new ValidationError('invalid_input',
      `Expected at least two label columns for multilabel metrics, but got ${nLabels}; use the binary metrics for one label.`);
  }
  const n = labels[0].length;
  for (let j = 0; j < nLabels; j++) {
    if (labels[j].length !== n || scores[j].length !== n) {
      throw new ValidationError('length_mismatch',
        `Expected every column to have ${n} rows (as \`${labelName(0)}\`), but \`${labelName(j)}\` has ${labels[j].length} and \`${scoreName(j)}\` has ${scores[j].length}.`);
    }
  }
  if (weights !== undefined && weights.length !== n) {
    throw new ValidationError('length_mismatch',
      `Expected \`${weightName}\` to have ${n} rows like the labels, but it has ${weights.length}.`);
  }
  if (n === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  for (let j = 0; j < nLabels; j++) {
    const y = labels[j];
    const s = scores[j];
    for (let i = 0; i < n; i++) {
      if (y[i] > 1) {
        throw new ValidationError('invalid_input',
          `Expected column \`${labelName(j)}\` to hold 0/1 flags, but row ${i} holds ${y[i]}.`);
      }
      if (Number.isNaN(s[i])) {
        throw new ValidationError('invalid_input', `Column \`${scoreName(j)}\` holds NaN at row ${i}; scores must be numbers.`);
      }
    }
  }
  if (weights !== undefined) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!Number.isFinite(w) || w < 0) {
        throw new ValidationError('invalid_input',
          `Column \`${weightName}\` holds ${String(w)} at row ${i}; sample weights must be finite and >= 0.`);
      }
      total += w;
    }
    if (total === 0) {
      throw new ValidationError('invalid_input', `Every weight in column \`${weightName}\` is zero; nothing carries weight to evaluate.`);
    }
  }
  return { n, nLabels };
}
