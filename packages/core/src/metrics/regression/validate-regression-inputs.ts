import { ValidationError } from '../../errors.js';
import type { NumericArray } from './regression-metrics.js';

/**
 * The validation step of `regressionMetrics`: lengths, finite values, weights and the pinball quantile.
 *
 * @param yTrue - the targets
 * @param yPred - the predictions
 * @param weights - optional sample weights
 * @param alpha - the pinball quantile
 * @param labelName - the targets' column name, for messages
 * @param predName - the predictions' column name, for messages
 * @returns nothing; throws ValidationError `empty_input`, `length_mismatch`, `invalid_input` or `invalid_argument`
 * @remarks Rules: equal lengths, n >= 1, every y and p finite (sklearn's check_array rejects NaN/inf), weights finite,
 * >= 0 and with a positive sum (np.average divides by it), 0 <= alpha <= 1.
 * @see sklearn.metrics._regression._check_reg_targets, sklearn.utils.validation._check_sample_weight
 * @example
 * ```ts
 * validateRegressionInputs(Float64Array.of(1, 2), Float64Array.of(1), undefined, 0.5, 'y', 'p'); // throws length_mismatch
 * ```
 */
export function validateRegressionInputs(
  yTrue: NumericArray,
  yPred: NumericArray,
  weights: NumericArray | undefined,
  alpha: number,
  labelName: string,
  predName: string,
): void {
  const n = yTrue.length;
  if (yPred.length !== n) {
    throw new ValidationError('length_mismatch',
      `Expected \`${labelName}\` and \`${predName}\` to be equally long, but they hold ${n} and ${yPred.length} rows.`);
  }
  if (n === 0) throw new ValidationError('empty_input', `Expected at least one row in \`${labelName}\`, but it is empty.`);
  if (weights !== undefined && weights.length !== n) {
    throw new ValidationError('length_mismatch', `Expected ${n} weights (one per row), but got ${weights.length}.`);
  }
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new ValidationError('invalid_argument', `Expected quantile to be in [0, 1], but it is ${String(alpha)}.`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(yTrue[i])) {
      throw new ValidationError('invalid_input', `Expected column \`${labelName}\` to hold finite numbers, but row ${i} is ${String(yTrue[i])}.`);
    }
    if (!Number.isFinite(yPred[i])) {
      throw new ValidationError('invalid_input', `Expected column \`${predName}\` to hold finite numbers, but row ${i} is ${String(yPred[i])}.`);
    }
  }
  if (weights !== undefined) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(Number.isFinite(w) && w >= 0)) {
        throw new ValidationError('invalid_input', `Expected weights to be finite and >= 0, but row ${i} is ${String(w)}.`);
      }
      total += w;
    }
    if (!(total > 0)) throw new ValidationError('invalid_input', 'Expected the weights to have a positive sum, but they sum to 0.');
  }
}
