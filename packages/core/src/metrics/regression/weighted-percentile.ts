import { radixSortFloat64 } from '../../kernels/js/radix-sort-float64.js';

/**
 * scikit-learn's lower weighted percentile of values that are already sorted ascending, weights moved alongside.
 *
 * @param sorted - values sorted ascending (finite)
 * @param sortedWeights - the weight of each value, in the same order (non-negative, positive total)
 * @param percentile - in [0, 100]; 50 gives the weighted median
 * @returns the first value whose cumulative weight reaches `percentile / 100` of the total weight
 * @remarks cdf_k = sum_{j <= k} w_j (sequential float64, as `stable_cumsum`); target = p / 100 * cdf_{n-1}, nudged to the
 * next float above 0 when it is 0 (so leading zero-weight rows are skipped); index = first k with cdf_k >= target
 * (`searchsorted` side 'left'), clipped to n - 1. No interpolation: this is the "lower" weighted percentile.
 * @see sklearn.utils.stats._weighted_percentile
 * @example
 * ```ts
 * weightedPercentileOfSorted(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 2), 50); // 2
 * ```
 */
export function weightedPercentileOfSorted(sorted: Float64Array, sortedWeights: ArrayLike<number>, percentile = 50): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += sortedWeights[i];
    cdf[i] = acc;
  }
  let target = (percentile / 100) * cdf[n - 1];
  if (target === 0) target = Number.MIN_VALUE; // np.nextafter(0, 1)
  // Binary search for the first cdf >= target.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return sorted[Math.min(lo, n - 1)];
}

/**
 * scikit-learn's lower weighted percentile of unsorted values. Copies its inputs; never mutates them.
 *
 * @param values - finite values, any order
 * @param weights - one non-negative weight per value
 * @param percentile - in [0, 100] (default 50: the weighted median)
 * @returns the lower weighted percentile (NaN for no values)
 * @remarks Sorts a copy of `values` with the weights as payload, then see {@link weightedPercentileOfSorted}.
 * With equal weights the 50th percentile is the lower median, not numpy's mean of the two middle values.
 * @see sklearn.utils.stats._weighted_percentile
 * @example
 * ```ts
 * weightedPercentile(Float64Array.of(3, 1, 2), Float64Array.of(2, 1, 1)); // 2
 * ```
 */
export function weightedPercentile(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  percentile = 50,
): number {
  if (values.length !== weights.length) throw new RangeError('weights length differs from values length');
  const keys = Float64Array.from(values);
  const payload = Float64Array.from(weights);
  radixSortFloat64(keys, payload);
  return weightedPercentileOfSorted(keys, payload, percentile);
}
