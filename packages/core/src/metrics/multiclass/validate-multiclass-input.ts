import { ValidationError } from '../../errors.js';
import type { MulticlassInput, MulticlassOptions } from './multiclass-input.js';

/**
 * Checks a multiclass input and its options before any metric runs; nothing is copied or changed.
 *
 * @param input - labels, k, scores and/or pred, optional weights
 * @param options - `topK` and `zeroDivision`
 * @returns nothing; throws on the first problem
 * @throws ValidationError `invalid_argument` for a bad `k`, `topK` or `zeroDivision`, or a score column count != k;
 * `length_mismatch` when a column is not as long as `labels`; `empty_input` for zero rows; `invalid_input` for a label
 * or prediction outside 0..k-1, a non-finite score or a negative/non-finite weight
 * @remarks Costs one pass over each column.
 * @see sklearn.utils.check_consistent_length
 * @example
 * ```ts
 * validateMulticlassInput({ labels: Int32Array.of(0, 3), k: 3, pred: Int32Array.of(0, 1) }, {}); // throws: label 3
 * ```
 */
export function validateMulticlassInput(input: MulticlassInput, options: MulticlassOptions): void {
  const { labels, k, scores, pred, weights } = input;
  if (!Number.isInteger(k) || k < 2) {
    throw new ValidationError('invalid_argument', `Expected \`k\` to be an integer >= 2, but it is ${String(k)}.`);
  }
  if (options.topK !== undefined && (!Number.isInteger(options.topK) || options.topK < 1)) {
    throw new ValidationError('invalid_argument', `Expected \`topK\` to be an integer >= 1, but it is ${String(options.topK)}.`);
  }
  const zd = options.zeroDivision;
  if (zd !== undefined && zd !== 0 && zd !== 1 && zd !== 'nan') {
    throw new ValidationError('invalid_argument', `Expected \`zeroDivision\` to be 0, 1 or "nan", but it is ${String(zd)}.`);
  }
  const n = labels.length;
  if (n === 0) throw new ValidationError('empty_input', 'Expected at least one row, but `labels` is empty.');
  if (scores === undefined && pred === undefined) {
    throw new ValidationError('invalid_argument', 'Expected `scores` or `pred`, but neither was given.');
  }
  for (let r = 0; r < n; r++) {
    const y = labels[r];
    if (!(y >= 0 && y < k)) {
      throw new ValidationError('invalid_input', `Expected \`labels\` to hold class indices 0..${k - 1}, but row ${r} holds ${y}.`);
    }
  }
  if (scores !== undefined) {
    if (scores.length !== k) {
      throw new ValidationError('invalid_argument', `Expected ${k} score columns (one per class), but got ${scores.length}.`);
    }
    for (let c = 0; c < k; c++) {
      const col = scores[c];
      if (col.length !== n) {
        throw new ValidationError('length_mismatch', `Expected score column ${c} to have ${n} rows like \`labels\`, but it has ${col.length}.`);
      }
      for (let r = 0; r < n; r++) {
        if (!Number.isFinite(col[r])) {
          throw new ValidationError('invalid_input', `Expected finite scores, but score column ${c} holds ${col[r]} at row ${r}.`);
        }
      }
    }
  }
  if (pred !== undefined) {
    if (pred.length !== n) {
      throw new ValidationError('length_mismatch', `Expected \`pred\` to have ${n} rows like \`labels\`, but it has ${pred.length}.`);
    }
    for (let r = 0; r < n; r++) {
      const p = pred[r];
      if (!(p >= 0 && p < k)) {
        throw new ValidationError('invalid_input', `Expected \`pred\` to hold class indices 0..${k - 1}, but row ${r} holds ${p}.`);
      }
    }
  }
  if (weights !== undefined) {
    if (weights.length !== n) {
      throw new ValidationError('length_mismatch', `Expected \`weights\` to have ${n} rows like \`labels\`, but it has ${weights.length}.`);
    }
    for (let r = 0; r < n; r++) {
      const w = weights[r];
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw new ValidationError('invalid_input', `Expected finite non-negative weights, but row ${r} holds ${w}.`);
      }
    }
  }
}
