import { kolmogorovSf } from './kolmogorov-sf.js';
import { chiSquareSf } from './special-functions.js';
import { lowerBound } from '../kernels/js/lower-bound.js';

/** Default smallest share a PSI bin counts with (empty bins would make the log infinite). */
export const PSI_EPSILON = 1e-4;

/**
 * Population stability index of `actual` against `expected` counts over the same bins.
 *
 * @remarks
 * `PSI = Σ (a_i − e_i) · ln(a_i / e_i)` with shares `e_i = max(expected_i / Σ expected, ε)` and likewise `a_i`
 * (ε = 1e-4 by default: the usual smoothing of empty bins). 0 for identical shares; < 0.1 is commonly read as
 * stable, 0.1–0.2 as a moderate shift, > 0.2 as a major one.
 *
 * @param expected - counts in the reference split (train)
 * @param actual - counts in the compared split, same bins
 * @param epsilon - the smallest share (default {@link PSI_EPSILON})
 * @returns the PSI (NaN when either side has no rows)
 * @example
 * ```ts
 * import { populationStabilityIndex } from '@modelperf/core';
 * console.log(populationStabilityIndex([50, 50], [30, 70]).toFixed(6)); // 0.169460
 * ```
 */
export function populationStabilityIndex(expected: ArrayLike<number>, actual: ArrayLike<number>, epsilon = PSI_EPSILON): number {
  const e = total(expected);
  const a = total(actual);
  if (!(e > 0) || !(a > 0)) return NaN;
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const p = Math.max(expected[i] / e, epsilon);
    const q = Math.max(actual[i] / a, epsilon);
    psi += (q - p) * Math.log(q / p);
  }
  return psi;
}

/**
 * The bin edges of the numeric PSI: the train quantiles at 1/bins, 2/bins, … (deciles by default), by numpy's
 * default linear interpolation, with repeated edges dropped. Bin k holds `edges[k-1] <= x < edges[k]`
 * (`np.searchsorted(edges, x, side='right')`).
 *
 * @param sorted - the train values, sorted ascending, no NaN
 * @param bins - number of quantile bins (default 10)
 * @returns the distinct inner edges (at most bins − 1)
 * @example
 * ```ts
 * import { quantileEdges } from '@modelperf/core';
 * console.log(Array.from(quantileEdges(Float64Array.of(1, 2, 3, 4), 2))); // [ 2.5 ]
 * ```
 * @see numpy.quantile
 */
export function quantileEdges(sorted: Float64Array, bins = 10): Float64Array {
  const n = sorted.length;
  const edges: number[] = [];
  if (n === 0) return new Float64Array(0);
  for (let k = 1; k < bins; k++) {
    const position = ((n - 1) * k) / bins;
    const lo = Math.floor(position);
    const hi = Math.min(lo + 1, n - 1);
    const frac = position - lo;
    const value = frac === 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    if (edges.length === 0 || value > edges[edges.length - 1]) edges.push(value);
  }
  return Float64Array.from(edges);
}

/**
 * Counts sorted values into the bins that `edges` make (`edges.length + 1` bins, see {@link quantileEdges}).
 * @param sorted - values sorted ascending, no NaN
 * @param edges - inner edges, ascending
 * @returns the count per bin
 * @example
 * ```ts
 * import { binCounts } from '@modelperf/core';
 * console.log(Array.from(binCounts(Float64Array.of(1, 2, 3, 4), Float64Array.of(2.5)))); // [ 2, 2 ]
 * ```
 */
export function binCounts(sorted: Float64Array, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let previous = 0;
  for (let k = 0; k < edges.length; k++) {
    // Rows with value < edges[k] fall in bins <= k.
    const below = lowerBound(sorted, edges[k]);
    counts[k] = below - previous;
    previous = below;
  }
  counts[edges.length] = sorted.length - previous;
  return counts;
}

/** Result of the two-sample Kolmogorov–Smirnov test. */
export interface KsResult {
  readonly statistic: number;
  readonly pValue: number;
}

/**
 * Two-sample Kolmogorov–Smirnov test (two-sided): the largest distance between the two empirical CDFs and its
 * asymptotic p-value.
 *
 * @remarks
 * `D = max_x |F_a(x) − F_b(x)|` over all values (ties handled as `np.searchsorted(side='right')`), one merge walk
 * over the sorted samples. p-value as `scipy.stats.ks_2samp(method='asymp')`: `kstwo.sf(D, round(m·n/(m+n)))` with
 * numpy's round-half-to-even (see {@link kolmogorovSf} for its accuracy).
 *
 * @param a - first sample, sorted ascending, no NaN
 * @param b - second sample, sorted ascending, no NaN
 * @returns statistic and p-value (NaN when a sample is empty)
 * @example
 * ```ts
 * import { ksTwoSample } from '@modelperf/core';
 * const ks = ksTwoSample(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6));
 * console.log(ks.statistic, ks.pValue); // 1 0
 * ```
 * @see scipy.stats.ks_2samp
 */
export function ksTwoSample(a: Float64Array, b: Float64Array): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const v = a[i] <= b[j] ? a[i] : b[j];
    while (i < n1 && a[i] <= v) i++;
    while (j < n2 && b[j] <= v) j++;
    const diff = Math.abs(i / n1 - j / n2);
    if (diff > d) d = diff;
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = roundHalfEven((m * n) / (m + n));
  return { statistic: d, pValue: kolmogorovSf(en, d) };
}

/** Result of a chi-square test of homogeneity. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly dof: number;
}

/**
 * Chi-square test that two count vectors over the same categories come from one distribution (a 2 × K contingency
 * table; categories empty on both sides are left out; no continuity correction).
 *
 * @param a - counts of the first split
 * @param b - counts of the second split
 * @returns statistic, p-value (`chi2.sf`) and degrees of freedom (K − 1)
 * @example
 * ```ts
 * import { chiSquareHomogeneity } from '@modelperf/core';
 * const chi = chiSquareHomogeneity([10, 20], [20, 10]);
 * console.log(chi.statistic.toFixed(6), chi.pValue.toFixed(6), chi.dof); // 6.666667 0.009823 1
 * ```
 * @see scipy.stats.chi2_contingency(table, correction=False)
 */
export function chiSquareHomogeneity(a: ArrayLike<number>, b: ArrayLike<number>): ChiSquareResult {
  const ta = total(a);
  const tb = total(b);
  const n = ta + tb;
  let statistic = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const col = a[i] + b[i];
    if (col === 0) continue;
    k++;
    const ea = (ta * col) / n;
    const eb = (tb * col) / n;
    statistic += ((a[i] - ea) ** 2) / ea + ((b[i] - eb) ** 2) / eb;
  }
  if (k < 2 || !(ta > 0) || !(tb > 0)) return { statistic: 0, pValue: 1, dof: Math.max(0, k - 1) };
  return { statistic, pValue: chiSquareSf(statistic, k - 1), dof: k - 1 };
}

/**
 * Jensen–Shannon divergence (base 2, in [0, 1]) between the distributions of two count vectors.
 * @param a - counts
 * @param b - counts over the same categories
 * @returns the divergence (the square of scipy's `jensenshannon` distance)
 * @example
 * ```ts
 * import { jensenShannonDivergence } from '@modelperf/core';
 * console.log(jensenShannonDivergence([1, 0], [0, 1]), jensenShannonDivergence([1, 1], [2, 2])); // 1 0
 * ```
 * @see scipy.spatial.distance.jensenshannon(p, q, base=2) ** 2
 */
export function jensenShannonDivergence(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ta = total(a);
  const tb = total(b);
  if (!(ta > 0) || !(tb > 0)) return NaN;
  let js = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] / ta;
    const q = b[i] / tb;
    const m = (p + q) / 2;
    if (p > 0) js += 0.5 * p * Math.log2(p / m);
    if (q > 0) js += 0.5 * q * Math.log2(q / m);
  }
  return Math.max(0, js);
}

function total(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}

/** numpy's `round`: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

