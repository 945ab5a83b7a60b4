import { radixSortSharedPrefix } from '../../kernels/js/radix-sort-float64.js';

/**
 * One batch of a `PrefixBuckets` store: its rows' scores grouped by score prefix (ascending), each bucket's positive
 * rows first, then its negative ones.
 */
export interface PrefixBatch {
  /** Scores (shared memory where the runtime has it, so other threads can sort them). */
  readonly keys: Float64Array;
  /** Non-empty prefix buckets, ascending. */
  readonly buckets: Uint16Array;
  /** Row offset of each of `buckets` in `keys`, then the batch's length. */
  readonly starts: Uint32Array;
  /** Row offset of each of `buckets`' negative rows (its positive rows run from its start to there). */
  readonly splits: Uint32Array;
  readonly positives: number;
  /**
   * Stores holding the batch (`PrefixBuckets.addFrom` shares batches); when the last lets go (drained, or its state
   * recycled), its arrays go back to the store's `PrefixRowPool`.
   */
  holders: number;
}

/** Sorted runs in arrays with room: `length` runs at their start (see `PrefixBuckets.drain`). */
export interface HeldRuns {
  readonly thresholds: Float64Array;
  readonly tps: Uint32Array | Float64Array;
  readonly fps: Uint32Array | Float64Array;
  readonly length: number;
}

/** A range of prefix buckets to sort on another thread (`prefixRangeRuns`). */
export interface PrefixRangeJob {
  readonly kind: 'prefix-range';
  /** Every batch of the store (their scores in shared memory). */
  readonly batches: readonly PrefixBatch[];
  /** The range's non-empty buckets, descending. */
  readonly buckets: Uint16Array;
  /** Rows of each of `buckets`, over all batches. */
  readonly sizes: Float64Array;
  /**
   * Where to write the runs (shared memory): from `offset`, room for the range's rows; without, new arrays of the
   * range's rows.
   */
  readonly out?: { readonly thresholds: Float64Array; readonly tps: Uint32Array; readonly fps: Uint32Array; readonly offset: number };
}

/**
 * Sorts the listed buckets one by one into runs (distinct scores descending in `keys`, cumulative counts from 0 within
 * the bucket in `runP` / `runN`) and hands each bucket's runs to `visit`: a bucket's positive and negative scores are
 * gathered from every batch, each class sorted on its own (`radixSortSharedPrefix`, no payload), and the two merged
 * into runs. Buckets are visited in the order listed, which must be descending or ascending as `descending` says (each
 * batch's buckets are walked by a cursor).
 * @param batches - the store's batches
 * @param buckets - bucket ids to visit, in order
 * @param sizes - rows of each listed bucket over all batches
 * @param descending - the order of `buckets`
 * @param visit - receives the bucket's runs (valid until the next call)
 */
export function sortPrefixBuckets(
  batches: readonly PrefixBatch[],
  buckets: ArrayLike<number>,
  sizes: ArrayLike<number>,
  descending: boolean,
  visit: (runs: number, keys: Float64Array, runP: Uint32Array, runN: Uint32Array) => void,
): void {
  let largest = 0;
  for (let i = 0; i < sizes.length; i++) if (sizes[i] > largest) largest = sizes[i];
  // A bucket's rows: its positives from the start, its negatives from the end (descending once sorted).
  const rows = new Float64Array(largest);
  // The sorts' scratch, then the bucket's runs.
  const runs = new Float64Array(largest);
  const runP = new Uint32Array(largest);
  const runN = new Uint32Array(largest);
  // Each batch's next bucket to read: its first listed one at or past the start of the walk.
  const first = buckets.length > 0 ? buckets[0] : 0;
  const cursor = batches.map((batch) => {
    let k = descending ? batch.buckets.length - 1 : 0;
    if (descending) while (k >= 0 && batch.buckets[k] > first) k--;
    else while (k < batch.buckets.length && batch.buckets[k] < first) k++;
    return k;
  });
  const step = descending ? -1 : 1;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    const size = sizes[i];
    let pos = 0;
    let neg = size;
    for (let j = 0; j < batches.length; j++) {
      const k = cursor[j];
      const batch = batches[j];
      if (k < 0 || k >= batch.buckets.length || batch.buckets[k] !== b) continue;
      const split = batch.splits[k];
      const end = batch.starts[k + 1];
      rows.set(batch.keys.subarray(batch.starts[k], split), pos);
      pos += split - batch.starts[k];
      neg -= end - split;
      rows.set(batch.keys.subarray(split, end), neg);
      cursor[j] = k + step;
    }
    const positives = rows.subarray(0, pos);
    const negatives = rows.subarray(pos, size);
    radixSortSharedPrefix(positives, undefined, { keys: runs }, true);
    radixSortSharedPrefix(negatives, undefined, { keys: runs }, true);
    visit(mergeClassRuns(positives, negatives, runs, runP, runN), runs, runP, runN);
  }
}

/**
 * Merges a bucket's positive and negative scores, each sorted descending, into runs of distinct scores with cumulative
 * counts from 0 (-0 and +0 never share a bucket).
 * @returns the number of runs written to `keys`, `runP`, `runN`
 */
function mergeClassRuns(pos: Float64Array, neg: Float64Array, keys: Float64Array, runP: Uint32Array, runN: Uint32Array): number {
  const np = pos.length;
  const nn = neg.length;
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < np && j < nn) {
    const p = pos[i];
    const q = neg[j];
    const s = p > q ? p : q;
    while (i < np && pos[i] === s) i++;
    while (j < nn && neg[j] === s) j++;
    keys[w] = s;
    runP[w] = i;
    runN[w] = j;
    w++;
  }
  for (; i < np; w++) {
    const s = pos[i];
    while (i < np && pos[i] === s) i++;
    keys[w] = s;
    runP[w] = i;
    runN[w] = j;
  }
  for (; j < nn; w++) {
    const s = neg[j];
    while (j < nn && neg[j] === s) j++;
    keys[w] = s;
    runP[w] = i;
    runN[w] = j;
  }
  return w;
}

/**
 * The runs of a range of prefix buckets (the body of a worker thread's `prefix-range` task): thresholds descending
 * (-0 as +0), cumulative counts from 0 within the range, written at `job.out` (shared memory) or in new arrays of the
 * range's rows.
 * @param job - the batches (shared memory), the range's buckets, where to write
 * @returns the range's runs (`job.out`'s arrays from its offset, or the new arrays)
 * @example
 * ```ts
 * const runs = prefixRangeRuns({ kind: 'prefix-range', batches, buckets: Uint16Array.of(0xbfe0), sizes: Float64Array.of(3) });
 * ```
 */
export function prefixRangeRuns(job: PrefixRangeJob): HeldRuns {
  let rows = 0;
  for (let i = 0; i < job.sizes.length; i++) rows += job.sizes[i];
  const out = job.out;
  const merger = out === undefined
    ? new ForwardMerger(new Float64Array(rows), new Uint32Array(rows), new Uint32Array(rows), undefined)
    : new ForwardMerger(out.thresholds.subarray(out.offset), out.tps.subarray(out.offset), out.fps.subarray(out.offset), undefined);
  mergeSortedBuckets(job.batches, job.buckets, job.sizes, merger);
  return merger.finish();
}

/**
 * Takes a range's runs (descending, counts from 0 within the range: `prefixRangeRuns`) into a merger, below everything
 * taken so far, counting on from `taken`, which it advances.
 * @param merger - takes the runs
 * @param range - the range's runs
 * @param taken - positives and negatives taken before (all scoring higher); advanced by the range's
 */
export function takeRange(merger: ForwardMerger, range: HeldRuns, taken: { positives: number; negatives: number }): void {
  if (range.length === 0) return;
  merger.take(range.length, range.thresholds, range.tps as Uint32Array, range.fps as Uint32Array, taken.positives, taken.negatives);
  taken.positives += range.tps[range.length - 1];
  taken.negatives += range.fps[range.length - 1];
}

/**
 * Sorts the listed buckets (descending) one by one into a merger, each counting on from the rows above it.
 * @param batches - the store's batches
 * @param buckets - bucket ids, descending
 * @param sizes - rows of each
 * @param merger - takes the runs
 * @returns the positives and negatives taken
 */
export function mergeSortedBuckets(
  batches: readonly PrefixBatch[], buckets: ArrayLike<number>, sizes: ArrayLike<number>, merger: ForwardMerger,
): { positives: number; negatives: number } {
  let offP = 0;
  let offN = 0;
  sortPrefixBuckets(batches, buckets, sizes, true, (runs, keys, runP, runN) => {
    merger.take(runs, keys, runP, runN, offP, offN);
    offP += runP[runs - 1];
    offN += runN[runs - 1];
  });
  return { positives: offP, negatives: offN };
}

/** Receives merged runs a chunk at a time: `count` runs at the start of the arrays (valid during the call only). */
export type RunSink = (thresholds: Float64Array, tps: Float64Array, fps: Float64Array, count: number) => void;

/** Runs a {@link ForwardMerger} hands its sink at a time (48 KiB of chunk arrays). */
export const SINK_CHUNK = 2048;

/**
 * Writes runs forwards into new arrays, merged with held runs: `take` adds runs (descending, cumulative counts from 0)
 * that all score below those taken before, counting on from the rows above them; a run's cumulative count is the held
 * runs' count down to it plus the taken rows' count down to it. A score equal to the last one written (-0 after +0:
 * they bucket apart; a held -0) joins that run with the later counts.
 *
 * With a sink ({@link ForwardMerger.toSink}) the arrays are a small chunk instead: whenever it fills, every run but the
 * last (which a later equal score may still join) goes to the sink, and `finish` hands over the rest — the merged
 * runs are seen once, in order, and never stored whole.
 */
export class ForwardMerger {
  private pa = 0;
  private na = 0;
  private pb = 0;
  private nb = 0;
  private h = 0;
  private w = 0;

  constructor(
    private readonly T: Float64Array,
    private readonly P: Uint32Array | Float64Array,
    private readonly N: Uint32Array | Float64Array,
    private readonly held: HeldRuns | undefined,
    private readonly sink?: RunSink,
  ) {}

  /**
   * A merger that hands its merged runs to `sink` in chunks instead of writing them all.
   * @param held - runs to merge in, or undefined
   * @param sink - receives the merged runs, in order
   * @param chunk - runs per chunk (at least 2)
   * @returns the merger
   */
  static toSink(held: HeldRuns | undefined, sink: RunSink, chunk = SINK_CHUNK): ForwardMerger {
    const size = Math.max(2, chunk);
    return new ForwardMerger(new Float64Array(size), new Float64Array(size), new Float64Array(size), held, sink);
  }

  /** Hands the full chunk but its last run to the sink, and moves that run to the front. */
  private spill(w: number): number {
    const { T, P, N } = this;
    this.sink!(T, P as Float64Array, N as Float64Array, w - 1);
    T[0] = T[w - 1];
    P[0] = P[w - 1];
    N[0] = N[w - 1];
    return 1;
  }

  /**
   * @param runs - how many runs
   * @param keys - their scores, descending
   * @param runP - their cumulative positives, from 0
   * @param runN - their cumulative negatives, from 0
   * @param offP - positives taken before (all scoring higher)
   * @param offN - negatives taken before
   */
  take(runs: number, keys: Float64Array, runP: Uint32Array, runN: Uint32Array, offP: number, offN: number): void {
    const { T, P, N } = this;
    const heldLength = this.held?.length ?? 0;
    const heldT = this.held?.thresholds ?? T;
    const heldP = this.held?.tps ?? P;
    const heldN = this.held?.fps ?? N;
    let { pa, na, pb, nb, h, w } = this;
    for (let r = 0; r < runs; r++) {
      const y = keys[r];
      while (h < heldLength && heldT[h] > y) {
        pa = heldP[h];
        na = heldN[h];
        if (w === T.length && this.sink !== undefined) w = this.spill(w);
        w = emitForward(T, P, N, w, heldT[h], pa + pb, na + nb);
        h++;
      }
      if (h < heldLength && heldT[h] === y) {
        pa = heldP[h];
        na = heldN[h];
        h++;
      }
      pb = offP + runP[r];
      nb = offN + runN[r];
      if (w === T.length && this.sink !== undefined) w = this.spill(w);
      w = emitForward(T, P, N, w, y, pa + pb, na + nb);
    }
    Object.assign(this, { pa, na, pb, nb, h, w });
  }

  /** @returns the merged runs (the held runs below every taken row written last) */
  finish(): HeldRuns {
    const { T, P, N } = this;
    const heldLength = this.held?.length ?? 0;
    let w = this.w;
    if (this.held !== undefined) {
      const { thresholds, tps, fps } = this.held;
      for (let h = this.h; h < heldLength; h++) {
        if (w === T.length && this.sink !== undefined) w = this.spill(w);
        w = emitForward(T, P, N, w, thresholds[h], tps[h] + this.pb, fps[h] + this.nb);
      }
    }
    if (this.sink !== undefined) {
      if (w > 0) this.sink(T, P as Float64Array, N as Float64Array, w);
      w = 0;
    }
    this.w = w;
    this.h = heldLength;
    return { thresholds: T, tps: P, fps: N, length: w };
  }
}

/**
 * Writes a run at w, or, when its score equals the last one written, gives that run these later cumulative counts.
 * @returns the runs written now
 */
export function emitForward(T: Float64Array, P: Uint32Array | Float64Array, N: Uint32Array | Float64Array, w: number, t: number, p: number, n: number): number {
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
export function emitBackward(
  T: Float64Array, P: Uint32Array | Float64Array, N: Uint32Array | Float64Array, w: number, end: number, t: number, p: number, n: number,
): number {
  if (w < end - 1 && T[w + 1] === t) return w;
  T[w] = t + 0;
  P[w] = p;
  N[w] = n;
  return w - 1;
}
