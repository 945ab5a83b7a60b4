import { ValidationError } from '../../errors.js';
import { checkCosts } from '../binary-extras/threshold-sweep.js';
import { calibrationFromBins, uniformEdges, type CalibrationCurve } from '../binary-extras/calibration-curve.js';
import { gainsGroup, type GainsGroup, type GainsTable } from '../binary-extras/gains-table.js';
import type { BinaryConfusion } from './confusion-at-threshold.js';
import { addRunLosses, type CurveSummary } from './curve-summary.js';
import { NegLogSum } from './neg-log-sum.js';


/**
 * What a binary report reads off its curve (see `binaryMetricsFromDigest`): from the curve's arrays
 * (`binaryMetricsFromCurve`) or from its runs as they are sorted, without the arrays ({@link CurvePass}).
 */
export interface CurveDigest {
  /** Distinct scores (the curve's length). */
  readonly runs: number;
  /** Total positive and negative weight. */
  readonly positives: number;
  readonly negatives: number;
  /** The lowest and highest score (NaN without rows). */
  readonly minScore: number;
  readonly maxScore: number;
  /** `confusionAtThreshold` at the report's threshold. */
  readonly confusion: BinaryConfusion;
  /** `curveSummary`, with the loss sums when the scores are probabilities. */
  readonly summary: CurveSummary;
  /** `calibrationFromCurve` (uniform bins) when the scores are probabilities. */
  readonly calibration: CalibrationCurve | undefined;
  /** `gainsTable` when asked for. */
  readonly gains: GainsTable | undefined;
}

/** What a {@link CurvePass} computes: the report's threshold, costs, calibration bins and gains groups. */
export interface CurvePassOptions {
  readonly threshold: number;
  readonly costFp: number;
  readonly costFn: number;
  /** Uniform calibration bins (an integer >= 1). */
  readonly calibrationBins: number;
  /** Gains groups (an integer >= 1), or undefined for no gains table. */
  readonly gainsGroups: number | undefined;
}

/**
 * Every curve metric of a binary report in one pass over the curve's runs as they come — distinct scores descending
 * with their cumulative counts, in chunks — so the curve never needs to exist as a whole: what a stream's exact state
 * uses to report straight from its sorted buckets (on 1e7 rows the curve's arrays were 112 MB, 11 of the 27 bytes a
 * row the streamed exact mode held at its peak). The totals must be known before the first run (the stream's
 * state counts them as rows arrive).
 *
 * Each quantity is computed with the very operations, in the same order, of the function that reads it off a whole
 * curve (`confusionAtThreshold`, `curveSummary`, `curveLossSums`, `calibrationFromCurve` with uniform bins,
 * `gainsTable`), so `finish()` equals what those return to the last bit (tested): the sums run over the runs in the
 * same order, the optima keep `curveSummary`'s values (Math.max / Math.min) and take the first threshold that
 * reached them (a strictly better value moves it; a NaN optimum has none, as there), the confusion counts are those
 * at the last run at or above the threshold, and calibration bins and gains groups close where their score or rank
 * boundary is crossed.
 *
 * @example
 * ```ts
 * const pass = new CurvePass(3, 5, { threshold: 0.5, costFp: 1, costFn: 1, calibrationBins: 10, gainsGroups: 10 });
 * pass.take(Float64Array.of(0.9, 0.4, 0.1), Float64Array.of(2, 3, 3), Float64Array.of(0, 2, 5), 3);
 * pass.finish().summary.rocAuc; // == curveSummary(that curve, ...).rocAuc
 * ```
 */
export class CurvePass {
  private readonly p: number;
  private readonly n: number;
  private readonly total: number;
  private readonly bothClasses: boolean;
  private readonly threshold: number;
  private readonly costFp: number;
  private readonly costFn: number;
  private m = 0;
  private first = NaN;
  private last = NaN;
  // curveSummary's sums and optima, with the first threshold reaching each optimum.
  private area = 0;
  private ap = 0;
  private prevRecall = 0;
  private maxF = -Infinity;
  private maxJ = -Infinity;
  private minC = Infinity;
  private maxD = -Infinity;
  private f1At = NaN;
  private jAt = NaN;
  private costAt = NaN;
  private ksAt = NaN;
  private prevTp = 0;
  private prevFp = 0;
  // confusionAtThreshold: the counts at the last run at or above the threshold.
  private confTp = 0;
  private confFp = 0;
  // curveLossSums.
  private readonly logs = new NegLogSum();
  private brier = 0;
  // calibrationFromCurve: the open bin (from the top), its counts before it, its running sum.
  private readonly edges: Float64Array;
  private readonly binCount: Float64Array;
  private readonly binPositives: Float64Array;
  private readonly binScores: Float64Array;
  private bin: number;
  private binOpen = false;
  private binBeforeTp = 0;
  private binBeforeAll = 0;
  private binPrevAll = 0;
  private binSum = 0;
  // gainsTable: the open group, where it started, its last run.
  private readonly groupCount: number;
  private readonly groups: GainsGroup[] = [];
  private group = 0;
  private groupStartTp = 0;
  private groupStartFp = 0;
  /** The score of the last run taken (the open group's lowest so far). */
  private lastGroupThreshold = NaN;

  /**
   * @param positives - total positive weight of the curve to come
   * @param negatives - total negative weight
   * @param options - threshold, costs, calibration bins, gains groups
   * @throws ValidationError for negative or non-finite costs, or bins / groups that are not integers >= 1
   */
  constructor(positives: number, negatives: number, options: CurvePassOptions) {
    checkCosts(options.costFp, options.costFn);
    for (const [name, value] of [['bins', options.calibrationBins], ['groups', options.gainsGroups ?? 1]] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new ValidationError('invalid_argument', `Expected \`${name}\` to be an integer >= 1, but it is ${String(value)}.`);
      }
    }
    this.p = positives;
    this.n = negatives;
    this.total = positives + negatives;
    this.bothClasses = positives > 0 && negatives > 0;
    this.threshold = options.threshold;
    this.costFp = options.costFp;
    this.costFn = options.costFn;
    const bins = options.calibrationBins;
    this.edges = uniformEdges(bins);
    this.binCount = new Float64Array(bins);
    this.binPositives = new Float64Array(bins);
    this.binScores = new Float64Array(bins);
    this.bin = bins - 1;
    this.groupCount = options.gainsGroups ?? 0;
  }

  /**
   * Takes the next runs of the curve: scores strictly below every score taken before, cumulative counts from the top
   * of the whole curve.
   * @param thresholds - distinct scores, descending
   * @param tps - cumulative positive weight down to each
   * @param fps - cumulative negative weight down to each
   * @param count - runs to take from the start of the arrays
   */
  take(thresholds: Float64Array, tps: Float64Array | Uint32Array, fps: Float64Array | Uint32Array, count: number): void {
    if (count <= 0) return;
    if (this.m === 0) this.first = thresholds[0];
    this.last = thresholds[count - 1];
    this.m += count;
    this.takeSummary(thresholds, tps, fps, count);
    this.takeLosses(thresholds, tps, fps, count);
    this.takeCalibration(thresholds, tps, fps, count);
    if (this.groupCount > 0) this.takeGains(thresholds, tps, fps, count);
    this.prevTp = tps[count - 1];
    this.prevFp = fps[count - 1];
  }

  /** curveSummary's loop; the confusion counts at the threshold on the way. */
  private takeSummary(thresholds: Float64Array, tps: Float64Array | Uint32Array, fps: Float64Array | Uint32Array, count: number): void {
    const { p, n, costFp, costFn, threshold } = this;
    let { area, ap, prevRecall, maxF, maxJ, minC, maxD, f1At, jAt, costAt, ksAt, prevTp, prevFp, confTp, confFp } = this;
    for (let k = 0; k < count; k++) {
      const a = tps[k];
      const b = fps[k];
      const t = thresholds[k];
      area += (b - prevFp) * (a + prevTp);
      const rec = a / p;
      ap += (rec - prevRecall) * (a / (a + b));
      prevRecall = rec;
      const j = rec - b / n;
      const d = Math.abs(j);
      const f = (2 * a) / (a + b + p);
      const c = costFp * b + costFn * (p - a);
      // A strictly better value moves the optimum's threshold: it ends at the first threshold reaching the optimum.
      if (j > maxJ) jAt = t;
      if (d > maxD) ksAt = t;
      if (f > maxF) f1At = t;
      if (c < minC) costAt = t;
      maxJ = Math.max(maxJ, j);
      maxD = Math.max(maxD, d);
      maxF = Math.max(maxF, f);
      minC = Math.min(minC, c);
      if (t >= threshold) {
        confTp = a;
        confFp = b;
      }
      prevTp = a;
      prevFp = b;
    }
    Object.assign(this, { area, ap, prevRecall, maxF, maxJ, minC, maxD, f1At, jAt, costAt, ksAt, confTp, confFp });
  }

  /** curveLossSums' loop. */
  private takeLosses(thresholds: Float64Array, tps: Float64Array | Uint32Array, fps: Float64Array | Uint32Array, count: number): void {
    this.brier = addRunLosses(this.logs, this.brier, thresholds, tps, fps, count, this.prevTp, this.prevFp);
  }

  /** calibrationFromCurve's bins: bin b >= 1 holds the scores above edges[b] not taken by a higher bin; bin 0 the rest. */
  private takeCalibration(thresholds: Float64Array, tps: Float64Array | Uint32Array, fps: Float64Array | Uint32Array, count: number): void {
    const edges = this.edges;
    let { bin, binOpen, binBeforeTp, binBeforeAll, binPrevAll, binSum } = this;
    let prevTp = this.prevTp;
    let prevFp = this.prevFp;
    for (let k = 0; k < count; k++) {
      const t = thresholds[k];
      while (bin > 0 && !(t > edges[bin])) {
        if (binOpen) this.closeBin(bin, binBeforeTp, binBeforeAll, binPrevAll, binSum, prevTp);
        binOpen = false;
        bin--;
      }
      if (!binOpen) {
        binOpen = true;
        binBeforeTp = prevTp;
        binBeforeAll = prevTp + prevFp;
        binPrevAll = binBeforeAll;
        binSum = 0;
      }
      const all = tps[k] + fps[k];
      binSum += t * (all - binPrevAll);
      binPrevAll = all;
      prevTp = tps[k];
      prevFp = fps[k];
    }
    Object.assign(this, { bin, binOpen, binBeforeTp, binBeforeAll, binPrevAll, binSum });
  }

  private closeBin(bin: number, beforeTp: number, beforeAll: number, prevAll: number, sum: number, lastTp: number): void {
    this.binCount[bin] = prevAll - beforeAll;
    this.binPositives[bin] = lastTp - beforeTp;
    this.binScores[bin] = sum;
  }

  /** gainsTable's groups: a run's group comes from the weight ranked above it; a group closes where it changes. */
  private takeGains(thresholds: Float64Array, tps: Float64Array | Uint32Array, fps: Float64Array | Uint32Array, count: number): void {
    const g = this.groupCount;
    const total = this.total;
    let prevTp = this.prevTp;
    let prevFp = this.prevFp;
    let lastT = this.lastGroupThreshold;
    for (let k = 0; k < count; k++) {
      const group = Math.min(g, Math.floor((g * (prevTp + prevFp)) / total) + 1);
      if (group !== this.group) {
        if (this.group !== 0) this.closeGroup(lastT, prevTp, prevFp);
        this.group = group;
        this.groupStartTp = prevTp;
        this.groupStartFp = prevFp;
      }
      lastT = thresholds[k];
      prevTp = tps[k];
      prevFp = fps[k];
    }
    this.lastGroupThreshold = lastT;
  }

  private closeGroup(threshold: number, cumTp: number, cumFp: number): void {
    this.groups.push(gainsGroup(this.group, threshold, this.groupStartTp, this.groupStartFp, cumTp, cumFp, this.p, this.total));
  }

  /**
   * @returns the digest of the curve taken
   * @throws ValidationError when the runs taken do not add up to the totals given
   */
  finish(): CurveDigest {
    const { p, n, m } = this;
    if (m > 0 && (this.prevTp !== p || this.prevFp !== n)) {
      throw new ValidationError('invalid_input', `A curve pass expected ${p} positive and ${n} negative weight, but its runs end at ${this.prevTp} and ${this.prevFp}.`);
    }
    const probabilities = m > 0 && this.last >= 0 && this.first <= 1;
    const nan = { threshold: NaN, value: NaN };
    let summary: CurveSummary;
    if (m === 0) {
      summary = { rocAuc: NaN, averagePrecision: NaN, logLoss: NaN, brier: NaN, ks: NaN, ksThreshold: NaN, best: { f1: nan, youden_j: nan, cost: nan } };
    } else {
      const maxF = p > 0 ? this.maxF : NaN;
      // An optimum that is NaN (a criterion undefined for these totals) has no threshold, as in curveSummary.
      const at = (value: number, threshold: number): number => (value === value ? threshold : NaN);
      summary = {
        rocAuc: this.bothClasses ? this.area / 2 / (p * n) : NaN,
        averagePrecision: p === 0 ? 0 : this.ap,
        logLoss: probabilities ? this.logs.total() / (p + n) : NaN,
        brier: probabilities ? this.brier / (p + n) : NaN,
        ks: this.bothClasses ? this.maxD : NaN,
        ksThreshold: this.bothClasses ? at(this.maxD, this.ksAt) : NaN,
        best: {
          f1: { threshold: at(maxF, this.f1At), value: maxF },
          youden_j: { threshold: at(this.maxJ, this.jAt), value: this.maxJ },
          cost: { threshold: at(this.minC, this.costAt), value: this.minC },
        },
      };
    }
    if (this.binOpen) this.closeBin(this.bin, this.binBeforeTp, this.binBeforeAll, this.binPrevAll, this.binSum, this.prevTp);
    this.binOpen = false;
    if (this.groupCount > 0 && this.group !== 0) this.closeGroup(this.lastGroupThreshold, this.prevTp, this.prevFp);
    this.group = 0;
    const total = p + n;
    return {
      runs: m,
      positives: p,
      negatives: n,
      minScore: m > 0 ? this.last : NaN,
      maxScore: m > 0 ? this.first : NaN,
      confusion: { tn: n - this.confFp, fp: this.confFp, fn: p - this.confTp, tp: this.confTp },
      summary,
      calibration: probabilities
        ? calibrationFromBins(this.edges, this.binCount, this.binPositives, this.binScores, total, 'uniform')
        : undefined,
      gains: this.groupCount > 0
        ? { groups: this.groups, group_count: this.groupCount, prevalence: total > 0 ? p / total : NaN, total }
        : undefined,
    };
  }
}
