import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import { checkCosts, type SweepOptimum } from '../binary-extras/threshold-sweep.js';
import { NegLogSum } from './neg-log-sum.js';

const EPS = Number.EPSILON;

/** The log-loss and Brier sums of a curve's rows, before dividing by their weight (see {@link curveLossSums}). */
export interface CurveLossSums {
  readonly logLoss: number;
  readonly brier: number;
}

/** The curve metrics of a binary report, from one pass over the curve (see {@link curveSummary}). */
export interface CurveSummary {
  readonly rocAuc: number;
  readonly averagePrecision: number;
  /** NaN unless asked for (`probabilities`). */
  readonly logLoss: number;
  readonly brier: number;
  readonly ks: number;
  readonly ksThreshold: number;
  /** What `thresholdSweep(curve).best` holds. */
  readonly best: { readonly f1: SweepOptimum; readonly youden_j: SweepOptimum; readonly cost: SweepOptimum };
}

/**
 * ROC AUC, average precision, log loss, Brier score, the KS statistic and the sweep's optimal thresholds in one pass
 * over the curve (and a second one up to the last optimum's threshold), each computed with the very operations of its
 * own function (`rocAuc`, `averagePrecision`, `logLoss`, `brierScoreFromCurve`, `ksStatistic`, `thresholdSweep`), so
 * the results are identical to the last bit (tested). The functions of each metric remain the definitions.
 *
 * @remarks On 1e7 rows the curve holds ~7e6 distinct scores (112 MB of thresholds and counts). The report called each
 * metric's function, seven passes, ~190 ms; this takes ~105 ms warm and ~127 ms in a fresh process, where the report
 * makes its one call (measured on the 2-core VM): the sweep's pass, the pass finding the optima's thresholds (which
 * stops at the last of them) and the losses' pass (`curveLossSums`, which another thread may take).
 * @param curve - the binary curve state
 * @param options - `probabilities`: also log loss and Brier (scores in [0, 1]); `costFp`, `costFn` as `thresholdSweep`;
 *   `lossSums`: `curveLossSums(curve)` computed elsewhere (another thread), used instead of a pass here
 * @returns the metrics
 * @throws ValidationError when a cost is negative or not finite
 * @example
 * ```ts
 * const s = curveSummary(curve, { probabilities: true, costFp: 1, costFn: 5 });
 * s.rocAuc === rocAuc(curve); // true
 * ```
 */
export function curveSummary(
  curve: BinaryClfCurve,
  options: { probabilities: boolean; costFp?: number; costFn?: number; lossSums?: CurveLossSums },
): CurveSummary {
  const costFp = options.costFp ?? 1;
  const costFn = options.costFn ?? 1;
  checkCosts(costFp, costFn);
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  const nan = { threshold: NaN, value: NaN };
  if (m === 0) {
    return { rocAuc: NaN, averagePrecision: NaN, logLoss: NaN, brier: NaN, ks: NaN, ksThreshold: NaN, best: { f1: nan, youden_j: nan, cost: nan } };
  }
  const p = tps[m - 1];
  const n = fps[m - 1];
  const bothClasses = p > 0 && n > 0;
  let area = 0;
  let ap = 0;
  let prevRecall = 0;
  // The optima in two passes: the best values with Math.max/min (branch-free: on 1e7 rows the running best of F1
  // improves at ~40% of the thresholds in no predictable pattern, and those branches cost more than the pass), then
  // the first threshold attaining each. Same values and thresholds as the strict comparisons of thresholdSweep and
  // ksStatistic (the first maximum wins a tie; a criterion that is NaN everywhere gives NaN).
  let maxF = -Infinity;
  let maxJ = -Infinity;
  let minC = Infinity;
  let maxD = -Infinity;
  let prevTp = 0;
  let prevFp = 0;
  // No test of p or n in the loop: where the metric functions test them, the same expressions give what their tests
  // give (p = 0: every a is 0 and a / p is NaN; n = 0: b / n is NaN), except the F1 and average precision of p = 0,
  // set after the loop. Measured (1e7 rows, ~7e6 thresholds, a fresh process): 170-200 -> ~80 ms for this pass with
  // the losses in their own pass (the tests in the loop kept V8's on-stack-replaced code slow).
  for (let k = 0; k < m; k++) {
    const a = tps[k];
    const b = fps[k];
    area += (b - prevFp) * (a + prevTp);
    const rec = a / p;
    // a + b > 0 always: every threshold is the score of at least one row of positive weight.
    ap += (rec - prevRecall) * (a / (a + b));
    prevRecall = rec;
    const j = rec - b / n;
    maxJ = Math.max(maxJ, j);
    maxD = Math.max(maxD, Math.abs(j));
    maxF = Math.max(maxF, (2 * a) / (a + b + p));
    minC = Math.min(minC, costFp * b + costFn * (p - a));
    prevTp = a;
    prevFp = b;
  }
  if (!(p > 0)) maxF = NaN;
  let f1At = NaN;
  let jAt = NaN;
  let costAt = NaN;
  let ksAt = NaN;
  let missing = (maxF === maxF ? 1 : 0) + (maxJ === maxJ ? 1 : 0) + 1 + (bothClasses ? 1 : 0);
  for (let k = 0; k < m && missing > 0; k++) {
    const a = tps[k];
    const b = fps[k];
    const t = thresholds[k];
    const j = (p > 0 ? a / p : NaN) - (n > 0 ? b / n : NaN);
    if (f1At !== f1At && (p > 0 ? (2 * a) / (a + b + p) : NaN) === maxF) { f1At = t; missing--; }
    if (jAt !== jAt && j === maxJ) { jAt = t; missing--; }
    if (costAt !== costAt && costFp * b + costFn * (p - a) === minC) { costAt = t; missing--; }
    if (bothClasses && ksAt !== ksAt && Math.abs(j) === maxD) { ksAt = t; missing--; }
  }
  const summary = {
    rocAuc: bothClasses ? area / 2 / (p * n) : NaN,
    averagePrecision: p === 0 ? 0 : ap,
    logLoss: NaN,
    brier: NaN,
    ks: bothClasses ? maxD : NaN,
    ksThreshold: ksAt,
    best: { f1: { threshold: f1At, value: maxF }, youden_j: { threshold: jAt, value: maxJ }, cost: { threshold: costAt, value: minC } },
  };
  return options.probabilities ? withLossSums(summary, options.lossSums ?? curveLossSums(curve), curve) : summary;
}

/**
 * A summary computed without losses (`probabilities: false`) completed with the loss sums of the same curve: what
 * `curveSummary` with `probabilities: true` returns.
 * @param summary - `curveSummary(curve, { probabilities: false, ... })`
 * @param sums - `curveLossSums(curve)`
 * @param curve - the curve both came from (its last counts are the rows' weight)
 * @returns the summary with log loss and Brier score
 */
export function withLossSums(summary: CurveSummary, sums: CurveLossSums, curve: BinaryClfCurve): CurveSummary {
  const m = curve.thresholds.length;
  const total = m > 0 ? curve.tps[m - 1] + curve.fps[m - 1] : 0;
  return { ...summary, logLoss: sums.logLoss / total, brier: sums.brier / total };
}

/**
 * The log-loss and Brier sums of a curve's rows (`logLoss` and `brierScoreFromCurve` before dividing by the weight),
 * each distinct score's rows at once. A pass of its own: fused into the pass of `curveSummary` it slowed the rest; on
 * its own, another thread can take it while `curveSummary` runs (`binaryMetricsSharingLosses`).
 * @param curve - the binary curve (scores in [0, 1])
 * @returns the sums of -log(p) (clipped to [eps, 1 - eps]) and of the squared errors
 * @example
 * ```ts
 * const sums = curveLossSums(curve);
 * curveSummary(curve, { probabilities: true, lossSums: sums }); // == curveSummary(curve, { probabilities: true })
 * ```
 */
export function curveLossSums(curve: BinaryClfCurve): CurveLossSums {
  const { thresholds, tps, fps } = curve;
  const logs = new NegLogSum();
  const brier = addRunLosses(logs, 0, thresholds, tps, fps, thresholds.length, 0, 0);
  return { logLoss: logs.total(), brier };
}

/**
 * The loop of {@link curveLossSums} over some runs of a curve (also a `CurvePass`'s, a chunk of runs at a time): adds
 * each run's -log(p) terms to `logs` and returns `brier` plus its squared errors.
 * @param logs - the running log-loss sum (added to)
 * @param brier - the Brier sum so far
 * @param thresholds - the runs' scores, descending
 * @param tps - their cumulative positive weight
 * @param fps - their cumulative negative weight
 * @param count - runs to take from the start of the arrays
 * @param prevTp - cumulative positive weight above the first of them
 * @param prevFp - cumulative negative weight above the first of them
 * @returns the Brier sum with these runs
 */
export function addRunLosses(
  logs: NegLogSum, brier: number, thresholds: Float64Array, tps: Float64Array | Uint32Array, fps: Float64Array | Uint32Array,
  count: number, prevTp: number, prevFp: number,
): number {
  for (let k = 0; k < count; k++) {
    const a = tps[k];
    const b = fps[k];
    const t = thresholds[k];
    const pos = a - prevTp;
    const neg = b - prevFp;
    logs.addCounts(Math.min(Math.max(t, EPS), 1 - EPS), pos, neg);
    brier += pos * (1 - t) * (1 - t) + neg * t * t;
    prevTp = a;
    prevFp = b;
  }
  return brier;
}
