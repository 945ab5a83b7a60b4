/**
 * A quantile of sorted values by linear interpolation between the two closest ranks, exactly as numpy computes it.
 *
 * @param sorted - values sorted ascending (finite, at least one)
 * @param q - the quantile in [0, 1]
 * @returns numpy.quantile(values, q) with the default 'linear' method (NaN for no values)
 * @remarks pos = (n - 1) q, k = floor(pos), g = pos - k;
 * value = a_k + (a_{k+1} - a_k) g when g < 0.5, else a_{k+1} - (a_{k+1} - a_k)(1 - g) (numpy's `_lerp`, which keeps
 * the result monotone and exact at the ends); pos >= n - 1 gives the maximum.
 * @see numpy.quantile (method='linear'), numpy.percentile
 * @example
 * ```ts
 * linearQuantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 * ```
 */
export function linearQuantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  if (pos >= n - 1) return sorted[n - 1];
  if (pos <= 0) return sorted[0];
  const k = Math.floor(pos);
  const g = pos - k;
  const a = sorted[k];
  const b = sorted[k + 1];
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}
