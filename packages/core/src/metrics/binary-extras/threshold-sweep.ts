import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import { ValidationError } from '../../errors.js';

/** The best value of one criterion over the sweep and the threshold that attains it. */
export interface SweepOptimum {
  /** The (highest) threshold attaining the optimum; NaN when the criterion is NaN everywhere. */
  readonly threshold: number;
  readonly value: number;
}

/** Confusion counts and metrics at every distinct threshold (index k ↔ `threshold[k]`, descending). */
export interface ThresholdSweep {
  readonly threshold: Float64Array;
  readonly tp: Float64Array;
  readonly fp: Float64Array;
  readonly fn: Float64Array;
  readonly tn: Float64Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly f1: Float64Array;
  readonly fpr: Float64Array;
  readonly specificity: Float64Array;
  readonly youden_j: Float64Array;
  readonly cost: Float64Array;
  /** Max f1, max youden_j, min cost; ties go to the highest threshold. */
  readonly best: { readonly f1: SweepOptimum; readonly youden_j: SweepOptimum; readonly cost: SweepOptimum };
  readonly cost_fp: number;
  readonly cost_fn: number;
}

/**
 * Metrics of the classifier `score >= t` at every distinct score t, read off the shared curve state in
 * O(distinct thresholds), with the thresholds that maximise F1 and Youden's J and minimise the misclassification cost.
 *
 * @param curve - the binary curve state (weighted or not)
 * @param options - `costFp`, `costFn` (default 1); `arrays: false` computes only `best` (the arrays are then empty)
 * @returns typed arrays per threshold and the optima in `best`
 * @remarks tp = tps_k, fp = fps_k, fn = P - tp, tn = N - fp; precision = tp / (tp + fp); recall = tp / P;
 * fpr = fp / N; specificity = tn / N; f1 = 2 tp / (2 tp + fp + fn) (= 2 precision recall / (precision + recall), 0 when
 * tp = 0);
 * youden_j = recall - fpr; cost = costFp fp + costFn fn. Recall is NaN without positives, fpr and specificity are NaN
 * without negatives (so is youden_j); NaN values never win. Only the curve's thresholds are swept: the "predict
 * nothing positive" point (t = +Infinity, cost = costFn P) is not a candidate. Ties go to the highest threshold (the
 * most conservative classifier among the equally good ones).
 * @see sklearn.metrics.precision_recall_curve, sklearn.metrics.roc_curve (same points, all thresholds kept)
 * @throws ValidationError when a cost is negative or not finite
 * @example
 * ```ts
 * const sweep = thresholdSweep(curve, { costFp: 1, costFn: 5 });
 * sweep.best.cost.threshold; // the cheapest cut-off
 * ```
 */
export function thresholdSweep(
  curve: BinaryClfCurve,
  options: { costFp?: number; costFn?: number; arrays?: boolean } = {},
): ThresholdSweep {
  const costFp = options.costFp ?? 1;
  const costFn = options.costFn ?? 1;
  checkCosts(costFp, costFn);
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  const p = m > 0 ? tps[m - 1] : 0;
  const n = m > 0 ? fps[m - 1] : 0;
  // Twelve arrays of the distinct thresholds are large on big inputs (96 bytes per distinct score): only on request.
  const len = options.arrays === false ? 0 : m;
  const threshold = len > 0 ? Float64Array.from(thresholds) : new Float64Array(0);
  const tp = len > 0 ? Float64Array.from(tps) : new Float64Array(0);
  const fp = len > 0 ? Float64Array.from(fps) : new Float64Array(0);
  const fn = new Float64Array(len);
  const tn = new Float64Array(len);
  const precision = new Float64Array(len);
  const recall = new Float64Array(len);
  const f1 = new Float64Array(len);
  const fpr = new Float64Array(len);
  const specificity = new Float64Array(len);
  const youden = new Float64Array(len);
  const cost = new Float64Array(len);
  // Optima as plain numbers (an object per improvement cost ~10% of the pass on 1e7 rows).
  let f1Value = NaN;
  let f1At = NaN;
  let jValue = NaN;
  let jAt = NaN;
  let costValue = NaN;
  let costAt = NaN;
  for (let k = 0; k < m; k++) {
    const a = tps[k];
    const b = fps[k];
    const t = thresholds[k];
    const missed = p - a;
    const rec = p > 0 ? a / p : NaN;
    // F1 from the counts, 2 tp / (2 tp + fp + fn): one division, exact to rounding (and equal F1s compare equal).
    const f = p > 0 ? (2 * a) / (a + b + p) : NaN;
    const rate = n > 0 ? b / n : NaN;
    const j = rec - rate;
    const c = costFp * b + costFn * missed;
    if (len > 0) {
      fn[k] = missed;
      tn[k] = n - b;
      // a + b > 0 always: every threshold is the score of at least one row of positive weight.
      precision[k] = a / (a + b);
      recall[k] = rec;
      f1[k] = f;
      fpr[k] = rate;
      specificity[k] = n > 0 ? (n - b) / n : NaN;
      youden[k] = j;
      cost[k] = c;
    }
    // Strict comparisons: the first (highest) threshold keeps a tie; NaN never compares true.
    if (f > f1Value || (f1Value !== f1Value && f === f)) { f1Value = f; f1At = t; }
    if (j > jValue || (jValue !== jValue && j === j)) { jValue = j; jAt = t; }
    if (c < costValue || costValue !== costValue) { costValue = c; costAt = t; }
  }
  const bestF1 = { threshold: f1At, value: f1Value };
  const bestJ = { threshold: jAt, value: jValue };
  const bestCost = { threshold: costAt, value: costValue };
  return {
    threshold, tp, fp, fn, tn, precision, recall, f1, fpr, specificity, youden_j: youden, cost,
    best: { f1: bestF1, youden_j: bestJ, cost: bestCost },
    cost_fp: costFp,
    cost_fn: costFn,
  };
}

/**
 * Checks the costs of errors of a threshold sweep.
 * @param costFp - cost of a false positive
 * @param costFn - cost of a false negative
 * @throws ValidationError `invalid_argument` when a cost is negative or not finite
 */
export function checkCosts(costFp: number, costFn: number): void {
  for (const [name, v] of [['costFp', costFp], ['costFn', costFn]] as const) {
    if (!Number.isFinite(v) || v < 0) {
      throw new ValidationError('invalid_argument', `Expected \`${name}\` to be a finite number >= 0, but it is ${String(v)}.`);
    }
  }
}
