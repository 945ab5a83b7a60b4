import { float64Prefix, FLOAT64_PREFIX_BUCKETS } from '../../kernels/js/float64-prefix.js';
import { lowerBound } from '../../kernels/js/lower-bound.js';
import { selectDifferenceRanksByGroup, selectRanks } from '../../kernels/js/select-ranks.js';
import { quantileRanks, quantilesFromRanks } from './linear-quantiles-by-ranks.js';

/**
 * One bin of rows of consecutive predictions (see {@link binsByPrediction}). Unweighted, like the residual quantiles:
 * every row counts once whatever its weight. Residual = y_true - y_pred; its p10 / p90 are numpy.quantile (linear) of the
 * bin's residuals.
 */
export interface PredictionBin {
  /** Smallest and largest prediction in the bin. */
  pred_low: number;
  pred_high: number;
  /** Rows in the bin (never 0). */
  count: number;
  mean_predicted: number;
  mean_actual: number;
  mean_residual: number;
  residual_p10: number;
  residual_p90: number;
}

/** The most bins of `residuals.by_prediction`. */
export const PREDICTION_BINS = 20;

/**
 * Rows grouped into up to `maxBins` equal-count bins of the prediction; ties in the prediction stay in one bin.
 *
 * @param yTrue - the targets (finite)
 * @param yPred - the predictions (finite), as long as `yTrue`
 * @param maxBins - the most bins (default {@link PREDICTION_BINS}, at most 127)
 * @returns the non-empty bins in ascending prediction order (none for no rows)
 * @remarks With k = min(maxBins, n) and the predictions sorted ascending (p_(0) <= ... <= p_(n-1)), cut b (1 <= b < k)
 * is the value c_b = p_(floor(b n / k) - 1): bin b holds the rows with c_(b-1) < prediction <= c_b (a cut falling
 * inside a run of equal predictions moves to the run's end; equal cuts give one bin, so there may be fewer than k), the
 * last bin the rows above the last cut. The cuts come from a radix selection (`selectRanks`) and every row's bin from
 * its 16-bit prefix bucket (comparisons only in the buckets holding a cut), so nothing is sorted (it replaced a stable
 * sort of the predictions carrying their targets: see `regressionMetrics` for the measurement). Sums run in row order
 * within each bin (a sorted pass summed in prediction order: the means may differ in the last bits); p10 / p90 come
 * from a radix selection within the bins (`selectDifferenceRanksByGroup`: the residuals are computed in each of its two
 * passes, never stored).
 * @example
 * ```ts
 * binsByPrediction(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 2, 3, 5), 2);
 * // [{ pred_low: 1, pred_high: 2, count: 2, ... }, { pred_low: 3, pred_high: 5, count: 2, mean_residual: -0.5, ... }]
 * ```
 */
export function binsByPrediction(
  yTrue: Float64Array | Float32Array,
  yPred: Float64Array | Float32Array,
  maxBins = PREDICTION_BINS,
): PredictionBin[] {
  if (!Number.isInteger(maxBins) || maxBins < 1 || maxBins > 127) throw new RangeError(`maxBins must be an integer in [1, 127], got ${maxBins}`);
  const n = yPred.length;
  if (n === 0) return [];
  const pred = yPred instanceof Float64Array ? yPred : Float64Array.from(yPred);
  const k = Math.min(maxBins, n);
  const cutRanks = Array.from({ length: k - 1 }, (_, b) => Math.floor(((b + 1) * n) / k) - 1);
  const bounds: number[] = [];
  for (const cut of selectRanks(pred, cutRanks)) {
    if (bounds.length === 0 || cut > bounds[bounds.length - 1]) bounds.push(cut);
  }
  const m = bounds.length + 1;
  const count = new Float64Array(m);
  const binOf = binOfRows(pred, Float64Array.from(bounds), count);

  // One pass for each bin's sums and extremes; its residual quantiles by selection within the bins, two more passes
  // (`selectDifferenceRanksByGroup`: no array of residuals, nor of each bin's rows).
  const sp = new Float64Array(m);
  const sy = new Float64Array(m);
  const sd = new Float64Array(m);
  const low = new Float64Array(m).fill(Infinity);
  const high = new Float64Array(m).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const b = binOf[i];
    const p = pred[i];
    const y = yTrue[i];
    sp[b] += p;
    sy[b] += y;
    sd[b] += y - p;
    if (p < low[b]) low[b] = p;
    if (p > high[b]) high[b] = p;
  }
  const ranks = Array.from(count, (rows) => (rows > 0 ? quantileRanks(rows, RESIDUAL_PS) : []));
  const picked = selectDifferenceRanksByGroup(yTrue, pred, binOf, ranks);

  const bins: PredictionBin[] = [];
  for (let b = 0; b < m; b++) {
    const rows = count[b];
    if (rows === 0) continue; // only the last bin can be empty (every prediction at or below the last cut)
    const [p10, p90] = quantilesFromRanks(rows, RESIDUAL_PS, ranks[b], picked[b]);
    bins.push({
      pred_low: low[b],
      pred_high: high[b],
      count: rows,
      mean_predicted: sp[b] / rows,
      mean_actual: sy[b] / rows,
      mean_residual: sd[b] / rows,
      residual_p10: p10,
      residual_p90: p90,
    });
  }
  return bins;
}

/** The residual quantiles of each bin. */
const RESIDUAL_PS = [0.1, 0.9] as const;

/** Table entry of a prefix bucket whose rows are placed by binary search (several bounds in it, or a zero). */
const SEARCH = -1000;

/**
 * The bin of every prediction (the number of bounds, ascending and distinct, strictly below it), counting the rows of
 * each bin into `count`. A prefix bucket that holds no bound lies wholly between two bounds, so a table gives its rows'
 * bin; one holding a single bound j places a row in bin j or j + 1 by one comparison; the rest (several bounds in one
 * bucket, and the two buckets of zero: `-0` and `+0` are equal but bucket apart) by binary search.
 */
function binOfRows(pred: Float64Array, bounds: Float64Array, count: Float64Array): Uint8Array {
  const n = pred.length;
  const binOf = new Uint8Array(n);
  if (bounds.length === 0) {
    count[0] = n;
    return binOf;
  }
  const boundBuckets = Array.from(bounds, (b) => float64Prefix(new Uint32Array(Float64Array.of(b).buffer)[1]));
  // >= 0: the bin; -1 - j: compare with bound j; SEARCH: binary search.
  const table = new Int16Array(FLOAT64_PREFIX_BUCKETS);
  let below = 0;
  for (let bucket = 0; bucket < FLOAT64_PREFIX_BUCKETS; bucket++) {
    while (below < bounds.length && boundBuckets[below] < bucket) below++;
    let inside = 0;
    while (below + inside < bounds.length && boundBuckets[below + inside] === bucket) inside++;
    table[bucket] = inside === 0 ? below : inside === 1 ? -1 - below : SEARCH;
  }
  table[0x7fff] = SEARCH;
  table[0x8000] = SEARCH;
  const hi = new Uint32Array(pred.buffer, pred.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const entry = table[float64Prefix(hi[2 * i + 1])];
    let bin: number;
    if (entry >= 0) bin = entry;
    else if (entry !== SEARCH) {
      const j = -1 - entry;
      bin = pred[i] > bounds[j] ? j + 1 : j;
    } else bin = lowerBound(bounds, pred[i]);
    binOf[i] = bin;
    count[bin]++;
  }
  return binOf;
}
