import { InternalError, ValidationError } from '../../errors.js';
import { binaryMetricsFromCurve } from '../../evaluate/binary-result.js';
import type { TaskResult } from '../../evaluate/prepared-task.js';
import type { BinaryRows } from '../../kernels/binary-clf-curve.js';
import { STATE_VERSION, type MetricState, type StateJson } from '../metric-state.js';
import { checkStateJson, decodeTypedArray, encodeTypedArray, type EncodedArray } from '../state-buffers.js';
import {
  binaryConfigFromJson, binaryConfigToJson, checkBinaryRows, checkSameConfig, resolveBinaryStateConfig,
  type BinaryConfigJson, type BinaryStateConfig, type BinaryStateInit,
} from './binary-state-config.js';
import { binRows, binWithin, SCRATCH_FROM, SCRATCH_MAX_BINS, type BinnedSums } from './bin-rows.js';
import { DEFAULT_HISTOGRAM_BINS, floorPow2, ScoreHistogram } from './score-histogram.js';

/** Kind of {@link BinaryBinnedState}. */
export const BINARY_BINNED_KIND = 'binary/binned';

/** What a binned binary state is built from: a binary state's labels and options, and the histogram size. */
export interface BinaryBinnedStateInit extends BinaryStateInit {
  /** Equal-width histogram bins, an integer in [4, 2^26], a power of two (default 65536, 1 MiB). */
  readonly bins?: number;
  /**
   * Whether `swapClasses` must stay possible (default true): the state then sums log loss and Brier for both
   * labellings. A stream that already knows its positive label passes false (one labelling's sums: less work a row).
   */
  readonly swappable?: boolean;
}

/** Serialised {@link BinaryBinnedState}. */
export interface BinaryBinnedStateJson extends StateJson, BinaryConfigJson {
  readonly kind: typeof BINARY_BINNED_KIND;
  readonly bins: number;
  /** Bin width is 2^exponent; slot b holds grid index offset + b. */
  readonly exponent: number;
  readonly offset: number;
  /** Exact extreme scores; null while empty. */
  readonly min: number | null;
  readonly max: number | null;
  /** Sum of w * -log(clip(p_y)) and of w * (y - s)^2 over every row. */
  readonly logLossSum: number;
  readonly brierSum: number;
  /** The same sums with the classes exchanged; null when the state cannot swap its classes. */
  readonly logLossSumSwapped: number | null;
  readonly brierSumSwapped: number | null;
  /** Slot of the first value in `pos` / `neg` (only the occupied slots are stored). */
  readonly first: number;
  readonly pos: EncodedArray;
  readonly neg: EncodedArray;
}

/**
 * The binned mergeable state of binary classification: O(bins) memory, one pass over each batch, no sort. A histogram
 * of positive and negative weight over `bins` equal-width bins whose edges adapt to the scores (see `ScoreHistogram`:
 * [0, 1] for probabilities, doubling and folding bins when a score falls outside).
 *
 * @remarks
 * `compute` treats each non-empty bin as one threshold at its lower edge and calls `binaryMetricsFromCurve` on that
 * curve; then it replaces log_loss and brier_score_loss by exact per-row sums, adds `roc_auc_max_error` and a
 * `binned_curve` warning.
 *
 * Exact (up to float64 summation order): prevalence, log_loss and brier_score_loss (per-row sums with log loss's
 * clipping to [eps, 1 - eps]; reported only when every score lies in [0, 1]), and the confusion matrix and every
 * threshold metric at `threshold` when it is a bin edge — with the default 65536 bins every multiple of 2^-16,
 * 0.5 included, while the scores stay in [0, 1].
 *
 * Approximate: roc_auc, average_precision, ks_statistic, calibration (ECE/MCE), gains, the threshold sweep and curves
 * (each bin's scores collapse onto its lower edge), and threshold metrics at a threshold inside a bin (the whole bin
 * counts as below it).
 *
 * ROC AUC bound: the exact AUC is (1/PN) sum over positive/negative pairs of [s+ > s-] + [s+ = s-]/2. Pairs in
 * different bins are ordered the same by bins as by scores, since bins are disjoint intervals; a pair within one bin
 * counts 1/2 in the binned AUC (a tie at the bin's edge) and 0, 1/2 or 1 exactly. So
 * |AUC_binned - AUC| <= sum_b pos_b neg_b / (2 P N) = `roc_auc_max_error` (weights in place of counts when weighted);
 * the bound is attained when every within-bin pair is ordered the same way.
 *
 * Memory: 16 bytes a slot, (bins + 1) slots (1 MiB at 65536), plus another (bins + 1) * 16 while the grid widens.
 * Updates and merges are order-free: the grid is the finest that fits all scores seen (not the first batch's range),
 * so unweighted histograms are identical for any split and merge order; weighted bin sums and the log-loss/Brier sums
 * (float64) differ only by summation order (~1e-15 relative). Scores confined to a range much narrower than 1 get
 * the unit grid's resolution (width 1/bins), not a finer one: that is the price of split-independence.
 * @example
 * ```ts
 * const s = new BinaryBinnedState({ labels, options: {}, bins: 65536 }).update(batch);
 * const { metrics } = s.compute(); // metrics.roc_auc, metrics.roc_auc_max_error
 * ```
 */
export class BinaryBinnedState implements MetricState<BinaryRows> {
  readonly kind = BINARY_BINNED_KIND;
  readonly config: BinaryStateConfig;
  private readonly histogram: ScoreHistogram;
  private logLossSum = 0;
  private brierSum = 0;
  // The same sums with the classes exchanged, so that `swapClasses` stays exact without rows; NaN when the state
  // need not swap (NaN spreads through merges: a merge with such a state cannot swap either).
  private logLossSumSwapped = 0;
  private brierSumSwapped = 0;

  /**
   * @param init - `labels`, `options` (resolved with `resolveBinaryOptions`), `extra` (calibration bins and costs) and
   * `bins` (histogram bins, default 65536)
   * @throws ValidationError `invalid_argument` for bad option values or bins
   */
  constructor(init: BinaryBinnedStateInit) {
    this.config = resolveBinaryStateConfig(init);
    this.histogram = new ScoreHistogram(init.bins ?? DEFAULT_HISTOGRAM_BINS);
    if (init.swappable === false) {
      this.logLossSumSwapped = NaN;
      this.brierSumSwapped = NaN;
    }
  }

  /** Whether `swapClasses` is possible (see `BinaryBinnedStateInit.swappable`). */
  get swappable(): boolean {
    return !Number.isNaN(this.logLossSumSwapped);
  }

  /** Number of histogram bins. */
  get bins(): number {
    return this.histogram.bins;
  }

  /** Bytes held by the histogram. */
  get bytes(): number {
    return this.histogram.pos.byteLength + this.histogram.neg.byteLength;
  }

  /**
   * Adds a batch of validated rows (not mutated; zero-weight rows are left out).
   * @param rows - finite scores, positive flags, optional non-negative weights
   * @returns this
   * @throws ValidationError `length_mismatch` when the arrays differ in length
   */
  update(rows: BinaryRows): this {
    checkBinaryRows(rows);
    const { scores, weights } = rows;
    const n = scores.length;
    const h = this.histogram;
    if (weights === undefined && n >= SCRATCH_FROM && h.bins <= SCRATCH_MAX_BINS) {
      // Big unweighted batches: binned in the window the histogram has, finding the extremes on the way; a score
      // outside it leaves the histogram as it was, and the batch takes the road below.
      const within = binWithin(scores, rows.positive, h, this.swappable);
      if (within !== undefined) {
        h.cover(within.lo + 0, within.hi + 0); // only records the extremes: they fit the grid
        this.addSums(within);
        return this;
      }
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (weights !== undefined && !(weights[i] > 0)) continue;
      const s = scores[i];
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
    if (lo > hi) return this;
    h.cover(lo + 0, hi + 0);
    this.addSums(binRows(rows, h, this.swappable));
    return this;
  }

  private addSums(sums: BinnedSums): void {
    this.logLossSum += sums.logLoss;
    this.brierSum += sums.brier;
    this.logLossSumSwapped += sums.logLossSwapped;
    this.brierSumSwapped += sums.brierSwapped;
  }

  /**
   * Adds another binned state with the same labels, options and bins (its grid may differ: both are brought to the
   * finest common grid that fits every score first).
   * @param other - the other state (unchanged)
   * @returns this
   * @throws ValidationError `invalid_argument` for another kind of state, different bins or labels/options
   */
  merge(other: this): this {
    if (!(other instanceof BinaryBinnedState)) {
      throw new ValidationError('invalid_argument', `Cannot merge a "${String((other as { kind?: unknown })?.kind)}" state into a "${BINARY_BINNED_KIND}" state.`);
    }
    checkSameConfig(BINARY_BINNED_KIND, this.config, other.config);
    if (other.bins !== this.bins) {
      throw new ValidationError('invalid_argument', `Cannot merge "${BINARY_BINNED_KIND}" states with different bins (${this.bins} and ${other.bins}).`);
    }
    const o = other.histogram;
    const logSum = other.logLossSum;
    const brier = other.brierSum;
    if (!o.empty) {
      this.histogram.cover(o.min, o.max, o.exponent);
      this.histogram.addFrom(o);
    }
    this.logLossSum += logSum;
    this.brierSum += brier;
    this.logLossSumSwapped += other.logLossSumSwapped;
    this.brierSumSwapped += other.brierSumSwapped;
    return this;
  }

  /** Gives the histogram's arrays back for new binned states (see `MetricState.recycle`); this state is done with. */
  recycle(): void {
    this.histogram.recycle();
  }

  /**
   * Relabels the rows: the class counted as positive becomes the negative one and back (used when a stream learns only
   * at its end which label is positive). Log loss and Brier stay exact: the state keeps their sums for both labellings.
   * @returns this
   */
  swapClasses(): this {
    if (!this.swappable) throw new InternalError(`This "${BINARY_BINNED_KIND}" state was built without swappable classes.`);
    this.histogram.swapClasses();
    [this.logLossSum, this.logLossSumSwapped] = [this.logLossSumSwapped, this.logLossSum];
    [this.brierSum, this.brierSumSwapped] = [this.brierSumSwapped, this.brierSum];
    return this;
  }

  /** @returns every binary metric and section from the binned curve, exact log_loss/brier, `roc_auc_max_error` */
  compute(): TaskResult {
    const { labels, opts, extra } = this.config;
    const h = this.histogram;
    const curve = h.toCurve();
    const result = binaryMetricsFromCurve(curve, labels, opts, true, extra);
    const { metrics, sections } = result;
    const m = curve.thresholds.length;
    const total = m > 0 ? curve.tps[m - 1] + curve.fps[m - 1] : 0;
    const probabilities = h.min >= 0 && h.max <= 1;
    if (probabilities) {
      metrics.log_loss = this.logLossSum / total;
      metrics.brier_score_loss = this.brierSum / total;
    } else if (!h.empty) {
      // Bin edges of scores just above 1 can all lie in [0, 1]; the exact range decides.
      delete metrics.log_loss;
      delete metrics.brier_score_loss;
      delete metrics.expected_calibration_error;
      delete metrics.maximum_calibration_error;
      delete sections.calibration;
      const message = `Scores range over [${h.min}, ${h.max}], not [0, 1]: log_loss and brier_score_loss are omitted.`;
      const i = result.warnings.findIndex((w) => w.code === 'not_probabilities');
      if (i >= 0) result.warnings[i] = { code: 'not_probabilities', message };
      else result.warnings.push({ code: 'not_probabilities', message });
    }
    metrics.roc_auc_max_error = h.rocAucMaxError();
    const width = 2 ** h.exponent;
    result.warnings.push({
      code: 'binned_curve',
      message:
        `Curve metrics come from ${h.bins} equal-width score bins of width ${width}: roc_auc is within roc_auc_max_error ` +
        `(${metrics.roc_auc_max_error}) of the exact value; average_precision, ks_statistic, calibration, gains and the ` +
        `threshold sweep are approximate; threshold metrics are exact when the threshold is a multiple of ${width}.`,
    });
    return result;
  }

  /** @returns the lossless serialised state (only the occupied bins are stored) */
  toJSON(): BinaryBinnedStateJson {
    const h = this.histogram;
    const [first, last] = h.occupied();
    const from = Math.max(first, 0);
    const to = Math.max(last + 1, from);
    return {
      kind: BINARY_BINNED_KIND,
      version: STATE_VERSION,
      ...binaryConfigToJson(this.config),
      bins: h.bins,
      exponent: h.exponent,
      offset: h.offset,
      min: h.empty ? null : h.min,
      max: h.empty ? null : h.max,
      logLossSum: this.logLossSum,
      brierSum: this.brierSum,
      logLossSumSwapped: this.swappable ? this.logLossSumSwapped : null,
      brierSumSwapped: this.swappable ? this.brierSumSwapped : null,
      first: from,
      pos: encodeTypedArray(h.pos.subarray(from, to)),
      neg: encodeTypedArray(h.neg.subarray(from, to)),
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse).
   * @param json - the parsed JSON
   * @returns the state
   * @throws ValidationError `invalid_input` for another kind or version, or inconsistent fields
   */
  static fromJSON(json: StateJson): BinaryBinnedState {
    checkStateJson(json, BINARY_BINNED_KIND, STATE_VERSION);
    const j = json as BinaryBinnedStateJson;
    const config = binaryConfigFromJson(j);
    const state = new BinaryBinnedState({ labels: config.labels, options: config.opts, extra: config.extra, bins: j.bins });
    const h = state.histogram;
    const pos = decodeTypedArray(j.pos);
    const neg = decodeTypedArray(j.neg);
    const bad = (what: string): ValidationError => new ValidationError('invalid_input', `A serialised "${BINARY_BINNED_KIND}" state has ${what}.`);
    if (!(pos instanceof Float64Array) || !(neg instanceof Float64Array) || pos.length !== neg.length) throw bad('bin arrays of the wrong types or lengths');
    if (!Number.isInteger(j.exponent) || !Number.isInteger(j.offset) || !Number.isInteger(j.first) || j.exponent < h.exponent || j.exponent > 1023) {
      throw bad('an invalid grid');
    }
    const swappable = typeof j.logLossSumSwapped === 'number' && typeof j.brierSumSwapped === 'number';
    if (typeof j.logLossSum !== 'number' || typeof j.brierSum !== 'number'
      || (!swappable && !(j.logLossSumSwapped === null && j.brierSumSwapped === null))) throw bad('no loss sums');
    if (j.min === null || j.max === null) {
      if (pos.length !== 0) throw bad('bins without a score range');
    } else {
      if (!(typeof j.min === 'number' && typeof j.max === 'number' && j.min <= j.max)) throw bad('an invalid score range');
      if (j.first !== floorPow2(j.min, j.exponent) - j.offset || pos.length !== floorPow2(j.max, j.exponent) - j.offset - j.first + 1
        || j.first < 0 || j.first + pos.length > h.bins + 1) {
        throw bad('bins that do not match its score range');
      }
      h.exponent = j.exponent;
      h.offset = j.offset;
      h.min = j.min;
      h.max = j.max;
      h.pos.set(pos, j.first);
      h.neg.set(neg, j.first);
    }
    state.logLossSum = j.logLossSum;
    state.brierSum = j.brierSum;
    state.logLossSumSwapped = j.logLossSumSwapped ?? NaN;
    state.brierSumSwapped = j.brierSumSwapped ?? NaN;
    return state;
  }
}
