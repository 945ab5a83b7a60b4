import { curveFromSortedClasses } from '../../kernels/binary-clf-curve.js';
import { radixSortFloat64 } from '../../kernels/js/radix-sort-float64.js';
import { rocAuc } from '../../metrics/curves/roc-auc.js';
import type { RocAucOvo } from '../../metrics/multiclass/roc-auc-ovo.js';
import { GrowableColumn } from '../regression/growable-column.js';
import { mannWhitney } from '../../metrics/multiclass/roc-auc-ovo.js';

/**
 * The scores a multiclass state keeps for exact ROC AUCs: for every score column j and true class c, the scores of
 * column j over the rows of class c (`bucket(j, c)`), plus the weights of the rows of class c in the same order.
 *
 * @remarks Memory: 8 K bytes a row (its K scores, each in the bucket of its true class), plus 8 bytes when weighted.
 * Scores are stored with -0 turned into +0 (as the curve kernels do). Buckets are appended unsorted and sorted at
 * compute (O(n log n) per column); merge appends. One-vs-rest for class j takes bucket(j, j) as positives and the other
 * buckets of column j as negatives; one-vs-one (Hand & Till) for pair (a, b) takes bucket(a, a) vs bucket(a, b) and
 * bucket(b, b) vs bucket(b, a).
 * @example
 * ```ts
 * const b = new ClassScoreBuckets(3, false);
 * b.append(labels, scores);
 * b.rocAucOvr(); // per-class AUCs
 * ```
 */
export class ClassScoreBuckets {
  private readonly buckets: Array<GrowableColumn<Float64Array>>;
  private readonly weights: Array<GrowableColumn<Float64Array>> | undefined;

  /**
   * @param k - number of classes
   * @param weighted - whether rows carry weights
   */
  constructor(readonly k: number, readonly weighted: boolean) {
    this.buckets = Array.from({ length: k * k }, () => new GrowableColumn(Float64Array));
    this.weights = weighted ? Array.from({ length: k }, () => new GrowableColumn(Float64Array)) : undefined;
  }

  /** Scores of column j over rows of true class c (a view, unsorted). */
  bucket(j: number, c: number): Float64Array {
    return this.buckets[j * this.k + c].view();
  }

  /** Weights of the rows of class c, aligned with every `bucket(j, c)`. */
  classWeights(c: number): Float64Array | undefined {
    return this.weights?.[c].view();
  }

  /** Adds validated rows. */
  append(labels: Int32Array, scores: ReadonlyArray<Float64Array | Float32Array>, weights?: Float64Array | Float32Array): void {
    const k = this.k;
    const n = labels.length;
    for (let j = 0; j < k; j++) {
      const col = scores[j];
      for (let r = 0; r < n; r++) this.buckets[j * k + labels[r]].push(col[r] + 0);
    }
    if (this.weights !== undefined && weights !== undefined) for (let r = 0; r < n; r++) this.weights[labels[r]].push(weights[r]);
  }

  /** Appends another state's buckets (same k and weighting). */
  merge(other: ClassScoreBuckets): void {
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i].appendColumn(other.buckets[i]);
    if (this.weights !== undefined && other.weights !== undefined) {
      for (let c = 0; c < this.k; c++) this.weights[c].appendColumn(other.weights[c]);
    }
  }

  /**
   * One-vs-rest ROC AUC of every class, exactly as `rocAucOvr` with the js kernels: positives are rows of class j,
   * scored by column j; rows of weight 0 are left out (they add no area).
   * @returns AUC per class (NaN where a class lacks positives or negatives)
   */
  rocAucOvr(): Float64Array {
    const k = this.k;
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const pos = this.sortedPart(j, [j]);
      const neg = this.sortedPart(j, Array.from({ length: k }, (_, c) => c).filter((c) => c !== j));
      out[j] = rocAuc(curveFromSortedClasses(pos.scores, neg.scores, pos.weights, neg.weights));
    }
    return out;
  }

  /**
   * One-vs-one ROC AUC (Hand & Till), unweighted, exactly as `rocAucOvo`.
   * @returns the macro and prevalence-weighted averages over class pairs
   */
  rocAucOvo(): RocAucOvo {
    const k = this.k;
    const auc = new Float64Array(k * k);
    const counts = Array.from({ length: k }, (_, c) => this.bucket(0, c).length);
    let n = 0;
    for (const c of counts) n += c;
    for (let a = 0; a < k; a++) {
      const sorted = Array.from({ length: k }, (_, c) => this.bucket(a, c).slice().sort());
      for (let b = 0; b < k; b++) {
        if (b === a) continue;
        auc[a * k + b] = mannWhitney(sorted[a], sorted[b]) / (sorted[a].length * sorted[b].length);
      }
    }
    let sum = 0, wsum = 0, wtotal = 0, pairs = 0;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const pairScore = (auc[a * k + b] + auc[b * k + a]) / 2;
        const prevalence = (counts[a] + counts[b]) / n;
        sum += pairScore;
        wsum += prevalence * pairScore;
        wtotal += prevalence;
        pairs++;
      }
    }
    return { macro: sum / pairs, weighted: wsum / wtotal };
  }

  /** Column j's scores over the rows of the given classes, ascending (positive-weight rows only, weights along). */
  private sortedPart(j: number, classes: number[]): { scores: Float64Array; weights?: Float64Array } {
    let total = 0;
    for (const c of classes) {
      const w = this.classWeights(c);
      if (w === undefined) total += this.bucket(j, c).length;
      else for (let i = 0; i < w.length; i++) if (w[i] > 0) total++;
    }
    const scores = new Float64Array(total);
    const weights = this.weighted ? new Float64Array(total) : undefined;
    let at = 0;
    for (const c of classes) {
      const s = this.bucket(j, c);
      const w = this.classWeights(c);
      if (w === undefined || weights === undefined) {
        scores.set(s, at);
        at += s.length;
      } else {
        for (let i = 0; i < s.length; i++) if (w[i] > 0) { scores[at] = s[i]; weights[at++] = w[i]; }
      }
    }
    radixSortFloat64(scores, weights);
    return { scores, weights };
  }
}

