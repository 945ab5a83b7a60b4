import { Piscina } from 'piscina';
import { workerExecArgv } from './worker-exec-argv.js';
import { InternalError, isModelperfError } from '../../errors.js';
import type { BinaryClfCurve, BinaryRows, Kernels } from '../../kernels/binary-clf-curve.js';
import { jsBinaryClfCurve, sortedRuns } from '../../kernels/js/js-kernels.js';
import type { CurveLossSums } from '../../metrics/binary/curve-summary.js';

/** Rows from which the curve kernel splits the sort across threads; below, one thread sorts faster than the hand-off. */
export const PARALLEL_CURVE_MIN_ROWS = 1 << 20;
/** Samples per thread drawn to choose the score boundaries of the threads' ranges. */
const SAMPLES_PER_THREAD = 4096;

/** One score range of a split curve, sorted on a worker thread: views of shared memory, no copies. */
export interface CurveSegmentJob {
  readonly kind: 'curve-segment';
  /** The scores of all ranges, each range contiguous (shared memory). */
  readonly keys: Float64Array;
  /** The class flags, in the same places (shared memory). */
  readonly flags: Uint8Array;
  /** First row of this range. */
  readonly offset: number;
  /** Rows of this range. */
  readonly length: number;
  /** Positives of the ranges of higher scores. */
  readonly tp0: number;
  /** Negatives of the ranges of higher scores. */
  readonly fp0: number;
}

/** Distinct scores from which a curve's loss sums go to another thread (below, the hand-off is not worth it). */
const SHARED_LOSSES_FROM = 1 << 18;

/** A curve in shared memory whose loss sums (`curveLossSums`) a worker thread computes. */
export interface CurveLossesJob {
  readonly kind: 'curve-losses';
  readonly thresholds: Float64Array;
  readonly tps: Float64Array | Uint32Array;
  readonly fps: Float64Array | Uint32Array;
}

/**
 * The job that hands a curve's loss sums to a worker thread, when worth it: at least 2^18 distinct scores, and every
 * array in shared memory (a copy would cost more than the pass).
 * @param curve - the curve
 * @returns the job, or undefined
 */
export function curveLossesJob(curve: BinaryClfCurve): CurveLossesJob | undefined {
  const { thresholds, tps, fps } = curve;
  if (thresholds.length < SHARED_LOSSES_FROM) return undefined;
  const shared = [thresholds, tps, fps].every((a) => a.buffer instanceof SharedArrayBuffer);
  return shared ? { kind: 'curve-losses', thresholds, tps: tps as Float64Array | Uint32Array, fps: fps as Float64Array | Uint32Array } : undefined;
}

/** A sorted range: its distinct scores (at the start of its part of `keys`) and its cumulative counts. */
export interface CurveSegment {
  readonly distinct: number;
  /**
   * The range's sort scratch, allocated by the thread that sorted it (its pages are first touched there), then its
   * counts: cumulative positives in its first `distinct` uint32, negatives from uint32 `length` on (shared memory).
   */
  readonly scratch: Float64Array;
}

/**
 * Sorts one score range of a split curve (the body of a worker thread's `curve-segment` task) into runs: its distinct
 * scores go to the start of its part of `keys`, its counts to a scratch buffer of 8 bytes a row allocated here.
 * @param job - the range and the shared arrays
 * @returns the number of distinct scores and the counts
 * @example
 * ```ts
 * const { distinct } = runCurveSegment({ kind: 'curve-segment', keys, flags, offset: 0, length: keys.length, tp0: 0, fp0: 0 });
 * ```
 */
export function runCurveSegment(job: CurveSegmentJob): CurveSegment {
  const { offset, length } = job;
  const scratch = new Float64Array(new SharedArrayBuffer(8 * length));
  const [tps, fps] = segmentCounts(scratch);
  const distinct = sortedRuns(
    job.keys.subarray(offset, offset + length),
    job.flags.subarray(offset, offset + length),
    scratch,
    new Uint8Array(length),
    tps,
    fps,
    job.tp0,
    job.fp0,
  );
  return { distinct, scratch };
}

/** A range's cumulative positive and negative counts: uint32 views of the two halves of its scratch. */
function segmentCounts(scratch: Float64Array): [Uint32Array, Uint32Array] {
  const m = scratch.length;
  return [new Uint32Array(scratch.buffer, scratch.byteOffset, m), new Uint32Array(scratch.buffer, scratch.byteOffset + 4 * m, m)];
}

/**
 * The unweighted curve of `jsBinaryClfCurve`, its sort split by score range across threads: boundaries from a sample
 * of the scores cut the rows into one range per thread (two-way partitions, in place when the rows are handed over in
 * shared memory, else in a shared copy), each range is radix-sorted and compacted into runs on its own thread, counting from the positives and negatives of the higher
 * ranges, and the runs are moved together. Counts are integers, so the curve is the one `jsBinaryClfCurve` returns, to
 * the last bit, for any number of threads and any boundaries.
 *
 * @param rows - validated unweighted rows (finite scores, flags 0/1); with `consumeScores` / `consumeFlags` and arrays
 *   in shared memory (a file read into a `SharedArrayBuffer`), the rows are reordered in place and the curve's arrays
 *   are views of theirs
 * @param threads - ranges (threads, the calling one included; >= 2)
 * @param sortRange - sorts a range elsewhere (`runCurveSegment` on a worker thread); the calling thread sorts the first
 *   (highest) range
 * @returns the curve (views of shared memory)
 * @example
 * ```ts
 * const curve = await splitCurve(rows, 2, async (job) => runCurveSegment(job)); // == jsBinaryClfCurve(rows)
 * ```
 */
export async function splitCurve(
  rows: BinaryRows, threads: number, sortRange: (job: CurveSegmentJob) => Promise<CurveSegment>,
): Promise<BinaryClfCurve> {
  const { scores, positive } = rows;
  const n = scores.length;
  const bounds = rangeBounds(scores, threads);
  const ranges = bounds.length + 1;
  const inPlace = rows.consumeScores === true && scores instanceof Float64Array && scores.buffer instanceof SharedArrayBuffer;
  const keys = inPlace ? scores : new Float64Array(new SharedArrayBuffer(8 * n));
  // The flags move with the keys: in place only when the keys are and the flags are handed over in shared memory.
  const flags = inPlace && rows.consumeFlags === true && positive.buffer instanceof SharedArrayBuffer
    ? positive
    : new Uint8Array(new SharedArrayBuffer(n));
  if (keys !== scores) keys.set(scores);
  if (flags !== positive) flags.set(positive);
  const start = new Float64Array(ranges + 1);
  start[ranges] = n;
  const positives = new Float64Array(ranges);
  partitionRanges(keys, flags, 0, n, bounds, 0, bounds.length, start, positives, NaN);
  const jobs: CurveSegmentJob[] = [];
  let tp0 = 0;
  let fp0 = 0;
  for (let k = 0; k < ranges; k++) {
    const offset = start[k];
    const length = start[k + 1] - offset;
    jobs.push({ kind: 'curve-segment', keys, flags, offset, length, tp0, fp0 });
    // Known for every range but the last (see partitionRanges), the only one whose counts nothing starts from.
    tp0 += positives[k];
    fp0 += length - positives[k];
  }
  // The other ranges go out first; this thread sorts the highest range meanwhile.
  const remote = jobs.slice(1).map((job) => (job.length > 0 ? sortRange(job) : Promise.resolve(runCurveSegment(job))));
  // A failure of this thread's own range must not leave the others' rejections unhandled.
  for (const p of remote) p.catch(() => undefined);
  const sorted = [runCurveSegment(jobs[0]), ...(await Promise.all(remote))];
  return joinRanges(keys, jobs, sorted);
}

/**
 * Partitions rows [lo, hi) in place into the ranges cut by `bounds[b0..b1)` (descending), splitting at the middle
 * bound and recursing: log2(ranges) passes of a two-way partition, each row swapped at most once per pass. Range k
 * (the scores s with bounds[k - 1] >= s > bounds[k]) then starts at `start[k]` and holds `positives[k]` positive rows,
 * counted while partitioning (no pass of its own: 1e7 rows, ~25 ms): the upper side of each split counts its own, the
 * lower side has what its parent holds less that — known for every range but the last, whose parent total (all rows)
 * nothing counted (NaN).
 */
function partitionRanges(
  keys: Float64Array, flags: Uint8Array, lo: number, hi: number, bounds: Float64Array, b0: number, b1: number,
  start: Float64Array, positives: Float64Array, total: number,
): void {
  if (b0 >= b1) {
    positives[b0] = total;
    return;
  }
  const mid = (b0 + b1) >> 1;
  const b = bounds[mid];
  // Hoare's scheme: [lo, i) > b, [i, hi) <= b (-0 and +0 fall on the same side).
  let i = lo;
  let j = hi - 1;
  let above = 0;
  for (;;) {
    while (i <= j && keys[i] > b) above += flags[i++];
    while (i <= j && !(keys[j] > b)) j--;
    if (i >= j) break;
    const s = keys[i];
    keys[i] = keys[j];
    keys[j] = s;
    const f = flags[i];
    flags[i] = flags[j];
    flags[j] = f;
    above += flags[i];
    i++;
    j--;
  }
  start[mid + 1] = i;
  partitionRanges(keys, flags, lo, i, bounds, b0, mid, start, positives, above);
  partitionRanges(keys, flags, i, hi, bounds, mid + 1, b1, start, positives, total - above);
}

/**
 * Up to `threads - 1` score boundaries, descending (range k holds the scores s with bounds[k - 1] >= s > bounds[k]):
 * quantiles of an evenly spread sample, so the ranges hold about as many rows each (a score shared by many rows may
 * make one range larger; equal boundaries are dropped).
 */
function rangeBounds(scores: Float64Array | Float32Array, threads: number): Float64Array {
  const n = scores.length;
  const m = Math.min(n, SAMPLES_PER_THREAD * threads);
  const sample = new Float64Array(m);
  for (let i = 0; i < m; i++) sample[i] = scores[Math.floor(((i + 0.5) * n) / m)] + 0;
  sample.sort();
  const bounds: number[] = [];
  for (let k = threads - 1; k >= 1; k--) {
    const b = sample[Math.floor((k * m) / threads)];
    if (bounds.length === 0 || b < bounds[bounds.length - 1]) bounds.push(b);
  }
  return Float64Array.from(bounds);
}

/**
 * Moves each range's runs right after the previous range's (ranges in descending score order): the scores within
 * `keys`, the positive counts into the first range's scratch when they fit there (else a new array), the negative
 * counts into a new array.
 */
function joinRanges(keys: Float64Array, jobs: CurveSegmentJob[], sorted: CurveSegment[]): BinaryClfCurve {
  const total = sorted.reduce((sum, range) => sum + range.distinct, 0);
  if (jobs.length === 2) {
    const joined = joinTwoInPlace(keys, jobs, sorted, total);
    if (joined !== undefined) return joined;
  }
  const fps = new Uint32Array(total);
  let at = 0;
  for (const { distinct, scratch } of sorted) {
    fps.set(segmentCounts(scratch)[1].subarray(0, distinct), at);
    at += distinct;
  }
  // The first range's positive counts are in place; its negative ones (after them) were just copied out.
  const first = segmentCounts(sorted[0].scratch)[0];
  const fits = first.length >= total;
  const tps = fits ? first.subarray(0, total) : new Uint32Array(total);
  if (!fits) tps.set(first.subarray(0, sorted[0].distinct));
  at = 0;
  for (let k = 0; k < jobs.length; k++) {
    const { offset } = jobs[k];
    const { distinct, scratch } = sorted[k];
    if (at !== offset) keys.copyWithin(at, offset, offset + distinct);
    if (k > 0) tps.set(segmentCounts(scratch)[0].subarray(0, distinct), at);
    at += distinct;
  }
  return { thresholds: keys.subarray(0, total), tps, fps };
}

/**
 * `joinRanges` of two ranges without a new array: the positive counts end in the first range's scratch, the negative
 * ones in the second's, with the free tail of `keys` (after the joined scores) holding the second range's positive
 * counts meanwhile. Saves 4 bytes per distinct score of fresh memory and a copy (1e7 rows: 28 MB, which cost 60-90 ms
 * of page faults on the 2-core VM). Returns undefined when the ranges are too lopsided for the moves to fit.
 */
function joinTwoInPlace(keys: Float64Array, jobs: CurveSegmentJob[], sorted: CurveSegment[], total: number): BinaryClfCurve | undefined {
  const n = keys.length;
  const [l0, l1] = [jobs[0].length, jobs[1].length];
  const [w0, w1] = [sorted[0].distinct, sorted[1].distinct];
  if (!(w1 <= 2 * (n - total) && w0 <= l1 && total <= 2 * l0)) return undefined;
  keys.copyWithin(w0, jobs[1].offset, jobs[1].offset + w1);
  const [tps0, fps0] = segmentCounts(sorted[0].scratch);
  const [tps1] = segmentCounts(sorted[1].scratch);
  const first = new Uint32Array(tps0.buffer, tps0.byteOffset, 2 * l0);
  const second = new Uint32Array(tps1.buffer, tps1.byteOffset, 2 * l1);
  // Park the second range's positive counts behind the joined scores, move the first range's negative counts in
  // front of the second's, then bring the parked counts behind the first range's positive ones.
  const parked = new Uint32Array(keys.buffer, keys.byteOffset + 8 * total, w1);
  parked.set(tps1.subarray(0, w1));
  second.set(fps0.subarray(0, w0), l1 - w0);
  first.set(parked, w0);
  return { thresholds: keys.subarray(0, total), tps: first.subarray(0, total), fps: second.subarray(l1 - w0, l1 + w1) };
}

/** The js kernels with their sort split across threads (`createParallelCurveKernels`). */
export interface ParallelCurveKernels extends Kernels {
  /** Threads the sorts may use, the calling one included. */
  readonly threads: number;
  /** Sums a curve's losses on a worker thread when it is in shared memory and long enough (see `Kernels`). */
  curveLossSums(curve: BinaryClfCurve): Promise<CurveLossSums> | undefined;
  /** Starts the worker threads now (they load their code while the caller reads its input); else at first need. */
  start(): void;
  /** Stops the worker threads (idempotent). */
  close(): Promise<void>;
}

/**
 * The js backend with the sort of each unweighted curve of at least `minRows` rows split by score range across
 * `threads` threads (this one and `threads - 1` worker threads, `splitCurve`); weighted and smaller curves run on this
 * thread (`jsBinaryClfCurve`). Results are bit-identical to `jsKernels` (unweighted counts are integers; weighted sums
 * stay in one thread's order).
 *
 * `evaluateFile` uses them for a whole file when `threads` > 1 (`--threads N`). Measured on the 2-core reference VM:
 * see the numbers in benchmarks/README.md and CHANGELOG.md.
 *
 * @param options - `threads` (>= 2 to split), `workerUrl` (default: `evaluate-worker.js` beside this module, as built),
 *   `minRows` (default `PARALLEL_CURVE_MIN_ROWS`)
 * @returns the kernels; `close()` them when done
 * @example
 * ```ts
 * import { binaryPredictionsTable, evaluateTable } from '@modelperf/core';
 * import { createParallelCurveKernels } from '@modelperf/core/node';
 * const table = binaryPredictionsTable({ rows: 40_000, seed: 1 });
 * // Split from 1 000 rows here to show it; the default waits for 2^20 rows, below which one thread is faster.
 * const kernels = createParallelCurveKernels({ threads: 2, minRows: 1_000 });
 * try {
 *   const report = await evaluateTable(table, { task: 'binary', label: 'label', score: 'score' }, { kernels });
 *   console.log(report.rows, report.backend.name); // 40000 js
 * } finally {
 *   await kernels.close();
 * }
 * ```
 */
export function createParallelCurveKernels(
  options: { threads: number; workerUrl?: URL | string; minRows?: number },
): ParallelCurveKernels {
  const { threads } = options;
  const minRows = options.minRows ?? PARALLEL_CURVE_MIN_ROWS;
  const filename = String(options.workerUrl ?? new URL('./evaluate-worker.js', import.meta.url));
  let pool: Piscina | undefined;
  let failure: Error | undefined;
  const failed = (error: unknown): Error => isModelperfError(error) ? error : new InternalError(
    `A worker thread failed (${error instanceof Error ? error.message : String(error)}); worker module ${filename}. ` +
    'Evaluate on one thread with --threads 1.', { cause: error });
  const start = (): Piscina => {
    if (pool === undefined) {
      pool = new Piscina({ filename, minThreads: threads - 1, maxThreads: threads - 1, execArgv: workerExecArgv() });
      pool.on('error', (error: unknown) => { failure = failed(error); });
    }
    return pool;
  };
  const runJob = async <R>(job: CurveSegmentJob | CurveLossesJob): Promise<R> => {
    if (failure !== undefined) throw failure;
    try {
      return (await start().run(job)) as R;
    } catch (error) {
      throw failed(error);
    }
  };
  const sortRange = (job: CurveSegmentJob): Promise<CurveSegment> => runJob<CurveSegment>(job);
  return {
    name: 'js',
    device: 'cpu',
    threads,
    async binaryClfCurve(rows: BinaryRows): Promise<BinaryClfCurve> {
      if (threads < 2 || rows.weights !== undefined || rows.scores.length < minRows) return jsBinaryClfCurve(rows);
      return splitCurve(rows, threads, sortRange);
    },
    curveLossSums(curve: BinaryClfCurve): Promise<CurveLossSums> | undefined {
      const job = threads >= 2 ? curveLossesJob(curve) : undefined;
      return job === undefined ? undefined : runJob<CurveLossSums>(job);
    },
    start(): void {
      if (threads >= 2) start();
    },
    async close(): Promise<void> {
      const running = pool;
      pool = undefined;
      await running?.destroy();
    },
  };
}
