import { ValidationError } from '../errors.js';
import { createSeededRandom, openUniform } from '../generate/seeded-random.js';

/** The dummy classifiers, as scikit-learn's `DummyClassifier` strategies. */
export const DUMMY_CLASSIFIER_STRATEGIES = ['prior', 'most_frequent', 'stratified', 'uniform'] as const;
/** A dummy classifier strategy. */
export type DummyClassifierStrategy = (typeof DUMMY_CLASSIFIER_STRATEGIES)[number];
/** The dummy regressors, as scikit-learn's `DummyRegressor` strategies. */
export const DUMMY_REGRESSOR_STRATEGIES = ['mean', 'median', 'quantile'] as const;
/** A dummy regressor strategy. */
export type DummyRegressorStrategy = (typeof DUMMY_REGRESSOR_STRATEGIES)[number];

/**
 * Class counts of training label codes (codes < 0, i.e. missing labels, are not counted).
 * @param codes - class codes 0..K-1
 * @param classes - K
 * @param rows - the row positions to count (default all)
 * @returns the count of each class
 * @example
 * ```ts
 * import { classCounts } from '@modelperf/core';
 * console.log(Array.from(classCounts(Int32Array.of(0, 1, 1, -1), 2))); // [ 1, 2 ]
 * ```
 */
export function classCounts(codes: Int32Array, classes: number, rows?: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(classes);
  const n = rows?.length ?? codes.length;
  for (let i = 0; i < n; i++) {
    const c = codes[rows !== undefined ? rows[i] : i];
    if (c >= 0) counts[c]++;
  }
  return counts;
}

/**
 * Class probabilities of a dummy classifier, computed from the training class counts alone (no fitting).
 *
 * @remarks
 * As scikit-learn's `DummyClassifier.predict_proba`: `prior` gives every row the training class shares;
 * `most_frequent` puts probability 1 on the most frequent class (ties: the lowest class, as numpy's argmax);
 * `uniform` gives 1/K; `stratified` gives each row a one-hot vector of a class drawn with the training shares, from
 * the seeded generator (the same seed gives the same draws).
 *
 * @param counts - training count of each class (at least one row in all)
 * @param strategy - the strategy
 * @param rows - rows to predict
 * @param seed - seed of `stratified` (default 0)
 * @returns rows × K probabilities, row-major
 * @throws ValidationError when the counts are all zero or the strategy is unknown
 * @example
 * ```ts
 * import { dummyClassifierProbabilities } from '@modelperf/core';
 * console.log(Array.from(dummyClassifierProbabilities(Float64Array.of(3, 1), 'prior', 2))); // [ 0.75, 0.25, 0.75, 0.25 ]
 * console.log(Array.from(dummyClassifierProbabilities(Float64Array.of(3, 1), 'most_frequent', 1))); // [ 1, 0 ]
 * ```
 * @see sklearn.dummy.DummyClassifier
 */
export function dummyClassifierProbabilities(
  counts: Float64Array, strategy: DummyClassifierStrategy, rows: number, seed = 0,
): Float64Array {
  const k = counts.length;
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new ValidationError('invalid_input', 'A dummy classifier needs at least one labelled training row.');
  const out = new Float64Array(rows * k);
  const prior = Float64Array.from(counts, (c) => c / total);
  switch (strategy) {
    case 'prior':
      for (let i = 0; i < rows; i++) out.set(prior, i * k);
      return out;
    case 'most_frequent': {
      let best = 0;
      for (let c = 1; c < k; c++) if (counts[c] > counts[best]) best = c;
      for (let i = 0; i < rows; i++) out[i * k + best] = 1;
      return out;
    }
    case 'uniform':
      return out.fill(1 / k);
    case 'stratified': {
      const rng = createSeededRandom(seed);
      const cumulative = new Float64Array(k);
      let s = 0;
      for (let c = 0; c < k; c++) cumulative[c] = s += prior[c];
      for (let i = 0; i < rows; i++) {
        const u = openUniform(rng);
        let c = 0;
        while (c < k - 1 && u >= cumulative[c]) c++;
        out[i * k + c] = 1;
      }
      return out;
    }
    default:
      throw new ValidationError('invalid_argument', `Unknown dummy classifier strategy "${String(strategy)}"; expected one of: ${DUMMY_CLASSIFIER_STRATEGIES.join(', ')}.`);
  }
}

/**
 * The constant prediction of a dummy regressor, from the training targets.
 *
 * @remarks
 * `mean`: Σy/n. `median` and `quantile`: numpy's default linear-interpolation percentile of the sorted targets,
 * h = (n - 1)·q, y[⌊h⌋] + (h - ⌊h⌋)(y[⌊h⌋ + 1] - y[⌊h⌋]), with q = 0.5 for the median, as scikit-learn's
 * `DummyRegressor` (unweighted).
 *
 * @param y - the training targets (NaN are skipped); not modified
 * @param strategy - mean, median or quantile
 * @param quantile - q of `quantile`, in [0, 1] (default 0.5)
 * @returns the constant
 * @throws ValidationError when there is no finite target or q is out of range
 * @example
 * ```ts
 * import { dummyRegressorValue } from '@modelperf/core';
 * const y = Float64Array.of(1, 2, 10);
 * console.log(dummyRegressorValue(y, 'median'), dummyRegressorValue(y, 'quantile', 0.9)); // 2 8.4
 * ```
 * @see sklearn.dummy.DummyRegressor
 */
export function dummyRegressorValue(y: ArrayLike<number>, strategy: DummyRegressorStrategy, quantile = 0.5): number {
  const values = Float64Array.from(y).filter((v) => v === v);
  if (values.length === 0) throw new ValidationError('invalid_input', 'A dummy regressor needs at least one training target that is not missing.');
  switch (strategy) {
    case 'mean': {
      let s = 0;
      for (let i = 0; i < values.length; i++) s += values[i];
      return s / values.length;
    }
    case 'median':
      return percentile(values.sort(), 0.5);
    case 'quantile':
      if (!(quantile >= 0 && quantile <= 1)) throw new ValidationError('invalid_argument', `quantile must be in [0, 1], got ${quantile}.`);
      return percentile(values.sort(), quantile);
    default:
      throw new ValidationError('invalid_argument', `Unknown dummy regressor strategy "${String(strategy)}"; expected one of: ${DUMMY_REGRESSOR_STRATEGIES.join(', ')}.`);
  }
}

function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
