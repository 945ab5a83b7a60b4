import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import { float64Prefix, FLOAT64_PREFIX_BUCKETS } from '../../kernels/js/float64-prefix.js';
import { sortedRuns } from '../../kernels/js/js-kernels.js';
import { uninitializedArray } from '../../kernels/js/uninitialized-array.js';

/** One added batch: its rows grouped by score prefix (ascending), and where each non-empty bucket starts. */
interface PrefixBatch {
  readonly keys: Float64Array;
  readonly flags: Uint8Array;
  /** Non-empty prefix buckets, ascending. */
  readonly buckets: Uint16Array;
  /** Row offset of each of `buckets` in `keys` / `flags`, then the batch's length. */
  readonly starts: Uint32Array;
  readonly positives: number;
}

/**
 * Unweighted binary rows kept unsorted until their curve is needed, grouped by the 16-bit prefix of their score (sign,
 * exponent, top 4 mantissa bits: `float64Prefix`) — one counting pass and one scatter per added batch, a most
 * significant digit radix pass. `drain` then sorts bucket by bucket, from the highest scores down (each bucket holds
 * a few percent of the rows, sorted in cache), and writes the curve's runs straight after each other: buckets are
 * disjoint score ranges, so no merge is needed. The curve is exactly `jsBinaryClfCurve` of all rows (integer counts).
 *
 * @remarks Memory: 9 bytes a row held (the score and its class flag), against 16 per distinct score for sorted runs
 * plus what merging runs needs; `drain` adds the curve (16 bytes a distinct score, written into buffers sized by the
 * rows, whose untouched tail stays unallocated memory) and 18 bytes a row of the largest bucket for its sort. Batches
 * are never written after `add`, so `addFrom` shares them between stores.
 * @example
 * ```ts
 * const b = new PrefixBuckets();
 * b.add(Float64Array.of(0.2, 0.9, 0.2), Uint8Array.of(1, 0, 0));
 * b.drain(); // thresholds [0.9, 0.2], tps [0, 1], fps [1, 2]
 * ```
 */
export class PrefixBuckets {
  private batches: PrefixBatch[] = [];
  /** Rows per bucket over every batch. */
  private readonly totals = new Float64Array(FLOAT64_PREFIX_BUCKETS);
  /** Rows held. */
  rows = 0;
  /** Positive rows held. */
  positives = 0;

  /** Bytes of the rows held (9 a row: score and class flag; batches shared with another store count in both). */
  get bytes(): number {
    return 9 * this.rows;
  }

  /**
   * Adds rows (copied: the arrays are not kept).
   * @param scores - finite scores
   * @param positive - 1 for a positive row, 0 for a negative one (same length)
   */
  add(scores: Float64Array | Float32Array, positive: Uint8Array): void {
    const n = scores.length;
    if (n === 0) return;
    const values = scores instanceof Float64Array ? scores : Float64Array.from(scores);
    // Little-endian float64: word 2i + 1 holds the sign, the exponent and the top 20 mantissa bits of score i.
    const hi = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
    const counts = new Uint32Array(FLOAT64_PREFIX_BUCKETS);
    for (let i = 1; i < 2 * n; i += 2) counts[float64Prefix(hi[i])]++;
    let used = 0;
    for (let b = 0; b < FLOAT64_PREFIX_BUCKETS; b++) if (counts[b] !== 0) used++;
    const buckets = new Uint16Array(used);
    const starts = new Uint32Array(used + 1);
    // counts becomes each bucket's write position.
    let at = 0;
    for (let b = 0, k = 0; b < FLOAT64_PREFIX_BUCKETS; b++) {
      const c = counts[b];
      if (c === 0) continue;
      this.totals[b] += c;
      buckets[k] = b;
      starts[k++] = at;
      counts[b] = at;
      at += c;
    }
    starts[used] = n;
    const keys = new Float64Array(n);
    const flags = new Uint8Array(n);
    let positives = 0;
    for (let i = 0; i < n; i++) {
      const b = float64Prefix(hi[2 * i + 1]);
      const to = counts[b]++;
      const f = positive[i];
      keys[to] = values[i];
      flags[to] = f;
      positives += f;
    }
    this.batches.push({ keys, flags, buckets, starts, positives });
    this.rows += n;
    this.positives += positives;
  }

  /**
   * Adds the rows of another store (shared, not copied: neither store writes them again).
   * @param other - the other store (unchanged; may be this one)
   */
  addFrom(other: PrefixBuckets): void {
    const batches = other.batches.slice();
    for (let b = 0; b < FLOAT64_PREFIX_BUCKETS; b++) this.totals[b] += other.totals[b];
    this.batches.push(...batches);
    for (const batch of batches) {
      this.rows += batch.keys.length;
      this.positives += batch.positives;
    }
  }

  /**
   * Sorts every row held into runs merged with `held` runs (in their own arrays when these have room), and empties
   * the store.
   * @param held - sorted runs (descending thresholds, cumulative counts) in arrays of `capacity` >= their `length`;
   *   written over when their capacity holds `length + rows` and their counts are of the kind asked for
   * @param float - float64 counts (the held counts are float64, or the totals could pass 2^32 - 1), else uint32
   * @returns the merged runs: thresholds descending (-0 as +0), cumulative counts; `length` of them at the start of
   *   the returned arrays, whose capacity is the held arrays' (in place) or twice `length + rows` (new, the tail
   *   untouched: unallocated memory until a later merge uses it)
   * @remarks Into new arrays the merge runs forwards, from the highest bucket down, and writes only the merged runs.
   *   In place it runs backwards, from the lowest bucket up, writing from position `held.length + rows - 1` down
   *   (never past the held runs still to read), like `ScoreRuns`' in-place merge: a run's cumulative count is the held
   *   runs' count at the lowest held score at or above it plus the rows' count likewise (the rows' totals known, each
   *   bucket's counts from those below); held runs above every row keep their place and counts, and the gap left by
   *   equal scores is closed at the end.
   */
  drain(held: HeldRuns | undefined, float: boolean): HeldRuns {
    const heldLength = held?.length ?? 0;
    const end = heldLength + this.rows;
    const Counts = float ? Float64Array : Uint32Array;
    const inPlace = held !== undefined && held.thresholds.length >= end && held.tps instanceof Counts && held.fps instanceof Counts;
    const merged = inPlace
      ? this.mergeBackward(held, end)
      : this.mergeForward(held, uninitializedArray(Float64Array, 2 * end), uninitializedArray(Counts, 2 * end), uninitializedArray(Counts, 2 * end));
    this.batches = [];
    this.totals.fill(0);
    this.rows = 0;
    this.positives = 0;
    return merged;
  }

  /** Forward merge into new arrays (see `drain`). */
  private mergeForward(held: HeldRuns | undefined, T: Float64Array, P: Uint32Array | Float64Array, N: Uint32Array | Float64Array): HeldRuns {
    const heldLength = held?.length ?? 0;
    const heldT = held?.thresholds ?? T;
    const heldP = held?.tps ?? P;
    const heldN = held?.fps ?? N;
    // The two lists' cumulative counts down to the last score taken from each; w runs written.
    let pa = 0;
    let na = 0;
    let pb = 0;
    let nb = 0;
    let h = 0;
    let w = 0;
    this.sortBuckets(true, (runs, keys, runP, runN) => {
      for (let r = 0; r < runs; r++) {
        const y = keys[r];
        while (h < heldLength && heldT[h] > y) {
          pa = heldP[h];
          na = heldN[h];
          w = emitForward(T, P, N, w, heldT[h], pa + pb, na + nb);
          h++;
        }
        if (h < heldLength && heldT[h] === y) {
          pa = heldP[h];
          na = heldN[h];
          h++;
        }
        pb = runP[r];
        nb = runN[r];
        w = emitForward(T, P, N, w, y, pa + pb, na + nb);
      }
      return [pb, nb];
    });
    for (; h < heldLength; h++) w = emitForward(T, P, N, w, heldT[h], heldP[h] + pb, heldN[h] + nb);
    return { thresholds: T, tps: P, fps: N, length: w };
  }

  /** Backward merge in the held runs' own arrays (see `drain`). */
  private mergeBackward(held: HeldRuns, end: number): HeldRuns {
    const { thresholds: T, tps: P, fps: N } = held;
    let h = held.length - 1;
    let w = end - 1;
    // Rows of the buckets below the current one.
    let posBelow = 0;
    let negBelow = 0;
    this.sortBuckets(false, (runs, keys, runP, runN) => {
      // The rows scoring above this bucket: the bucket's run r then counts pAbove + runP[r] positives down to it.
      const pAbove = this.positives - posBelow - runP[runs - 1];
      const nAbove = this.rows - this.positives - negBelow - runN[runs - 1];
      for (let r = runs - 1; r >= 0; r--) {
        const y = keys[r];
        const pb = pAbove + runP[r];
        const nb = nAbove + runN[r];
        // Held runs below y: the rows' count down to them is the one down to y.
        while (h >= 0 && T[h] < y) {
          w = emitBackward(T, P, N, w, end, T[h], P[h] + pb, N[h] + nb);
          h--;
        }
        let pa = 0;
        let na = 0;
        if (h >= 0) {
          pa = P[h];
          na = N[h];
          if (T[h] === y) h--;
        }
        w = emitBackward(T, P, N, w, end, y, pa + pb, na + nb);
      }
      posBelow += runP[runs - 1];
      negBelow += runN[runs - 1];
      return [0, 0];
    });
    // Held runs 0..h score above every row: already in place, with their counts. Close the gap of combined runs.
    const gap = w - h;
    if (gap > 0) {
      T.copyWithin(h + 1, w + 1, end);
      P.copyWithin(h + 1, w + 1, end);
      N.copyWithin(h + 1, w + 1, end);
    }
    return { thresholds: T, tps: P, fps: N, length: end - gap };
  }

  /**
   * Sorts the buckets one by one, from the highest (`descending`) or the lowest, into runs with cumulative counts
   * (counted from the rows of the buckets visited before when descending, from 0 otherwise) and hands each to `visit`
   * (runs, distinct scores descending in `keys`, counts in `runP` / `runN`), which returns the counts to go on from.
   */
  private sortBuckets(
    descending: boolean,
    visit: (runs: number, keys: Float64Array, runP: Uint32Array, runN: Uint32Array) => [number, number],
  ): void {
    let largest = 0;
    for (let b = 0; b < FLOAT64_PREFIX_BUCKETS; b++) if (this.totals[b] > largest) largest = this.totals[b];
    const keys = new Float64Array(largest);
    const flags = new Uint8Array(largest);
    const scratchKeys = new Float64Array(largest);
    const scratchFlags = new Uint8Array(largest);
    // A bucket's runs' counts go to the sort's scratch buffer once the sort is done with it (as the js kernel does).
    const runP = new Uint32Array(scratchKeys.buffer, 0, largest);
    const runN = new Uint32Array(scratchKeys.buffer, 4 * largest, largest);
    const batches = this.batches;
    // Each batch's next bucket to read.
    const cursor = batches.map((batch) => (descending ? batch.buckets.length - 1 : 0));
    const step = descending ? -1 : 1;
    let tp = 0;
    let fp = 0;
    for (let b = descending ? FLOAT64_PREFIX_BUCKETS - 1 : 0; b >= 0 && b < FLOAT64_PREFIX_BUCKETS; b += step) {
      const size = this.totals[b];
      if (size === 0) continue;
      let filled = 0;
      for (let j = 0; j < batches.length; j++) {
        const k = cursor[j];
        const batch = batches[j];
        if (k < 0 || k >= batch.buckets.length || batch.buckets[k] !== b) continue;
        const from = batch.starts[k];
        const to = batch.starts[k + 1];
        keys.set(batch.keys.subarray(from, to), filled);
        flags.set(batch.flags.subarray(from, to), filled);
        filled += to - from;
        cursor[j] = k + step;
      }
      const runs = sortedRuns(keys.subarray(0, size), flags.subarray(0, size), scratchKeys, scratchFlags, runP, runN, tp, fp);
      [tp, fp] = visit(runs, keys, runP, runN);
    }
  }
}

/** Sorted runs in arrays with room (see `PrefixBuckets.drain`). */
export interface HeldRuns {
  readonly thresholds: Float64Array;
  readonly tps: Uint32Array | Float64Array;
  readonly fps: Uint32Array | Float64Array;
  /** Runs at the start of the arrays. */
  readonly length: number;
}

/**
 * Writes a run at w, or, when its score equals the last one written (-0 after +0: they bucket apart; a held -0), gives
 * that run these later cumulative counts.
 * @returns the runs written now
 */
function emitForward(T: Float64Array, P: Uint32Array | Float64Array, N: Uint32Array | Float64Array, w: number, t: number, p: number, n: number): number {
  if (w > 0 && T[w - 1] === t) {
    P[w - 1] = p;
    N[w - 1] = n;
    return w;
  }
  T[w] = t + 0;
  P[w] = p;
  N[w] = n;
  return w + 1;
}

/**
 * Writes a run at w, walking backwards (ascending scores); a score equal to the one just written (-0 and +0 bucket
 * apart; a held -0) joins that run, which already has the larger cumulative counts.
 * @returns the next write position
 */
function emitBackward(
  T: Float64Array, P: Uint32Array | Float64Array, N: Uint32Array | Float64Array, w: number, end: number, t: number, p: number, n: number,
): number {
  if (w < end - 1 && T[w + 1] === t) return w;
  T[w] = t + 0;
  P[w] = p;
  N[w] = n;
  return w - 1;
}
