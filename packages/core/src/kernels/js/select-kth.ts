/**
 * Partially orders `values[from..to]` in place so that `values[k]` holds the k-th smallest value of that range (as a
 * full ascending sort would place it), everything before it is <= it and everything after is >= it: Floyd and
 * Rivest's SELECT, expected O(to - from) comparisons. NaN must not occur.
 *
 * Used where a metric needs a few order statistics of millions of values (a median, two quantiles) and a full sort
 * would be most of its cost.
 *
 * @param values - the values; reordered in place
 * @param k - the rank wanted, from <= k <= to
 * @param from - first index of the range (default 0)
 * @param to - last index of the range, inclusive (default values.length - 1)
 * @returns values[k] after the call
 * @example
 * ```ts
 * const v = Float64Array.of(5, 1, 4, 2, 3);
 * selectKth(v, 2); // 3, and v[0..1] <= 3 <= v[3..4]
 * ```
 */
export function selectKth(values: Float64Array, k: number, from = 0, to = values.length - 1): number {
  let left = from;
  let right = to;
  while (right > left) {
    if (right - left > 600) {
      // Sample a small range around k's expected position and recurse on it first: its bounds then split the range
      // almost exactly at k.
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      selectKth(values, k, newLeft, newRight);
    }
    const t = values[k];
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right] > t) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i] < t) i++;
      while (values[j] > t) j--;
    }
    if (values[left] === t) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}

/**
 * The smallest value of `values[from..to]` (inclusive).
 * @param values - the values
 * @param from - first index
 * @param to - last index, inclusive
 * @returns the minimum (Infinity for an empty range)
 */
export function minOfRange(values: Float64Array, from: number, to: number): number {
  let m = Infinity;
  for (let i = from; i <= to; i++) if (values[i] < m) m = values[i];
  return m;
}
