import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';

const U32_MAX = 0xffffffff;

/** Per-run weights: exact uint32 counts while every batch is unweighted and the totals fit, else float64. */
export type RunCounts = Uint32Array | Float64Array;

/**
 * Sorted runs of distinct scores (descending) with the positive and negative weight at each score: the compact,
 * mergeable form of the binary curve. 16 bytes a run with uint32 counts, 24 with float64 counts; a merge that does
 * not fit writes both lists once into new buffers of their summed length (a state made of one batch holds the
 * kernel's buffers, sized by the batch's rows).
 *
 * @remarks Counts stay uint32 (exact integers) until a weighted batch arrives or the total count of a class could pass
 * 2^32 - 1; they then become float64 (still exact integers up to 2^53 when unweighted).
 * @example
 * ```ts
 * const runs = new ScoreRuns();
 * runs.mergeCurve(jsBinaryClfCurve(rows), false);
 * runs.toCurve(); // == jsBinaryClfCurve(rows)
 * ```
 */
export class ScoreRuns {
  thresholds: Float64Array = new Float64Array(0);
  pos: RunCounts = new Uint32Array(0);
  neg: RunCounts = new Uint32Array(0);
  length = 0;
  /** Total positive and negative weight, to know when uint32 counts could overflow. */
  totalPos = 0;
  totalNeg = 0;

  /** Exchanges the two classes: every run's positive and negative counts trade places. */
  swapClasses(): void {
    const pos = this.pos;
    this.pos = this.neg;
    this.neg = pos;
    const total = this.totalPos;
    this.totalPos = this.totalNeg;
    this.totalNeg = total;
  }

  /** Whether counts are float64 (weighted, or too large for uint32). */
  get float(): boolean {
    return this.pos instanceof Float64Array;
  }

  /**
   * Adds the runs of a batch's curve (cumulative tps/fps, descending thresholds).
   * @param curve - a fresh batch curve from `jsBinaryClfCurve`, taken over: into an empty list its arrays become the runs
   * @param weighted - whether the curve's counts are weights (forces float64 counts)
   */
  mergeCurve(curve: BinaryClfCurve, weighted: boolean): void {
    const b = curve.thresholds.length;
    if (b === 0) return;
    const { tps, fps } = curve;
    const float = weighted || this.float || this.totalPos + tps[b - 1] > U32_MAX || this.totalNeg + fps[b - 1] > U32_MAX;
    const totalPos = tps[b - 1];
    const totalNeg = fps[b - 1];
    // Differences of cumulative sums: exact for integer counts; for weights a rounding of the cumulative value
    // (~1e-16 relative), which re-accumulation in `toCurve` does not amplify.
    if (this.length === 0 && (float ? tps instanceof Float64Array && fps instanceof Float64Array : tps instanceof Uint32Array && fps instanceof Uint32Array)) {
      // The first batch of a state: the kernel's fresh arrays become the runs (differenced in place, from the end),
      // with no copy nor allocation.
      for (let k = b - 1; k > 0; k--) {
        tps[k] -= tps[k - 1];
        fps[k] -= fps[k - 1];
      }
      this.thresholds = curve.thresholds;
      this.pos = tps;
      this.neg = fps;
      this.length = b;
      this.totalPos = totalPos;
      this.totalNeg = totalNeg;
      return;
    }
    const Ctor = float ? Float64Array : Uint32Array;
    const pos = new Ctor(b);
    const neg = new Ctor(b);
    let prevTp = 0;
    let prevFp = 0;
    for (let k = 0; k < b; k++) {
      pos[k] = tps[k] - prevTp;
      neg[k] = fps[k] - prevFp;
      prevTp = tps[k];
      prevFp = fps[k];
    }
    this.mergeRuns(curve.thresholds, pos, neg, b, totalPos, totalNeg);
  }

  /**
   * Adds another run list (unchanged, may be this one).
   * @param other - the runs to add
   */
  mergeFrom(other: ScoreRuns): void {
    if (other === this) {
      const n = this.length;
      this.mergeRuns(this.thresholds.slice(0, n), this.pos.slice(0, n), this.neg.slice(0, n), n, this.totalPos, this.totalNeg);
    } else {
      this.mergeRuns(other.thresholds, other.pos, other.neg, other.length, other.totalPos, other.totalNeg);
    }
  }

  /**
   * Replaces the contents (used by deserialisation).
   * @param thresholds - distinct scores, descending
   * @param pos - positive weight per score
   * @param neg - negative weight per score
   */
  assign(thresholds: Float64Array, pos: RunCounts, neg: RunCounts): void {
    this.thresholds = thresholds;
    this.pos = pos;
    this.neg = neg;
    this.length = thresholds.length;
    let p = 0;
    let n = 0;
    for (let k = 0; k < this.length; k++) {
      p += pos[k];
      n += neg[k];
    }
    this.totalPos = p;
    this.totalNeg = n;
  }

  /**
   * The cumulative curve of the runs (fresh arrays; uint32 counts stay uint32, as the js kernel returns them).
   * @returns thresholds descending with cumulative tps/fps
   */
  toCurve(): BinaryClfCurve {
    const m = this.length;
    const Ctor = this.float ? Float64Array : Uint32Array;
    const tps = new Ctor(m);
    const fps = new Ctor(m);
    let tp = 0;
    let fp = 0;
    for (let k = 0; k < m; k++) {
      tp += this.pos[k];
      fp += this.neg[k];
      tps[k] = tp;
      fps[k] = fp;
    }
    return { thresholds: this.thresholds.slice(0, m), tps, fps };
  }

  /**
   * Linear merge of two descending run lists: into fresh buffers of a + b runs when this list's buffers are too small
   * (one pass, no copy of this list first), else in place, written backwards into this list's buffers.
   */
  private mergeRuns(th: Float64Array, pos: RunCounts, neg: RunCounts, b: number, totalPos: number, totalNeg: number): void {
    if (b === 0) return;
    const a = this.length;
    const float = this.float || pos instanceof Float64Array || this.totalPos + totalPos > U32_MAX || this.totalNeg + totalNeg > U32_MAX;
    if (a + b > this.thresholds.length) {
      this.mergeInto(th, pos, neg, b, float);
    } else {
      this.reserve(a + b, float);
      this.mergeInPlace(th, pos, neg, b);
    }
    this.totalPos += totalPos;
    this.totalNeg += totalNeg;
  }

  /** Forward merge of this list and another into new buffers of exactly a + b runs, which become this list's. */
  private mergeInto(th: Float64Array, pos: RunCounts, neg: RunCounts, b: number, float: boolean): void {
    const a = this.length;
    const Ctor = float ? Float64Array : Uint32Array;
    const T = new Float64Array(a + b);
    const P = new Ctor(a + b);
    const N = new Ctor(a + b);
    const t = this.thresholds;
    const p = this.pos;
    const n = this.neg;
    let i = 0;
    let j = 0;
    let w = 0;
    while (i < a && j < b) {
      const x = t[i];
      const y = th[j];
      if (x > y) {
        T[w] = x; P[w] = p[i]; N[w] = n[i];
        i++;
      } else if (x < y) {
        T[w] = y; P[w] = pos[j]; N[w] = neg[j];
        j++;
      } else {
        T[w] = x; P[w] = p[i] + pos[j]; N[w] = n[i] + neg[j];
        i++;
        j++;
      }
      w++;
    }
    for (; i < a; i++, w++) {
      T[w] = t[i]; P[w] = p[i]; N[w] = n[i];
    }
    for (; j < b; j++, w++) {
      T[w] = th[j]; P[w] = pos[j]; N[w] = neg[j];
    }
    this.thresholds = T;
    this.pos = P;
    this.neg = N;
    this.length = w;
  }

  /** Merge into this list's buffers (already large enough), from the smallest scores, written backwards. */
  private mergeInPlace(th: Float64Array, pos: RunCounts, neg: RunCounts, b: number): void {
    const a = this.length;
    const T = this.thresholds;
    const P = this.pos;
    const N = this.neg;
    // Walk both lists from their smallest scores; the write position w = i + j + 1 + (combined runs) never falls
    // below the read position i of this list, so the merge runs in place.
    let i = a - 1;
    let j = b - 1;
    let w = a + b - 1;
    while (j >= 0) {
      if (i >= 0 && T[i] < th[j]) {
        T[w] = T[i]; P[w] = P[i]; N[w] = N[i];
        i--;
      } else if (i >= 0 && T[i] === th[j]) {
        T[w] = T[i]; P[w] = P[i] + pos[j]; N[w] = N[i] + neg[j];
        i--;
        j--;
      } else {
        T[w] = th[j]; P[w] = pos[j]; N[w] = neg[j];
        j--;
      }
      w--;
    }
    // The rest of this list (indices 0..i) is already in place; close the gap left by combined runs.
    const gap = w - i;
    if (gap > 0) {
      T.copyWithin(i + 1, w + 1, a + b);
      P.copyWithin(i + 1, w + 1, a + b);
      N.copyWithin(i + 1, w + 1, a + b);
    }
    this.length = a + b - gap;
  }

  /** Grows the buffers to hold `n` runs (1.5x geometric growth) and converts counts to float64 when asked. */
  private reserve(n: number, float: boolean): void {
    const toFloat = float && !this.float;
    if (n <= this.thresholds.length && !toFloat) return;
    const capacity = n <= this.thresholds.length ? this.thresholds.length : Math.max(n, Math.ceil(this.thresholds.length * 1.5), 16);
    const m = this.length;
    if (capacity !== this.thresholds.length) {
      const t = new Float64Array(capacity);
      t.set(this.thresholds.subarray(0, m));
      this.thresholds = t;
    }
    const Ctor = float || this.float ? Float64Array : Uint32Array;
    const p = new Ctor(capacity);
    const q = new Ctor(capacity);
    p.set(this.pos.subarray(0, m));
    q.set(this.neg.subarray(0, m));
    this.pos = p;
    this.neg = q;
  }
}
