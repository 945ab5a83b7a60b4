import { minOfRange, selectKth } from '../../kernels/js/select-kth.js';

/**
 * numpy's linear quantile (`numpy.quantile(x, q)`, method "linear") of `values[from..to]` without sorting them: the
 * two order statistics it interpolates are found by selection, then combined exactly as `linearQuantileOfSorted`
 * combines them, so the result is the same to the last bit. Reorders the range in place (pass a copy to keep it).
 *
 * @param values - the values (no NaN); the range is partially reordered
 * @param q - the quantile in [0, 1]
 * @param from - first index of the range (default 0)
 * @param to - last index, inclusive (default values.length - 1)
 * @returns the quantile; NaN for an empty range
 * @example
 * ```ts
 * linearQuantileBySelection(Float64Array.of(4, 1, 3, 2), 0.5); // 2.5
 * ```
 */
export function linearQuantileBySelection(values: Float64Array, q: number, from = 0, to = values.length - 1): number {
  const n = to - from + 1;
  if (n <= 0) return NaN;
  const pos = (n - 1) * q;
  if (pos >= n - 1) return selectKth(values, to, from, to);
  if (pos <= 0) return selectKth(values, from, from, to);
  const k = Math.floor(pos);
  const g = pos - k;
  const a = selectKth(values, from + k, from, to);
  const b = minOfRange(values, from + k + 1, to);
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}
