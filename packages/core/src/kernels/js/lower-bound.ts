/**
 * The first index whose value is at least `v` in ascending values: how many of them are strictly below `v` (binary
 * search; `-0` and `+0` compare equal, NaN must not occur).
 *
 * @param sorted - values in ascending order
 * @param v - the value to place
 * @returns an index in [0, sorted.length]
 * @example
 * ```ts
 * lowerBound(Float64Array.of(1, 2, 2, 3), 2); // 1
 * ```
 */
export function lowerBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
