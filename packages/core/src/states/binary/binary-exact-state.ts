import { ValidationError } from '../../errors.js';
import { binaryMetricsFromCurve, binaryMetricsFromDigest, binaryMetricsSharingLosses, curvePassOptions } from '../../evaluate/binary-result.js';
import type { TaskResult } from '../../evaluate/prepared-task.js';
import type { BinaryClfCurve, BinaryRows } from '../../kernels/binary-clf-curve.js';
import { CurvePass } from '../../metrics/binary/curve-pass.js';
import type { CurveLossSums } from '../../metrics/binary/curve-summary.js';
import { jsBinaryClfCurve } from '../../kernels/js/js-kernels.js';
import type { MetricState, StateJson } from '../metric-state.js';
import { decodeTypedArray, encodeTypedArray, isTrustedArray, type EncodedArray } from '../state-buffers.js';
import {
  binaryConfigFromJson, binaryConfigToJson, checkBinaryRows, checkSameConfig, resolveBinaryStateConfig,
  type BinaryConfigJson, type BinaryStateConfig, type BinaryStateInit,
} from './binary-state-config.js';
import { PrefixBuckets, type HeldRuns, type PrefixRangeJob } from './prefix-buckets.js';
import type { PrefixRowPool } from './prefix-row-pool.js';
import { ScoreRuns } from './score-runs.js';

/**
 * When {@link BinaryExactState} holds rows unsorted: unweighted batches of `fromRows` rows or more, until more than
 * max(`pendingRows`, distinct scores held) rows wait. Module-internal tuning (tests lower them), not a public option.
 */
export const EXACT_DEFERRAL = { fromRows: 1 << 16, pendingRows: 1 << 25 };

/** Kind of {@link BinaryExactState}. */
export const BINARY_EXACT_KIND = 'binary/exact';

/**
 * Version of the {@link BinaryExactState} serialisation: 2 holds cumulative counts (`tps`, `fps`); version 1 (per-score
 * `pos`, `neg`, written by modelperf 0.1) is still read.
 */
export const BINARY_EXACT_VERSION = 2;

/** Serialised {@link BinaryExactState} (version 2). */
export interface BinaryExactStateJson extends StateJson, BinaryConfigJson {
  readonly kind: typeof BINARY_EXACT_KIND;
  /** Distinct scores, descending (f64). */
  readonly thresholds: EncodedArray;
  /** Cumulative positive weight down to each score (u32 counts, or f64), non-decreasing. */
  readonly tps: EncodedArray;
  /** Cumulative negative weight down to each score (same type as `tps`), non-decreasing. */
  readonly fps: EncodedArray;
}

/**
 * The exact mergeable state of binary classification: sorted runs of distinct scores with the cumulative positive and
 * negative weight down to each — the curve of `jsBinaryClfCurve` itself — so every binary metric and section is
 * exactly what one-shot evaluation reports.
 *
 * @remarks
 * `update` sorts a batch once (`jsBinaryClfCurve`, radix sort) and merges its runs into the held runs linearly
 * (equal scores combine; the cumulative counts of both lists add up) in O(d_held + d_batch). `merge` is the same
 * linear merge. Unweighted batches of 2^16 rows or more are not sorted at once: they are grouped by score prefix
 * (`PrefixBuckets`, 8 bytes a row) and sorted bucket by bucket, together, when the curve is next needed (`compute`,
 * `toJSON`, `curve`, `distinctScores`, `swapClasses`) or once more than max(2^25, distinct scores held) rows wait —
 * so a stream of k batches costs one sort of its rows instead of k sorts and log k levels of merges, and memory stays
 * bounded when few scores are distinct. `merge` shares the other state's waiting rows (never written again). The
 * curve is the same either way (integer counts).
 * Measured (2-core VM, one thread, Arrow streams, identical reports): 1e7 rows in 1235 ms instead of 1592 (medians of 10
 * alternating runs), peak 330-366 MB instead of 456-470 (4 and 3 runs); 1e8 rows in 10.0-12.6 s instead of 15.3-25.5 s,
 * peak 2.0-2.1 GB instead of 2.5-3.2 GB (3 and 5 runs; this VM is noisy).
 * `compute` reads the held curve as it is (no copy) with `binaryMetricsFromCurve`, `detail = true`, after sorting
 * the waiting rows into it; `computeFinal` (a stream's last report) reports waiting rows straight from their sorted
 * buckets instead (`PrefixBuckets.visit` into a `CurvePass`, merged with the held runs): the curve is never stored —
 * the same result, to the last bit. Measured (2-core VM, Arrow stream of 1e7 rows, 8 alternating runs, identical reports): one thread 1071 -> 858 ms,
 * peak 326 -> 214 MiB (15.4 bytes a row over an idle process, from 27.2); two threads 925 -> 819 ms, 400 -> 326 MiB.
 * Unweighted counts are uint32 integers (float64 beyond 2^32 - 1 per class), so unweighted results are identical to
 * one-shot ones in any split or merge order. Weighted sums are float64 and added in another order than one-shot's
 * row-sequential cumsum: they agree to ~1e-15 relative. Memory: 16 bytes per distinct score (uint32 counts) or 24
 * (float64 counts); a merge into new buffers needs both inputs and the output at once and reserves room for twice
 * the output (address space: untouched until the next merge fills it in place, without a second copy); a batch
 * briefly needs the kernel's 18 (34 weighted) bytes a row. Zero-weight rows are left out, as in scikit-learn's `_binary_clf_curve`.
 * @see sklearn.metrics._ranking._binary_clf_curve
 * @example
 * ```ts
 * const s = new BinaryExactState({ labels, options: { threshold: 0.5 } });
 * s.update(batch1).update(batch2);
 * s.compute().metrics.roc_auc; // == binaryMetricsFromCurve(jsBinaryClfCurve(all rows), ...).metrics.roc_auc
 * ```
 */
export class BinaryExactState implements MetricState<BinaryRows> {
  readonly kind = BINARY_EXACT_KIND;
  readonly config: BinaryStateConfig;
  private readonly runs = new ScoreRuns();
  /** Unweighted rows not sorted yet (see the remarks). */
  private pending: PrefixBuckets | undefined;

  /**
   * @param init - `labels` (resolved), `options` (resolved here with `resolveBinaryOptions`), `extra` (calibration
   * bins and error costs)
   * @throws ValidationError `invalid_argument` for bad option values
   */
  constructor(init: BinaryStateInit) {
    this.config = resolveBinaryStateConfig(init);
    this.rowBuffers = init.rowBuffers;
  }

  /** Where waiting rows take their buffers and give them back once sorted (see `BinaryStateInit.rowBuffers`). */
  private readonly rowBuffers: PrefixRowPool | undefined;

  /** Number of distinct scores held. */
  /**
   * Relabels the rows: the class counted as positive becomes the negative one and back (used when a stream learns only
   * at its end which label is positive). Every metric is then that of the other labelling of the same scores.
   * @returns this
   */
  swapClasses(): this {
    this.settle();
    this.runs.swapClasses();
    return this;
  }

  get distinctScores(): number {
    this.settle();
    return this.runs.length;
  }

  /**
   * Bytes held by the run buffers: whole buffers, not lengths (a state made of one batch holds the kernel's buffers,
   * sized by the batch's rows; the counts may share one buffer), and by the rows waiting to be sorted.
   */
  get bytes(): number {
    const buffers = new Set([this.runs.thresholds.buffer, this.runs.tps.buffer, this.runs.fps.buffer]);
    let total = 0;
    for (const b of buffers) total += b.byteLength;
    return total + (this.pending?.bytes ?? 0);
  }

  /**
   * Adds a batch of validated rows (not mutated).
   * @param rows - finite scores, positive flags, optional non-negative weights
   * @returns this
   * @throws ValidationError `length_mismatch` when the arrays differ in length
   */
  update(rows: BinaryRows): this {
    checkBinaryRows(rows);
    const n = rows.scores.length;
    if (rows.weights === undefined && n >= EXACT_DEFERRAL.fromRows) {
      if ((this.pending?.rows ?? 0) + n > 0xffffffff) this.settle();
      (this.pending ??= new PrefixBuckets(this.rowBuffers)).add(rows.scores, rows.positive);
      this.settleWhenFull();
    } else {
      this.runs.mergeCurve(jsBinaryClfCurve(rows), rows.weights !== undefined);
    }
    return this;
  }

  /** Sorts the waiting rows into the runs. */
  private settle(): void {
    const pending = this.takePending();
    if (pending !== undefined) this.adopt(pending.drain(this.heldRuns(), this.needsFloat(pending)));
  }

  /**
   * Sorts the rows waiting to be sorted with other threads' help (`PrefixBuckets.drainParallel`); the state is then as
   * after any other settling (`compute` and the rest need no sort). For a parallel stream's last state.
   * @param parts - threads to split the sorting across, this one included
   * @param sortRange - sorts a range of the rows on another thread (`prefixRangeRuns` on a worker)
   * @returns when sorted
   */
  async settleInParallel(parts: number, sortRange: (job: PrefixRangeJob) => Promise<HeldRuns>): Promise<void> {
    const pending = this.takePending();
    if (pending !== undefined) this.adopt(await pending.drainParallel(this.heldRuns(), this.needsFloat(pending), parts, sortRange));
  }

  /** The waiting rows, taken out of the state (undefined when none wait). */
  private takePending(): PrefixBuckets | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending !== undefined && pending.rows > 0 ? pending : undefined;
  }

  /** The held runs for a drain to merge in (their arrays, with their room), if any. */
  private heldRuns(): HeldRuns | undefined {
    const runs = this.runs;
    return runs.length > 0 ? { thresholds: runs.thresholds, tps: runs.tps, fps: runs.fps, length: runs.length } : undefined;
  }

  /** Whether the merged counts need float64 (held float counts, or totals that could pass uint32). */
  private needsFloat(pending: PrefixBuckets): boolean {
    const runs = this.runs;
    return runs.float || runs.totalPos + pending.rows > 0xffffffff || runs.totalNeg + pending.rows > 0xffffffff;
  }

  /** Takes a drain's merged runs as the state's runs (their arrays' room kept for later merges). */
  private adopt(merged: HeldRuns): void {
    const m = merged.length;
    this.runs.assign(merged.thresholds.subarray(0, m), merged.tps.subarray(0, m), merged.fps.subarray(0, m), true);
  }

  /** Sorts the waiting rows once they outnumber both the floor and the runs held (bounded memory, O(n log n) merges). */
  private settleWhenFull(): void {
    const waiting = this.pending?.rows ?? 0;
    if (waiting > EXACT_DEFERRAL.pendingRows && waiting > this.runs.length) this.settle();
  }

  /**
   * Adds another exact state with the same labels and options.
   * @param other - the other state (unchanged)
   * @returns this
   * @throws ValidationError `invalid_argument` for another kind of state or different labels/options
   */
  merge(other: this): this {
    if (!(other instanceof BinaryExactState)) {
      throw new ValidationError('invalid_argument', `Cannot merge a "${String((other as { kind?: unknown })?.kind)}" state into a "${BINARY_EXACT_KIND}" state.`);
    }
    checkSameConfig(BINARY_EXACT_KIND, this.config, other.config);
    const waiting = other.pending;
    this.runs.mergeFrom(other.runs);
    if (waiting !== undefined && waiting.rows > 0) {
      if ((this.pending?.rows ?? 0) + waiting.rows > 0xffffffff) this.settle();
      (this.pending ??= new PrefixBuckets(this.rowBuffers)).addFrom(waiting);
      this.settleWhenFull();
    }
    return this;
  }

  /**
   * Lets go of the waiting rows (see `MetricState.recycle`): rows no other state holds go back to the row buffers.
   * For a state merged into another (which shares its waiting rows) and not used again.
   */
  recycle(): void {
    this.pending?.release();
    this.pending = undefined;
  }

  /** @returns the cumulative curve of everything added (fresh arrays) */
  curve(): BinaryClfCurve {
    this.settle();
    const { thresholds, tps, fps } = this.runs.toCurve();
    return { thresholds: thresholds.slice(), tps: tps.slice(), fps: fps.slice() };
  }

  /** @returns every binary metric and section, as `binaryMetricsFromCurve(curve, labels, opts, true, extra)` */
  compute(): TaskResult {
    this.settle();
    const { labels, opts, extra } = this.config;
    // The curve is a view of the runs (no copy): nothing below writes to it or keeps it.
    return binaryMetricsFromCurve(this.runs.toCurve(), labels, opts, true, extra);
  }

  /**
   * `compute` for the last time (see `MetricState.computeFinal`): rows still waiting are sorted and reported straight
   * from their runs (`PrefixBuckets.visit` into a `CurvePass`, merged with the held runs), so the curve is never
   * stored (16 bytes a distinct score spared at the peak); they stay waiting, so calling `compute` afterwards is still
   * right, at the cost of sorting them again. The per-threshold curves (`curves`) need the whole curve: then as `compute`.
   * @returns as `compute`, to the last bit
   */
  computeFinal(): TaskResult {
    const { labels, opts, extra } = this.config;
    const pending = this.waiting();
    if (pending === undefined || opts.curves) return this.compute();
    const pass = this.curvePass(pending);
    pending.visit(this.heldRuns(), (t, p, n, count) => pass.take(t, p, n, count));
    return binaryMetricsFromDigest(pass.finish(), labels, opts, true, extra);
  }

  /**
   * `computeFinal` with other threads' help: waiting rows are split by score range, the highest range sorted and
   * reported here as it is sorted while `sortRange` sorts the others (`PrefixBuckets.visitParallel`); with the
   * per-threshold curves, the rows are settled in parallel and the loss sums go to `lossSums` (`computeSharingLosses`).
   * The same result as `compute`, to the last bit.
   * @param parts - threads to split the sorting across, this one included
   * @param sortRange - sorts a range of the rows on another thread (`prefixRangeRuns` on a worker)
   * @param lossSums - as `computeSharingLosses`
   * @returns as `compute`
   */
  async computeInParallel(
    parts: number,
    sortRange: (job: PrefixRangeJob) => Promise<HeldRuns>,
    lossSums: (curve: BinaryClfCurve) => Promise<CurveLossSums> | undefined,
  ): Promise<TaskResult> {
    const { labels, opts, extra } = this.config;
    const pending = this.waiting();
    if (pending !== undefined && !opts.curves) {
      const pass = this.curvePass(pending);
      await pending.visitParallel(this.heldRuns(), parts, sortRange, (t, p, n, count) => pass.take(t, p, n, count));
      return binaryMetricsFromDigest(pass.finish(), labels, opts, true, extra);
    }
    await this.settleInParallel(parts, sortRange);
    return this.computeSharingLosses(lossSums);
  }

  /** The waiting rows, left in place (undefined when none wait). */
  private waiting(): PrefixBuckets | undefined {
    return this.pending !== undefined && this.pending.rows > 0 ? this.pending : undefined;
  }

  /** A pass over the curve of the held runs and the waiting rows (their totals). */
  private curvePass(pending: PrefixBuckets): CurvePass {
    const { opts, extra } = this.config;
    const positives = this.runs.totalPos + pending.positives;
    const negatives = this.runs.totalNeg + (pending.rows - pending.positives);
    return new CurvePass(positives, negatives, curvePassOptions(opts, true, extra));
  }

  /**
   * `compute` with the curve's loss sums computed elsewhere meanwhile (`binaryMetricsSharingLosses`): the same result.
   * @param lossSums - starts the loss sums of the curve on another thread, or returns undefined when it would not
   * @returns as `compute`
   */
  async computeSharingLosses(lossSums: (curve: BinaryClfCurve) => Promise<CurveLossSums> | undefined): Promise<TaskResult> {
    this.settle();
    const { labels, opts, extra } = this.config;
    return binaryMetricsSharingLosses(this.runs.toCurve(), labels, opts, true, extra, lossSums);
  }

  /** @returns the lossless serialised state (exact float64 bits; counts as u32 or f64) */
  toJSON(): BinaryExactStateJson {
    this.settle();
    const m = this.runs.length;
    return {
      kind: BINARY_EXACT_KIND,
      version: BINARY_EXACT_VERSION,
      ...binaryConfigToJson(this.config),
      thresholds: encodeTypedArray(this.runs.thresholds.subarray(0, m)),
      tps: encodeTypedArray(this.runs.tps.subarray(0, m)),
      fps: encodeTypedArray(this.runs.fps.subarray(0, m)),
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse).
   * @param json - the parsed JSON
   * @returns the state
   * @throws ValidationError `invalid_input` for another kind or version, or arrays of the wrong type, length or order
   */
  static fromJSON(json: StateJson): BinaryExactState {
    if (json.kind !== BINARY_EXACT_KIND) {
      throw new ValidationError('invalid_input', `Expected a serialised "${BINARY_EXACT_KIND}" state, got "${String(json.kind)}".`);
    }
    if (json.version !== 1 && json.version !== BINARY_EXACT_VERSION) {
      throw new ValidationError('invalid_input',
        `Serialised "${BINARY_EXACT_KIND}" state has version ${String(json.version)}; this modelperf reads versions 1 and ${BINARY_EXACT_VERSION}.`);
    }
    const j = json as BinaryExactStateJson & { pos?: EncodedArray; neg?: EncodedArray };
    const config = binaryConfigFromJson(j);
    const state = new BinaryExactState({ labels: config.labels, options: config.opts, extra: config.extra });
    const t = decodeTypedArray(j.thresholds);
    const version1 = json.version === 1;
    const p = decodeTypedArray(version1 ? j.pos! : j.tps);
    const n = decodeTypedArray(version1 ? j.neg! : j.fps);
    const countsOk = (p instanceof Uint32Array && n instanceof Uint32Array) || (p instanceof Float64Array && n instanceof Float64Array);
    if (!(t instanceof Float64Array) || !countsOk || p.length !== t.length || n.length !== t.length) {
      throw new ValidationError('invalid_input', 'A serialised "binary/exact" state holds arrays of the wrong types or lengths.');
    }
    const [tps, fps] = version1 ? [cumulative(p), cumulative(n)] : [p, n];
    // States this run's own workers transferred were checked as they were built, and their buffers are theirs alone.
    const trusted = isTrustedArray(j.thresholds);
    if (!trusted) checkRuns(t, tps, fps);
    state.runs.assign(t, tps, fps, trusted);
    return state;
  }
}

/** Checks deserialised runs: thresholds strictly descending, cumulative counts non-decreasing from >= 0. */
function checkRuns(t: Float64Array, tps: Uint32Array | Float64Array, fps: Uint32Array | Float64Array): void {
  for (let k = 1; k < t.length; k++) {
    if (!(t[k] < t[k - 1])) throw new ValidationError('invalid_input', `A serialised "binary/exact" state has thresholds out of order at ${k}.`);
  }
  for (let k = 0; k < t.length; k++) {
    const dp = tps[k] - (k > 0 ? tps[k - 1] : 0);
    const dn = fps[k] - (k > 0 ? fps[k - 1] : 0);
    if (!(dp >= 0 && dn >= 0)) {
      throw new ValidationError('invalid_input', `A serialised "binary/exact" state has negative or decreasing counts at ${k}.`);
    }
  }
}

/** Cumulative sums of per-score counts (version 1 states), in a new array of the same type. */
function cumulative(counts: Uint32Array | Float64Array): Uint32Array | Float64Array {
  const out = counts instanceof Uint32Array ? new Uint32Array(counts.length) : new Float64Array(counts.length);
  let sum = 0;
  for (let k = 0; k < counts.length; k++) {
    sum += counts[k];
    out[k] = sum;
  }
  if (counts instanceof Uint32Array && sum > 0xffffffff) {
    throw new ValidationError('invalid_input', 'A serialised "binary/exact" state (version 1) counts more than 2^32 - 1 rows of one class in uint32.');
  }
  return out;
}
