import { float64Prefix, FLOAT64_PREFIX_BUCKETS } from '../../kernels/js/float64-prefix.js';
import { uninitializedArray } from '../../kernels/js/uninitialized-array.js';
import {
  emitBackward, emitForward, ForwardMerger, mergeSortedBuckets, prefixRangeRuns, SINK_CHUNK, sortPrefixBuckets, takeRange, type HeldRuns, type PrefixBatch, type PrefixRangeJob,
  type RunSink,
} from './prefix-bucket-runs.js';
import { fresh, type PrefixRowPool } from './prefix-row-pool.js';

export type { HeldRuns, PrefixRangeJob, RunSink } from './prefix-bucket-runs.js';

/** Rows from which `drainParallel` splits the sorting across threads (below, worker round trips outweigh it). */
const PARALLEL_FROM = 1 << 20;

/** `add`'s rows per bucket and class (512 KiB), kept between calls: fresh ones per batch were garbage at the peak. */
const classCounts = new Uint32Array(2 * FLOAT64_PREFIX_BUCKETS);

/**
 * Unweighted binary rows kept unsorted until their curve is needed, grouped by the 16-bit prefix of their score (sign,
 * exponent, top 4 mantissa bits: `float64Prefix`) — one counting pass and one scatter per added batch, a most
 * significant digit radix pass. `drain` then sorts bucket by bucket (each bucket holds a few percent of the rows) and
 * writes the curve's runs straight after each other, merging in runs held from before: buckets are disjoint score
 * ranges, so no merge between them is needed; `drainParallel` splits the buckets across threads. The curve is exactly `jsBinaryClfCurve` of all rows (integer counts).
 *
 * Within a batch's bucket the positive rows come first, then the negative ones: the class is where a score lies, so a
 * row takes only its score, and each class of a bucket is sorted on its own, without a payload, then the two are merged
 * into runs (on the benchmark's 1e7 scores, ~10% faster than sorting each bucket with its class flags).
 *
 * @remarks Memory: 8 bytes a row held (the score), against 16 per distinct score for sorted runs plus what merging runs
 * needs; `drain` adds the curve (16 bytes a distinct score, written into buffers sized by the rows, whose untouched
 * tail stays unallocated memory) and 24 bytes a row of the largest bucket for its sort; `visit` only the sort's 24
 * bytes a row of the largest bucket (the runs go to its sink a chunk at a time). Batches
 * are never written after `add`, so `addFrom` shares them between stores; they live in shared memory where the
 * runtime has it, for `drainParallel`.
 * @example
 * ```ts
 * const b = new PrefixBuckets();
 * b.add(Float64Array.of(0.2, 0.9, 0.2), Uint8Array.of(1, 0, 0));
 * const runs = b.drain(undefined, false); // length 2: thresholds [0.9, 0.2], tps [0, 1], fps [1, 2]
 * ```
 */
export class PrefixBuckets {
  private batches: PrefixBatch[] = [];

  /**
   * @param pool - where the arrays of new batches come from and where those of sorted batches go back (default: new
   *   arrays each time, and sorted batches left to the garbage collector)
   */
  constructor(private readonly pool?: PrefixRowPool) {}

  /** Rows per bucket over every batch. */
  private readonly totals = new Float64Array(FLOAT64_PREFIX_BUCKETS);
  /** Rows held. */
  rows = 0;
  /** Positive rows held. */
  positives = 0;

  /** Bytes of the rows held (8 a row: the score; batches shared with another store count in both). */
  get bytes(): number {
    return 8 * this.rows;
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
    // Rows per bucket and class, interleaved: 2b for the positives of bucket b, 2b + 1 for its negatives.
    const counts = classCounts.fill(0);
    for (let i = 0; i < n; i++) counts[2 * float64Prefix(hi[2 * i + 1]) + 1 - positive[i]]++;
    let used = 0;
    for (let b = 0; b < FLOAT64_PREFIX_BUCKETS; b++) if (counts[2 * b] + counts[2 * b + 1] !== 0) used++;
    const buckets = new Uint16Array(used);
    const starts = new Uint32Array(used + 1);
    const splits = new Uint32Array(used);
    // counts becomes each bucket's write positions: its positives first, then its negatives.
    let at = 0;
    let positives = 0;
    for (let b = 0, k = 0; b < FLOAT64_PREFIX_BUCKETS; b++) {
      const p = counts[2 * b];
      const m = counts[2 * b + 1];
      if (p + m === 0) continue;
      this.totals[b] += p + m;
      positives += p;
      buckets[k] = b;
      starts[k] = at;
      splits[k++] = at + p;
      counts[2 * b] = at;
      counts[2 * b + 1] = at + p;
      at += p + m;
    }
    starts[used] = n;
    const keys = this.pool?.take(n) ?? fresh(n);
    for (let i = 0; i < n; i++) keys[counts[2 * float64Prefix(hi[2 * i + 1]) + 1 - positive[i]]++] = values[i];
    this.batches.push({ keys, buckets, starts, splits, positives, holders: 1 });
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
      batch.holders++;
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
    let merged: HeldRuns;
    if (hasRoom(held, end, float)) {
      const { buckets, sizes } = this.nonEmpty(false);
      merged = this.mergeBackward(held, end, (visit) => sortPrefixBuckets(this.batches, buckets, sizes, false, visit));
    } else {
      const merger = new ForwardMerger(uninitializedArray(Float64Array, 2 * end), uninitializedArray(Counts, 2 * end), uninitializedArray(Counts, 2 * end), held);
      const { buckets, sizes } = this.nonEmpty(true);
      mergeSortedBuckets(this.batches, buckets, sizes, merger);
      merged = merger.finish();
    }
    this.clear();
    return merged;
  }

  /**
   * Sorts every row held, merged with `held` runs, and hands the merged runs to `sink` in chunks (descending scores,
   * cumulative counts from the top), without writing the curve anywhere: what `drain` into new arrays would return,
   * seen a chunk at a time. The store keeps its rows (nothing is written to them), so it can be visited again or
   * drained.
   * @param held - sorted runs to merge in (read only), or undefined
   * @param sink - receives the runs
   * @param chunk - runs per chunk (default `SINK_CHUNK`)
   */
  visit(held: HeldRuns | undefined, sink: RunSink, chunk = SINK_CHUNK): void {
    const merger = ForwardMerger.toSink(held, sink, chunk);
    const { buckets, sizes } = this.nonEmpty(true);
    mergeSortedBuckets(this.batches, buckets, sizes, merger);
    merger.finish();
  }

  /**
   * `visit` with the sorting split across threads: the buckets are cut into `parts` ranges of about equal rows; the
   * highest range is sorted here and handed to the sink as it is sorted, while `sortRange` sorts the others elsewhere
   * into their own arrays (each about half the curve's bytes of its rows on two threads, instead of the whole curve);
   * their runs go to the sink after, in order. Fewer than 2^20 rows, or one part, are visited here.
   * @param held - as `visit`
   * @param parts - threads to split the sorting across (this one included)
   * @param sortRange - sorts a range elsewhere (`prefixRangeRuns` on a worker thread, into new arrays)
   * @param sink - as `visit`
   * @returns when every run has gone to the sink
   */
  async visitParallel(
    held: HeldRuns | undefined, parts: number, sortRange: (job: PrefixRangeJob) => Promise<HeldRuns>, sink: RunSink,
  ): Promise<void> {
    if (parts < 2 || this.rows < PARALLEL_FROM) {
      this.visit(held, sink);
      return;
    }
    const jobs = this.rangeJobs(parts);
    const remote = jobs.slice(1).map((job) => sortRange(job));
    // A failure here must not leave the others' rejections unhandled.
    for (const r of remote) r.catch(() => undefined);
    const merger = ForwardMerger.toSink(held, sink);
    const taken = mergeSortedBuckets(this.batches, jobs[0].buckets, jobs[0].sizes, merger);
    for (const pending of remote) takeRange(merger, await pending, taken);
    merger.finish();
  }

  /** Contiguous ranges of the descending bucket list, cut where the rows reach each k / parts of the total. */
  private rangeJobs(parts: number): PrefixRangeJob[] {
    const { buckets, sizes } = this.nonEmpty(true);
    const jobs: PrefixRangeJob[] = [];
    let from = 0;
    let seen = 0;
    for (let k = 1; k <= parts && from < buckets.length; k++) {
      let to = from;
      const goal = k === parts ? Infinity : (this.rows * k) / parts;
      while (to < buckets.length && (to === from || seen + sizes[to] <= goal)) seen += sizes[to++];
      jobs.push({ kind: 'prefix-range', batches: this.batches, buckets: buckets.subarray(from, to), sizes: sizes.subarray(from, to) });
      from = to;
    }
    return jobs;
  }

  /**
   * `drain` with the sorting split across threads: the buckets are cut into `parts` ranges of about equal rows; each
   * range but the highest is sorted by `sortRange` (another thread reads the batches in shared memory), the highest on
   * this one meanwhile; then the ranges' runs are merged with the held runs into new arrays, in one pass. The result
   * is `drain`'s (integer counts). Fewer than 2^20 rows, or one part, are drained here.
   * @param held - as `drain`
   * @param float - as `drain`
   * @param parts - threads to split the sorting across (this one included)
   * @param sortRange - sorts a range elsewhere (`prefixRangeRuns` on a worker thread)
   * @returns as `drain`
   */
  async drainParallel(
    held: HeldRuns | undefined, float: boolean, parts: number, sortRange: (job: PrefixRangeJob) => Promise<HeldRuns>,
  ): Promise<HeldRuns> {
    if (parts < 2 || this.rows < PARALLEL_FROM) return this.drain(held, float);
    const jobs = this.rangeJobs(parts);
    if (held === undefined && !float) {
      // Nothing to merge in: each range writes its runs where its rows start in one set of shared arrays, and the
      // ranges are then moved together (fresh memory is slow to touch: no second copy of the curve).
      const T = new Float64Array(new SharedArrayBuffer(8 * this.rows));
      const P = new Uint32Array(new SharedArrayBuffer(4 * this.rows));
      const N = new Uint32Array(new SharedArrayBuffer(4 * this.rows));
      let offset = 0;
      const placed = jobs.map((job) => {
        const out = { thresholds: T, tps: P, fps: N, offset };
        for (let i = 0; i < job.sizes.length; i++) offset += job.sizes[i];
        return { ...job, out };
      });
      const ranges = await this.sortRanges(placed, sortRange);
      let w = ranges[0].length;
      let offP = w > 0 ? P[w - 1] : 0;
      let offN = w > 0 ? N[w - 1] : 0;
      for (let k = 1; k < ranges.length; k++) {
        const start = placed[k].out.offset;
        const d = ranges[k].length;
        // Forward, never past what is still to read: w <= start.
        for (let i = start; i < start + d; i++) w = emitForward(T, P, N, w, T[i], P[i] + offP, N[i] + offN);
        if (d > 0) {
          offP = P[w - 1];
          offN = N[w - 1];
        }
      }
      this.clear();
      return { thresholds: T, tps: P, fps: N, length: w };
    }
    const ranges = await this.sortRanges(jobs, sortRange);
    const end = (held?.length ?? 0) + this.rows;
    const Counts = float ? Float64Array : Uint32Array;
    if (hasRoom(held, end, float)) {
      // Room in the held arrays: the ranges' runs are merged in there, backwards, as `drain` merges its buckets (new
      // arrays for the merge held the held runs, the ranges' runs and the merged runs at once: 1e8-row streams on
      // two threads peaked at 2.7 GiB against 2.0 on one).
      const merged = this.mergeBackward(held, end, (visit) => {
        for (let k = ranges.length - 1; k >= 0; k--) {
          const range = ranges[k];
          if (range.length > 0) visit(range.length, range.thresholds, range.tps as Uint32Array, range.fps as Uint32Array);
        }
      });
      this.clear();
      return merged;
    }
    const merger = new ForwardMerger(uninitializedArray(Float64Array, 2 * end), uninitializedArray(Counts, 2 * end), uninitializedArray(Counts, 2 * end), held);
    const taken = { positives: 0, negatives: 0 };
    for (const range of ranges) takeRange(merger, range, taken);
    this.clear();
    return merger.finish();
  }

  /** Sorts the first range here and the others with `sortRange`, at once. */
  private async sortRanges(jobs: PrefixRangeJob[], sortRange: (job: PrefixRangeJob) => Promise<HeldRuns>): Promise<HeldRuns[]> {
    const remote = jobs.slice(1).map((job) => sortRange(job));
    // A failure here must not leave the others' rejections unhandled.
    for (const p of remote) p.catch(() => undefined);
    return [prefixRangeRuns(jobs[0]), ...(await Promise.all(remote))];
  }

  /**
   * Backward merge in the held runs' own arrays (see `drain`) of the sorted runs `feed` hands over: each group (a
   * bucket, or a range of them sorted on another thread) with its runs descending and counts cumulative within the
   * group, the groups from the lowest scores up.
   */
  private mergeBackward(
    held: HeldRuns, end: number,
    feed: (visit: (runs: number, keys: Float64Array, runP: Uint32Array, runN: Uint32Array) => void) => void,
  ): HeldRuns {
    const { thresholds: T, tps: P, fps: N } = held;
    let h = held.length - 1;
    let w = end - 1;
    // Rows of the buckets below the current one.
    let posBelow = 0;
    let negBelow = 0;
    feed((runs, keys, runP, runN) => {
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

  /** The non-empty buckets in the order asked, with their rows. */
  private nonEmpty(descending: boolean): { buckets: Uint16Array; sizes: Float64Array } {
    let used = 0;
    for (let b = 0; b < FLOAT64_PREFIX_BUCKETS; b++) if (this.totals[b] > 0) used++;
    const buckets = new Uint16Array(used);
    const sizes = new Float64Array(used);
    for (let b = 0, k = 0; b < FLOAT64_PREFIX_BUCKETS; b++) {
      if (this.totals[b] === 0) continue;
      const at = descending ? used - 1 - k : k;
      buckets[at] = b;
      sizes[at] = this.totals[b];
      k++;
    }
    return { buckets, sizes };
  }

  /**
   * Lets go of every row held (the store is then empty): batches no other store holds go back to the pool. For a
   * store whose rows were shared into another (`addFrom`) and that is not used again.
   */
  release(): void {
    this.clear();
  }

  private clear(): void {
    for (const batch of this.batches) if (--batch.holders === 0) this.pool?.give(batch);
    this.batches = [];
    this.totals.fill(0);
    this.rows = 0;
    this.positives = 0;
  }
}

/** Whether held runs can take a merge of `end` runs in their own arrays: room enough, counts of the kind asked for. */
function hasRoom(held: HeldRuns | undefined, end: number, float: boolean): held is HeldRuns {
  const Counts = float ? Float64Array : Uint32Array;
  return held !== undefined && held.thresholds.length >= end && held.tps instanceof Counts && held.fps instanceof Counts;
}
