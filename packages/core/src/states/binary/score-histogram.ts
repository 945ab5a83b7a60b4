import { ValidationError } from '../../errors.js';
import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';

/** Default number of equal-width bins of the binned binary state: width 2^-16 over [0, 1]. */
export const DEFAULT_HISTOGRAM_BINS = 65536;
/** Fewest and most bins a histogram may have (4 keeps every bin edge of finite scores finite; 2^26 = 1 GiB). */
export const MIN_HISTOGRAM_BINS = 4;
export const MAX_HISTOGRAM_BINS = 2 ** 26;

/**
 * Zeroed arrays of recycled histograms (`ScoreHistogram.recycle`): a stream's leaves each build a histogram and merge
 * it into another, and 1 MiB of fresh zeroed memory per leaf cost ~1 ms on the 2-core reference VM (first touches);
 * zeroing the occupied slots of a warm array costs a fraction of that.
 */
const spareSlots: Float64Array[] = [];
const MAX_SPARE_SLOTS = 4;

/** A zeroed array of `length` slots: a recycled one when there is one of that length, else a new one. */
function zeroSlots(length: number): Float64Array {
  const at = spareSlots.findIndex((a) => a.length === length);
  return at >= 0 ? spareSlots.splice(at, 1)[0] : new Float64Array(length);
}

/** floor(x / 2^e) for an integer exponent e in [-1074, 1023], exact (scaling by a power of two). */
export function floorPow2(x: number, e: number): number {
  const g = Math.floor(x * 2 ** -e);
  // A tiny negative quotient may underflow to -0, whose floor should be -1.
  return g === 0 && x < 0 ? -1 : g;
}

/**
 * A histogram of positive and negative weight on a dyadic grid: bin g holds the scores s with floor(s / 2^e) = g,
 * for g in the window [offset, offset + bins] (bins + 1 slots, so the window's top edge — 1 for probabilities — is the
 * lower edge of a bin of its own). Every edge g * 2^e is exact, so a score is in bin g iff g * 2^e <= s < (g + 1) * 2^e.
 *
 * @remarks
 * The grid starts at e0 = -floor(log2(bins)), offset 0: for a power-of-two `bins`, bins of width 1 / bins over
 * [0, 1], with 0.5 and every multiple of 1 / bins an edge. When scores span more than `bins` grid steps, e grows by
 * one — the width doubles and each bin g folds into bin floor(g / 2) — until they fit; the window then slides to
 * cover them. So the state's grid is the finest e >= e0 that fits every score seen: a function of the data, not of
 * batch order or splits, which makes updates and merges order-free. Memory: 16 bytes a slot (float64 pos and neg).
 * @example
 * ```ts
 * const h = new ScoreHistogram(65536);
 * h.cover(0.2, 0.9); // grid 2^-16 over [0, 1]
 * ```
 */
export class ScoreHistogram {
  readonly bins: number;
  exponent: number;
  offset = 0;
  pos: Float64Array;
  neg: Float64Array;
  /** Exact extreme scores seen (with positive weight); +Infinity / -Infinity while empty. */
  min = Infinity;
  max = -Infinity;

  /**
   * @param bins - number of equal-width bins, an integer in [4, 2^26] (a power of two keeps [0, 1] on the grid)
   * @throws ValidationError `invalid_argument` for another value
   */
  constructor(bins: number) {
    if (!(Number.isInteger(bins) && bins >= MIN_HISTOGRAM_BINS && bins <= MAX_HISTOGRAM_BINS)) {
      throw new ValidationError('invalid_argument', `bins must be an integer in [${MIN_HISTOGRAM_BINS}, ${MAX_HISTOGRAM_BINS}], got ${String(bins)}.`);
    }
    this.bins = bins;
    this.exponent = -Math.floor(Math.log2(bins));
    this.pos = zeroSlots(bins + 1);
    this.neg = zeroSlots(bins + 1);
  }

  /**
   * Gives the arrays back for new histograms of as many bins (zeroed where they hold weight); the histogram must not
   * be used again (its arrays are then empty).
   */
  recycle(): void {
    const [first, last] = this.occupied();
    for (const slots of [this.pos, this.neg]) {
      if (slots.length !== this.bins + 1) continue;
      if (last >= first) slots.fill(0, Math.max(0, first), Math.min(slots.length, last + 1));
      if (spareSlots.length < MAX_SPARE_SLOTS) spareSlots.push(slots);
    }
    this.pos = new Float64Array(0);
    this.neg = new Float64Array(0);
  }

  /** Whether no weight has been added. */
  /** Exchanges the two classes: every bin's positive and negative weight trade places. */
  swapClasses(): void {
    const pos = this.pos;
    this.pos = this.neg;
    this.neg = pos;
  }

  get empty(): boolean {
    return this.min > this.max;
  }

  /** First and last occupied slot (first > last when empty). */
  occupied(): [number, number] {
    if (this.empty) return [0, -1];
    return [floorPow2(this.min, this.exponent) - this.offset, floorPow2(this.max, this.exponent) - this.offset];
  }

  /**
   * Widens the grid (folding bins) and slides the window so that scores in [lo, hi] and every held score fit.
   * @param lo - smallest new score
   * @param hi - largest new score
   * @param minExponent - the grid exponent must be at least this (to meet another histogram's grid)
   */
  cover(lo: number, hi: number, minExponent = this.exponent): void {
    const min = Math.min(this.min, lo);
    const max = Math.max(this.max, hi);
    let e = Math.max(this.exponent, minExponent);
    while (!(floorPow2(max, e) - floorPow2(min, e) <= this.bins)) e++;
    const gmin = floorPow2(min, e);
    const gmax = floorPow2(max, e);
    const d = e - this.exponent;
    let offset = floorPow2(this.offset, d);
    if (gmin < offset) offset = gmax - this.bins;
    else if (gmax > offset + this.bins) offset = gmin;
    if (d !== 0 || offset !== this.offset) this.relayout(e, offset);
    this.min = min;
    this.max = max;
  }

  /**
   * Adds another histogram's weights (call `cover(other.min, other.max, other.exponent)` first).
   * @param other - the histogram to add (unchanged; may be this one)
   */
  addFrom(other: ScoreHistogram): void {
    const [first, last] = other.occupied();
    const d = this.exponent - other.exponent;
    for (let b = first; b <= last; b++) {
      const p = other.pos[b];
      const n = other.neg[b];
      if (p === 0 && n === 0) continue;
      const k = floorPow2(other.offset + b, d) - this.offset;
      this.pos[k] += p;
      this.neg[k] += n;
    }
  }

  /**
   * The curve of the histogram: one threshold per non-empty bin at its lower edge, descending, cumulative weights.
   * @returns the binned curve
   */
  toCurve(): BinaryClfCurve {
    const [first, last] = this.occupied();
    let m = 0;
    for (let b = first; b <= last; b++) if (this.pos[b] !== 0 || this.neg[b] !== 0) m++;
    const thresholds = new Float64Array(m);
    const tps = new Float64Array(m);
    const fps = new Float64Array(m);
    const scale = 2 ** this.exponent;
    let tp = 0;
    let fp = 0;
    let k = 0;
    for (let b = last; b >= first; b--) {
      if (this.pos[b] === 0 && this.neg[b] === 0) continue;
      tp += this.pos[b];
      fp += this.neg[b];
      const edge = (this.offset + b) * scale;
      // Only the lowest bin of scores below -2^1023 has an edge beyond float64; no score lies between it and min.
      thresholds[k] = Number.isFinite(edge) ? edge : this.min;
      tps[k] = tp;
      fps[k] = fp;
      k++;
    }
    return { thresholds, tps, fps };
  }

  /**
   * The largest possible |binned ROC AUC - exact ROC AUC|: sum over bins of pos_b * neg_b / (2 P N).
   * @returns the bound, NaN without both classes
   */
  rocAucMaxError(): number {
    const [first, last] = this.occupied();
    let p = 0;
    let n = 0;
    let within = 0;
    for (let b = first; b <= last; b++) {
      p += this.pos[b];
      n += this.neg[b];
      within += this.pos[b] * this.neg[b];
    }
    return p > 0 && n > 0 ? within / (2 * p * n) : NaN;
  }

  private relayout(e: number, offset: number): void {
    const [first, last] = this.occupied();
    const pos = zeroSlots(this.bins + 1);
    const neg = zeroSlots(this.bins + 1);
    const d = e - this.exponent;
    for (let b = first; b <= last; b++) {
      const p = this.pos[b];
      const n = this.neg[b];
      if (p === 0 && n === 0) continue;
      const k = floorPow2(this.offset + b, d) - offset;
      pos[k] += p;
      neg[k] += n;
    }
    this.pos = pos;
    this.neg = neg;
    this.exponent = e;
    this.offset = offset;
  }
}
