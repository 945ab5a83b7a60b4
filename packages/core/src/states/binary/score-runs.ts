import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import { uninitializedArray } from '../../kernels/js/uninitialized-array.js';

const U32_MAX = 0xffffffff;
/**
 * Runs from which a merge into new buffers reserves twice the runs it writes, so that the next merge at that level
 * runs in place: it touches only the runs it adds and never holds its inputs and output at once. Measured on a 1e8-row
 * exact stream (2-core VM, two runs each in alternating order): peak RSS 2.9-3.5 -> 2.6-3.2 GB, compute 19.5-19.8 ->
 * 17.4-19.6 s; on a merge tree of 9 batches of 2^20 rows the time did not change beyond this VM's noise.
 */
const HEADROOM_FROM = 1 << 16;

/** Per-run weights: exact uint32 counts while every batch is unweighted and the totals fit, else float64. */
export type RunCounts = Uint32Array | Float64Array;

/**
 * Sorted runs of distinct scores (descending) with the cumulative positive and negative weight down to each score:
 * the binary curve itself (`thresholds`, `tps`, `fps`), kept mergeable. 16 bytes a run with uint32 counts, 24 with
 * float64 counts. `toCurve` hands out views of these arrays (no copy); a merge writes both lists once into new
 * buffers with room for twice their summed length (from 2^16 runs; the spare room stays untouched memory until used),
 * or in place when this list's buffers have room; a list made of one batch holds the kernel's buffers, sized by the
 * batch's rows.
 *
 * @remarks Counts stay uint32 (exact integers) until a weighted batch arrives or the total count of a class could pass
 * 2^32 - 1; they then become float64 (still exact integers up to 2^53 when unweighted). Merging adds the two lists'
 * cumulative sums at each score: exact for counts; for weights one rounding per merge level (~1e-16 relative).
 * @example
 * ```ts
 * const runs = new ScoreRuns();
 * runs.mergeCurve(jsBinaryClfCurve(rows), false);
 * runs.toCurve(); // == jsBinaryClfCurve(rows)
 * ```
 */
export class ScoreRuns {
  thresholds: Float64Array = new Float64Array(0);
  /** Cumulative positive weight down to each threshold. */
  tps: RunCounts = new Uint32Array(0);
  /** Cumulative negative weight down to each threshold. */
  fps: RunCounts = new Uint32Array(0);
  length = 0;

  /** Total positive weight. */
  get totalPos(): number {
    return this.length === 0 ? 0 : this.tps[this.length - 1];
  }

  /** Total negative weight. */
  get totalNeg(): number {
    return this.length === 0 ? 0 : this.fps[this.length - 1];
  }

  /** Exchanges the two classes: every run's positive and negative counts trade places. */
  swapClasses(): void {
    const tps = this.tps;
    this.tps = this.fps;
    this.fps = tps;
  }

  /** Whether counts are float64 (weighted, or too large for uint32). */
  get float(): boolean {
    return this.tps instanceof Float64Array;
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
    const float = weighted || this.needsFloat(tps[b - 1], fps[b - 1]);
    const fits = float ? tps instanceof Float64Array && fps instanceof Float64Array : tps instanceof Uint32Array && fps instanceof Uint32Array;
    if (this.length === 0 && fits) {
      // The first batch of a list: the kernel's fresh arrays become the runs, with no copy nor allocation.
      this.thresholds = curve.thresholds;
      this.tps = tps;
      this.fps = fps;
      this.length = b;
      return;
    }
    this.merge(curve.thresholds, tps, fps, b, float || tps instanceof Float64Array);
  }

  /**
   * Adds another run list (unchanged, may be this one).
   * @param other - the runs to add
   */
  mergeFrom(other: ScoreRuns): void {
    const n = other.length;
    if (other === this) {
      this.merge(this.thresholds.slice(0, n), this.tps.slice(0, n), this.fps.slice(0, n), n, this.needsFloat(this.totalPos, this.totalNeg));
    } else {
      this.merge(other.thresholds, other.tps, other.fps, n, other.float || this.needsFloat(other.totalPos, other.totalNeg));
    }
  }

  /**
   * Replaces the contents (used by deserialisation; the arrays are kept, not copied).
   * @param thresholds - distinct scores, descending
   * @param tps - cumulative positive weight down to each score
   * @param fps - cumulative negative weight down to each score
   * @param owned - the arrays are this list's alone (transferred from this run's worker thread): when each starts its
   *   own buffer, the buffers' spare room (merge headroom) is used for later merges
   */
  assign(thresholds: Float64Array, tps: RunCounts, fps: RunCounts, owned = false): void {
    const m = thresholds.length;
    const capacity = owned ? spareCapacity(thresholds, tps, fps) : m;
    this.thresholds = capacity > m ? new Float64Array(thresholds.buffer, 0, capacity) : thresholds;
    this.tps = capacity > m ? new (tps.constructor as typeof Uint32Array)(tps.buffer, 0, capacity) : tps;
    this.fps = capacity > m ? new (fps.constructor as typeof Uint32Array)(fps.buffer, 0, capacity) : fps;
    this.length = m;
  }

  /**
   * The cumulative curve of the runs, as views of this list's arrays: valid until the list changes (a merge may
   * write in place), and not to be written to. Uint32 counts stay uint32, as the js kernel returns them.
   * @returns thresholds descending with cumulative tps/fps
   */
  toCurve(): BinaryClfCurve {
    const m = this.length;
    return { thresholds: this.thresholds.subarray(0, m), tps: this.tps.subarray(0, m), fps: this.fps.subarray(0, m) };
  }

  /** Whether adding these totals could pass uint32 counts. */
  private needsFloat(totalPos: number, totalNeg: number): boolean {
    return this.float || this.totalPos + totalPos > U32_MAX || this.totalNeg + totalNeg > U32_MAX;
  }

  /** Merges a descending run list with cumulative counts (float: the result needs float64 counts). */
  private merge(th: Float64Array, tps: RunCounts, fps: RunCounts, b: number, float: boolean): void {
    if (b === 0) return;
    if (this.length + b > this.thresholds.length || (float && !this.float)) {
      this.mergeInto(th, tps, fps, b, float);
    } else {
      this.mergeInPlace(th, tps, fps, b);
    }
  }

  /**
   * Forward merge into new buffers of a + b runs (room for twice that from `HEADROOM_FROM` runs), which become this
   * list's. The cumulative count at each
   * merged score is the sum of both lists' cumulative counts down to that score.
   */
  private mergeInto(th: Float64Array, tps: RunCounts, fps: RunCounts, b: number, float: boolean): void {
    const a = this.length;
    const Ctor = float ? Float64Array : Uint32Array;
    // Headroom: the next merge at this level (a list of about the same size) then runs in place. The spare half is
    // never written until used, so it costs address space, not memory (the allocator's fresh pages stay untouched).
    const capacity = a + b >= HEADROOM_FROM ? 2 * (a + b) : a + b;
    // Unzeroed memory: every run is written before it is read, and zeroing would touch the spare half.
    const T = uninitializedArray(Float64Array, capacity);
    const P = uninitializedArray(Ctor, capacity);
    const N = uninitializedArray(Ctor, capacity);
    const t = this.thresholds;
    const p = this.tps;
    const n = this.fps;
    // Cumulative counts of each list down to the last score taken from it.
    let pa = 0;
    let na = 0;
    let pb = 0;
    let nb = 0;
    let i = 0;
    let j = 0;
    let w = 0;
    while (i < a && j < b) {
      const x = t[i];
      const y = th[j];
      if (x >= y) {
        pa = p[i];
        na = n[i];
        i++;
      }
      if (y >= x) {
        pb = tps[j];
        nb = fps[j];
        j++;
      }
      T[w] = x >= y ? x : y;
      P[w] = pa + pb;
      N[w] = na + nb;
      w++;
    }
    for (; i < a; i++, w++) {
      T[w] = t[i]; P[w] = p[i] + pb; N[w] = n[i] + nb;
    }
    for (; j < b; j++, w++) {
      T[w] = th[j]; P[w] = pa + tps[j]; N[w] = na + fps[j];
    }
    this.thresholds = T;
    this.tps = P;
    this.fps = N;
    this.length = w;
  }

  /**
   * Merge into this list's buffers (large enough, same count type), from the smallest scores, written backwards: the
   * cumulative count at a position is both lists' cumulative counts at the current read positions.
   */
  private mergeInPlace(th: Float64Array, tps: RunCounts, fps: RunCounts, b: number): void {
    const a = this.length;
    const T = this.thresholds;
    const P = this.tps;
    const N = this.fps;
    // The write position w = i + j + 1 + (combined runs) never falls below the read position i of this list.
    let i = a - 1;
    let j = b - 1;
    let w = a + b - 1;
    while (j >= 0) {
      const y = th[j];
      // The smaller score is written first (at the end); its cumulative count is both lists' counts down to it:
      // this list's at i (everything left in it scores higher or the same) and the other's at j.
      const pa = i >= 0 ? P[i] : 0;
      const na = i >= 0 ? N[i] : 0;
      const pb = tps[j];
      const nb = fps[j];
      if (i >= 0 && T[i] < y) {
        T[w] = T[i];
        i--;
      } else if (i >= 0 && T[i] === y) {
        T[w] = y;
        i--;
        j--;
      } else {
        T[w] = y;
        j--;
      }
      P[w] = pa + pb;
      N[w] = na + nb;
      w--;
    }
    // The rest of this list (indices 0..i) already holds its cumulative counts (nothing of the other list lies above
    // it); close the gap left by combined runs.
    const gap = w - i;
    if (gap > 0) {
      T.copyWithin(i + 1, w + 1, a + b);
      P.copyWithin(i + 1, w + 1, a + b);
      N.copyWithin(i + 1, w + 1, a + b);
    }
    this.length = a + b - gap;
  }
}

/**
 * The runs three arrays' buffers can hold when each array starts its own buffer (as `mergeInto` allocates them; a
 * kernel curve's counts share one buffer and get no more than their length).
 */
function spareCapacity(thresholds: Float64Array, tps: RunCounts, fps: RunCounts): number {
  const m = thresholds.length;
  const buffers = [thresholds.buffer, tps.buffer, fps.buffer];
  const separate = buffers[0] !== buffers[1] && buffers[1] !== buffers[2] && buffers[0] !== buffers[2];
  if (!separate || thresholds.byteOffset !== 0 || tps.byteOffset !== 0 || fps.byteOffset !== 0) return m;
  if (!buffers.every((b) => b instanceof ArrayBuffer)) return m;
  return Math.max(m, Math.min(
    thresholds.buffer.byteLength / 8, tps.buffer.byteLength / tps.BYTES_PER_ELEMENT, fps.buffer.byteLength / fps.BYTES_PER_ELEMENT,
  ));
}
