import { float64Prefix, FLOAT64_PREFIX_BUCKETS as BUCKETS } from './float64-prefix.js';
import { radixSortFloat64 } from './radix-sort-float64.js';

/** Buckets at most this big are sorted; bigger ones are split again by their next 16 bits. */
const SORT_UP_TO = 2048;

/**
 * Order statistics of float64 values at several ranks at once, without sorting or changing the values: a most
 * significant digit radix selection. One pass counts the values per 16-bit key prefix (sign, exponent and the top 4
 * mantissa bits: every bucket is a contiguous interval of values, the buckets in value order); a second pass copies out
 * only the values of the buckets holding a wanted rank. A copied bucket of more than 2048 values is split the same way
 * by its next 16 bits (and so on, at most four levels: the whole 64 bits), a smaller one sorted. The result is exactly
 * what a full ascending sort would hold at each rank.
 *
 * @remarks Two reads of the values, a 256 KiB histogram, and two reads of each copied bucket per further level, where
 * a sort writes every value at least twice. Clustered values (a few octaves: each top-level bucket then holds ~1-4% of
 * the rows) mostly take two levels. `-0` ranks before `+0`, as in `radixSortFloat64` (they are equal numbers).
 *
 * @param values - the values (no NaN); not modified
 * @param ranks - wanted 0-based ranks of the ascending order, each an integer in [0, values.length); any order,
 *   duplicates allowed
 * @param abs - rank `|values|` instead of the values (the results are then non-negative)
 * @returns the value at each rank, in the order of `ranks`
 * @throws RangeError for a rank outside [0, values.length) or not an integer
 * @example
 * ```ts
 * selectRanks(Float64Array.of(5, -1, 4, 2, 3), [0, 2, 4]); // Float64Array [-1, 3, 5]
 * selectRanks(Float64Array.of(5, -1, 4, 2, 3), [0], true); // Float64Array [1]
 * ```
 */
export function selectRanks(values: Float64Array, ranks: ArrayLike<number>, abs = false): Float64Array {
  const n = values.length;
  const out = new Float64Array(ranks.length);
  for (let r = 0; r < ranks.length; r++) {
    const rank = ranks[r];
    if (!Number.isInteger(rank) || rank < 0 || rank >= n) {
      throw new RangeError(`rank ${String(rank)} is outside [0, ${n}) or not an integer`);
    }
  }
  if (ranks.length === 0) return out;
  const wanted = Array.from(ranks, (rank, at) => ({ rank, at })).sort((a, b) => a.rank - b.rank);
  const found = selectSorted(values, wanted.map((w) => w.rank), 0, abs, false);
  wanted.forEach((w, i) => { out[w.at] = found[i]; });
  return out;
}

/**
 * The values at ascending ranks of `values`, split by the 16-bit digit of `level` (0: the prefix with the sign and
 * exponent, 1-3: the next 16 bits each). At level 0 `values` is the caller's (read only, `abs` applied while copying);
 * deeper, a private copy whose values all share their higher digits and sign (`negative`: lower bits then rank in
 * reverse).
 */
function selectSorted(values: Float64Array, ranks: readonly number[], level: number, abs: boolean, negative: boolean): number[] {
  const n = values.length;
  if (n <= SORT_UP_TO || level > 3) {
    const sorted = level === 0 ? Float64Array.from(values, abs ? Math.abs : Number) : values;
    // The built-in typed-array sort is numeric, with -0 before +0 (as the radix sort).
    sorted.sort();
    return ranks.map((rank) => sorted[rank]);
  }
  // Little-endian float64: word 2i + 1 holds the sign, the exponent and the top 20 mantissa bits of value i.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // The digit: at level 0 the sign-aware prefix (or, for |values|, the prefix without the sign bit), deeper the next 16
  // bits, reversed for negatives. Written out in the loops below: a digit function called through a variable there
  // cost ~3x (measured: the call is not inlined).
  const signed = level === 0 && !abs;
  const word = level <= 1 ? 1 : 0;
  const shift = level === 0 || level === 2 ? 16 : 0;
  const mask = level === 0 ? 0x7fff : 0xffff;
  const flip = negative ? 0xffff : 0;
  const counts = new Uint32Array(BUCKETS);
  if (signed) {
    for (let i = 1; i < 2 * n; i += 2) counts[float64Prefix(words[i])]++;
  } else {
    for (let i = word; i < 2 * n; i += 2) counts[((words[i] >>> shift) & mask) ^ flip]++;
  }

  // Each wanted rank's bucket; each bucket holding one gets a slot in the copy, with its first rank there.
  const slotOf = new Int32Array(BUCKETS).fill(-1);
  const slotBucket: number[] = [];
  const slotStart: number[] = [];
  const slotRank: number[] = [];
  const rankSlot: number[] = [];
  let copied = 0;
  let bucket = 0;
  let below = 0;
  for (const rank of ranks) {
    while (below + counts[bucket] <= rank) below += counts[bucket++];
    if (slotOf[bucket] < 0) {
      slotOf[bucket] = slotStart.length;
      slotBucket.push(bucket);
      slotStart.push(copied);
      slotRank.push(below);
      copied += counts[bucket];
    }
    rankSlot.push(slotOf[bucket]);
  }

  const picked = new Float64Array(copied);
  const cursor = Int32Array.from(slotStart);
  if (signed) {
    for (let i = 0; i < n; i++) {
      const slot = slotOf[float64Prefix(words[2 * i + 1])];
      if (slot >= 0) picked[cursor[slot]++] = values[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const slot = slotOf[((words[2 * i + word] >>> shift) & mask) ^ flip];
      if (slot >= 0) picked[cursor[slot]++] = abs ? Math.abs(values[i]) : values[i];
    }
  }
  const result: number[] = [];
  for (let s = 0; s < slotStart.length; s++) {
    const inSlot: number[] = [];
    ranks.forEach((rank, r) => { if (rankSlot[r] === s) inSlot.push(rank - slotRank[s]); });
    // Below the top level every value of a bucket has the bucket's sign; at the top, buckets under 0x8000 are negative.
    const deeperNegative = level === 0 ? !abs && slotBucket[s] < 0x8000 : negative;
    result.push(...selectSorted(picked.subarray(slotStart[s], cursor[s]), inSlot, level + 1, false, deeperNegative));
  }
  return result;
}
