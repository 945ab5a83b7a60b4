import { selectDifferenceRanks, selectRanks } from '../../kernels/js/select-ranks.js';
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
  return quantilesOfRanks(values.length, qs, (ranks) => selectRanks(values, ranks));
}

/**
 * {@link linearQuantilesByRanks} of the differences `a[i] - b[i]` (the residuals of a regression), without an array of
 * them (`selectDifferenceRanks`).
 * @param a - the minuends (no NaN), at least one
 * @param b - the subtrahends, as long as `a`
 * @param qs - quantiles in [0, 1]
 * @returns the quantile of each q, in order
 * @example
 * ```ts
 * linearQuantilesOfDifferences(Float64Array.of(5, 2, 4, 3), Float64Array.of(1, 1, 1, 1), [0, 0.5, 1]); // [1, 2.5, 4]
 * ```
 */
export function linearQuantilesOfDifferences(a: Float64Array | Float32Array, b: Float64Array | Float32Array, qs: readonly number[]): number[] {
  return quantilesOfRanks(a.length, qs, (ranks) => selectDifferenceRanks(a, b, ranks));
}

/** The quantiles of n values from the order statistics `pick` finds at the ranks they interpolate. */
function quantilesOfRanks(n: number, qs: readonly number[], pick: (ranks: number[]) => Float64Array): number[] {
  if (n === 0) return qs.map(() => NaN);
  const wanted = quantileRanks(n, qs);
  return quantilesFromRanks(n, qs, wanted, pick(wanted));
}

/**
 * The ranks (0-based, ascending order of n values) that numpy's linear quantiles `qs` interpolate, each once.
 * @param n - the number of values (at least one)
 * @param qs - quantiles in [0, 1]
 * @returns the ranks, no duplicates
 */
export function quantileRanks(n: number, qs: readonly number[]): number[] {
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
  return [...ranks];
}

/**
 * The linear quantiles `qs` of n values from their order statistics at `quantileRanks(n, qs)`, combined exactly as
 * `linearQuantileOfSorted` combines them.
 * @param n - the number of values
 * @param qs - quantiles in [0, 1]
 * @param ranks - `quantileRanks(n, qs)`
 * @param picked - the value at each of those ranks
 * @returns the quantile of each q, in order
 */
export function quantilesFromRanks(n: number, qs: readonly number[], ranks: readonly number[], picked: ArrayLike<number>): number[] {
  // A sparse stand-in for the sorted values: exactly the ranks linearQuantileOfSorted reads.
  const sorted: { length: number; [rank: number]: number } = { length: n };
  ranks.forEach((rank, i) => { sorted[rank] = picked[i]; });
  return qs.map((q) => linearQuantileOfSorted(sorted, q));
}
