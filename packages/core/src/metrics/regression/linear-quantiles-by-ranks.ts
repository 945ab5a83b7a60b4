import { selectRanks } from '../../kernels/js/select-ranks.js';
import { linearQuantileOfSorted } from './linear-quantile-of-sorted.js';

/**
 * numpy's linear quantiles (`numpy.quantile(x, qs)`, method "linear") of unsorted values, without sorting or changing
 * them: the order statistics each quantile interpolates are found together by one radix selection (`selectRanks`),
 * then combined exactly as `linearQuantileOfSorted` combines them, so every result equals the sorted computation to
 * the last bit.
 *
 * @param values - the values (no NaN), at least one; not modified
 * @param qs - quantiles in [0, 1]
 * @returns the quantile of each q, in order
 * @example
 * ```ts
 * linearQuantilesByRanks(Float64Array.of(4, 1, 3, 2), [0, 0.5, 1]); // [1, 2.5, 4]
 * ```
 */
export function linearQuantilesByRanks(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => NaN);
  const ranks = new Set<number>();
  for (const q of qs) {
    const pos = (n - 1) * q;
    if (pos >= n - 1) ranks.add(n - 1);
    else if (pos <= 0) ranks.add(0);
    else {
      const k = Math.floor(pos);
      ranks.add(k).add(k + 1);
    }
  }
  const wanted = [...ranks];
  const picked = selectRanks(values, wanted);
  // A sparse stand-in for the sorted values: exactly the ranks linearQuantileOfSorted reads.
  const sorted: { length: number; [rank: number]: number } = { length: n };
  wanted.forEach((rank, i) => { sorted[rank] = picked[i]; });
  return qs.map((q) => linearQuantileOfSorted(sorted, q));
}
