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
  return inRankOrder(values.length, ranks, (sorted) => selectSorted(values, sorted, 0, abs, false));
}

/**
 * {@link selectRanks} of the differences `a[i] - b[i]` (as JavaScript computes them, in float64), without an array of
 * them: the counting and the copying pass each compute them again. For the residuals of a regression, whose array
 * would be fresh memory (80 MB at 1e7 rows: its first touches cost more than both passes on the 2-core reference VM).
 *
 * @param a - the minuends (no NaN)
 * @param b - the subtrahends, as long as `a` (no NaN)
 * @param ranks - as `selectRanks`
 * @param abs - rank `|a[i] - b[i]|` instead
 * @returns the difference at each rank, in the order of `ranks`
 * @throws RangeError as `selectRanks`, or for arrays of different lengths
 * @example
 * ```ts
 * selectDifferenceRanks(Float64Array.of(5, 1, 4), Float64Array.of(1, 1, 1), [0, 2]); // Float64Array [0, 4]
 * ```
 */
export function selectDifferenceRanks(
  a: Float64Array | Float32Array, b: Float64Array | Float32Array, ranks: ArrayLike<number>, abs = false,
): Float64Array {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`the arrays differ in length (${n} and ${b.length})`);
  if (n <= SORT_UP_TO) return selectRanks(Float64Array.from(a, (x, i) => x - b[i]), ranks, abs);
  return inRankOrder(n, ranks, (sorted) => {
    const block = new DifferenceBlock(a, b);
    const high = block.high;
    const counts = new Uint32Array(BUCKETS);
    for (let from = 0; from < n; from += BLOCK) {
      const m = block.fill(from);
      if (abs) for (let j = 1; j < 2 * m; j += 2) counts[(high[j] >>> 16) & 0x7fff]++;
      else for (let j = 1; j < 2 * m; j += 2) counts[float64Prefix(high[j])]++;
    }
    const slots = slotsFor(counts, sorted);
    const picked = new Float64Array(slots.copied);
    const cursor = Int32Array.from(slots.start);
    const slotOf = slots.slotOf;
    const values = block.values;
    for (let from = 0; from < n; from += BLOCK) {
      const m = block.fill(from);
      for (let j = 0; j < m; j++) {
        const slot = slotOf[abs ? (high[2 * j + 1] >>> 16) & 0x7fff : float64Prefix(high[2 * j + 1])];
        if (slot >= 0) picked[cursor[slot]++] = abs ? Math.abs(values[j]) : values[j];
      }
    }
    return selectInSlots(picked, cursor, slots, sorted, 0, abs, false);
  });
}

/** Rows of differences computed at a time (a 32 KiB block, in the core's first-level cache). */
const BLOCK = 4096;

/**
 * The differences a[i] - b[i] of a block of rows at a time, with their 32-bit words: reading a difference's high word
 * right after storing it through another view of one value ran ~10 ns a row (a store forwarded to a narrower load);
 * a block written, then read, costs ~1 ns.
 */
class DifferenceBlock {
  readonly values = new Float64Array(BLOCK);
  /** Little-endian: word 2j + 1 is the high word of value j. */
  readonly high = new Uint32Array(this.values.buffer);

  constructor(private readonly a: Float64Array | Float32Array, private readonly b: Float64Array | Float32Array) {}

  /** Computes the block of rows from `from` on; returns how many. */
  fill(from: number): number {
    const { a, b, values } = this;
    const m = Math.min(BLOCK, a.length - from);
    for (let j = 0; j < m; j++) values[j] = a[from + j] - b[from + j];
    return m;
  }
}

/** Checks the ranks, finds them in ascending order with `select`, and returns the values in the order asked. */
function inRankOrder(n: number, ranks: ArrayLike<number>, select: (sorted: number[]) => number[]): Float64Array {
  const out = new Float64Array(ranks.length);
  for (let r = 0; r < ranks.length; r++) {
    const rank = ranks[r];
    if (!Number.isInteger(rank) || rank < 0 || rank >= n) {
      throw new RangeError(`rank ${String(rank)} is outside [0, ${n}) or not an integer`);
    }
  }
  if (ranks.length === 0) return out;
  const wanted = Array.from(ranks, (rank, at) => ({ rank, at })).sort((x, y) => x.rank - y.rank);
  const found = select(wanted.map((w) => w.rank));
  wanted.forEach((w, i) => { out[w.at] = found[i]; });
  return out;
}

/** The buckets holding wanted ranks: a slot each, its first rank's place in the copy and the rows below it. */
interface Slots {
  /** Slot of each bucket (numbered from `slotsFor`'s `first`), -1 where no wanted rank lies. */
  readonly slotOf: Int32Array;
  readonly bucket: number[];
  /** Where each slot's values start in the copy. */
  readonly start: number[];
  /** Values below each slot's bucket. */
  readonly below: number[];
  /** The slot of each wanted rank. */
  readonly rankSlot: number[];
  /** Values to copy, all slots together. */
  readonly copied: number;
}

/**
 * The slots of `ranks` (ascending) among values counted per bucket in `counts`. `slotOf` receives each wanted
 * bucket's slot numbered from `first` (a view of a table shared by several groups); `rankSlot` counts from 0.
 */
function slotsFor(counts: Uint32Array, ranks: readonly number[], slotOf = new Int32Array(BUCKETS).fill(-1), first = 0): Slots {
  const bucketOf: number[] = [];
  const start: number[] = [];
  const belowOf: number[] = [];
  const rankSlot: number[] = [];
  let copied = 0;
  let bucket = 0;
  let below = 0;
  for (const rank of ranks) {
    while (below + counts[bucket] <= rank) below += counts[bucket++];
    if (slotOf[bucket] < 0) {
      slotOf[bucket] = first + start.length;
      bucketOf.push(bucket);
      start.push(copied);
      belowOf.push(below);
      copied += counts[bucket];
    }
    rankSlot.push(slotOf[bucket] - first);
  }
  return { slotOf, bucket: bucketOf, start, below: belowOf, rankSlot, copied };
}

/**
 * The wanted ranks from the copied buckets: each slot's values (`picked`, from `start` to `cursor`) searched one level
 * deeper. Below the top level every value of a bucket has the bucket's sign; at the top, buckets under 0x8000 are
 * negative (unless ranked by absolute value).
 */
function selectInSlots(
  picked: Float64Array, cursor: Int32Array, slots: Slots, ranks: readonly number[], level: number, abs: boolean, negative: boolean,
): number[] {
  const result: number[] = [];
  for (let s = 0; s < slots.start.length; s++) {
    const inSlot: number[] = [];
    ranks.forEach((rank, r) => { if (slots.rankSlot[r] === s) inSlot.push(rank - slots.below[s]); });
    const deeperNegative = level === 0 ? !abs && slots.bucket[s] < 0x8000 : negative;
    result.push(...selectSorted(picked.subarray(slots.start[s], cursor[s]), inSlot, level + 1, false, deeperNegative));
  }
  return result;
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
  const slots = slotsFor(counts, ranks);
  const slotOf = slots.slotOf;
  const copied = slots.copied;
  const picked = new Float64Array(copied);
  const cursor = Int32Array.from(slots.start);
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
  return selectInSlots(picked, cursor, slots, ranks, level, abs, negative);
}

/**
 * {@link selectDifferenceRanks} within groups: the order statistics of the differences `a[i] - b[i]` of the rows of
 * each group `group[i]`, at ranks of that group, in two passes over the rows (per group and 16-bit prefix counts, then
 * a copy of the rows in the buckets holding a wanted rank) and no array of the differences or of the groups' rows.
 * For the residual quantiles of each prediction bin of a regression report.
 *
 * @param a - the minuends (no NaN)
 * @param b - the subtrahends, as long as `a`
 * @param group - each row's group, below `ranks.length`
 * @param ranks - for each group, ranks among its rows (each below the group's row count)
 * @returns for each group, the difference at each of its ranks, in the order asked
 * @throws RangeError for arrays of different lengths, a group out of range or a rank outside its group
 * @example
 * ```ts
 * selectDifferenceRanksByGroup(Float64Array.of(3, 1, 2, 9), new Float64Array(4), Uint8Array.of(0, 0, 0, 1), [[0, 2], [0]]);
 * // [Float64Array [1, 3], Float64Array [9]]
 * ```
 */
export function selectDifferenceRanksByGroup(
  a: Float64Array | Float32Array, b: Float64Array | Float32Array, group: Uint8Array, ranks: ReadonlyArray<ArrayLike<number>>,
): Float64Array[] {
  const n = a.length;
  if (b.length !== n || group.length !== n) throw new RangeError(`the arrays differ in length (${n}, ${b.length} and ${group.length})`);
  const groups = ranks.length;
  for (let i = 0; i < n; i++) {
    if (group[i] >= groups) throw new RangeError(`row ${i} is in group ${group[i]}, beyond the ${groups} groups`);
  }
  const block = new DifferenceBlock(a, b);
  const { values, high } = block;
  const counts = new Uint32Array(groups * BUCKETS);
  for (let from = 0; from < n; from += BLOCK) {
    const m = block.fill(from);
    for (let j = 0; j < m; j++) counts[group[from + j] * BUCKETS + float64Prefix(high[2 * j + 1])]++;
  }
  // Each group's wanted buckets: slots numbered across the groups, their copies one after the other.
  const slotOf = new Int32Array(groups * BUCKETS).fill(-1);
  const perGroup: Array<{ slots: Slots; first: number; sorted: number[]; order: number[] }> = [];
  let copied = 0;
  let slotCount = 0;
  for (let g = 0; g < groups; g++) {
    const rows = counts.subarray(g * BUCKETS, (g + 1) * BUCKETS);
    let total = 0;
    for (let k = 0; k < BUCKETS; k++) total += rows[k];
    const asked = Array.from(ranks[g]);
    for (const rank of asked) {
      if (!Number.isInteger(rank) || rank < 0 || rank >= total) throw new RangeError(`rank ${String(rank)} is outside group ${g}'s [0, ${total}) or not an integer`);
    }
    const order = asked.map((_, at) => at).sort((x, y) => asked[x] - asked[y]);
    const sorted = order.map((at) => asked[at]);
    const slots = slotsFor(rows, sorted, slotOf.subarray(g * BUCKETS, (g + 1) * BUCKETS), slotCount);
    perGroup.push({ slots: { ...slots, start: slots.start.map((x) => x + copied) }, first: slotCount, sorted, order });
    slotCount += slots.bucket.length;
    copied += slots.copied;
  }
  const picked = new Float64Array(copied);
  const cursor = new Int32Array(slotCount);
  for (const { slots, first } of perGroup) slots.start.forEach((at, s) => { cursor[first + s] = at; });
  for (let from = 0; from < n; from += BLOCK) {
    const m = block.fill(from);
    for (let j = 0; j < m; j++) {
      const slot = slotOf[group[from + j] * BUCKETS + float64Prefix(high[2 * j + 1])];
      if (slot >= 0) picked[cursor[slot]++] = values[j];
    }
  }
  return perGroup.map(({ slots, first, sorted, order }) => {
    const found = selectInSlots(picked, cursor.subarray(first, first + slots.bucket.length), slots, sorted, 0, false, false);
    const out = new Float64Array(sorted.length);
    order.forEach((at, i) => { out[at] = found[i]; });
    return out;
  });
}
