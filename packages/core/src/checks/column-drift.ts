import type { ColumnProfileState } from './column-profile-state.js';
import {
  binCounts, chiSquareHomogeneity, jensenShannonDivergence, ksTwoSample, populationStabilityIndex, quantileEdges,
} from './drift-statistics.js';

/** Most categories listed (by train rows) in a categorical drift's details; the rest are summed as `(rest)`. */
const LISTED_CATEGORIES = 30;

/** The drift of one column between train and another split, with the shares per bin for charts. */
export type ColumnDrift =
  | {
    readonly kind: 'numeric';
    readonly psi: number;
    readonly ks_statistic: number;
    readonly ks_p_value: number;
    /** Inner bin edges (train quantiles); bin k is `edges[k-1] <= x < edges[k]`. */
    readonly edges: readonly number[];
    readonly train_shares: readonly number[];
    readonly shares: readonly number[];
    readonly train_rows: number;
    readonly rows: number;
  }
  | {
    readonly kind: 'categorical';
    readonly psi: number;
    readonly chi2_statistic: number;
    readonly chi2_p_value: number;
    readonly chi2_dof: number;
    readonly js_divergence: number;
    readonly categories: readonly string[];
    readonly train_shares: readonly number[];
    readonly shares: readonly number[];
    readonly train_rows: number;
    readonly rows: number;
  };

/**
 * Compares a numeric column of another split with train: PSI over the train quantile bins and the two-sample KS test
 * (missing values left out of both).
 *
 * @param train - the train profile
 * @param other - the other split's profile (numeric)
 * @param bins - quantile bins of the PSI (10: deciles)
 * @returns the drift statistics, or undefined when a side has no values
 * @example
 * ```ts
 * numericDrift(train.profiles.get('x')!, test.profiles.get('x')!, 10)?.psi;
 * ```
 */
export function numericDrift(train: ColumnProfileState, other: ColumnProfileState, bins: number): ColumnDrift | undefined {
  const a = train.sortedValues();
  const b = other.sortedValues();
  if (a.length === 0 || b.length === 0) return undefined;
  const edges = quantileEdges(a, bins);
  const ca = binCounts(a, edges);
  const cb = binCounts(b, edges);
  const ks = ksTwoSample(a, b);
  return {
    kind: 'numeric', psi: populationStabilityIndex(ca, cb), ks_statistic: ks.statistic, ks_p_value: ks.pValue,
    edges: Array.from(edges), train_shares: shares(ca), shares: shares(cb), train_rows: a.length, rows: b.length,
  };
}

/**
 * Compares value counts of a column between train and another split: PSI over the union of the values, the
 * chi-square test of homogeneity and the Jensen–Shannon divergence (base 2).
 *
 * @param train - rows per value in train
 * @param other - rows per value in the other split
 * @returns the drift statistics, or undefined when a side has no values
 * @example
 * ```ts
 * categoricalDrift(new Map([['a', 50], ['b', 50]]), new Map([['a', 30], ['b', 70]]))?.psi; // 0.1694...
 * ```
 */
export function categoricalDrift(train: ReadonlyMap<string, number>, other: ReadonlyMap<string, number>): ColumnDrift | undefined {
  const names = [...train.keys()].sort((x, y) => (train.get(y) as number) - (train.get(x) as number));
  for (const name of other.keys()) if (!train.has(name)) names.push(name);
  const ca = Float64Array.from(names, (n) => train.get(n) ?? 0);
  const cb = Float64Array.from(names, (n) => other.get(n) ?? 0);
  const ta = ca.reduce((s, v) => s + v, 0);
  const tb = cb.reduce((s, v) => s + v, 0);
  if (ta === 0 || tb === 0) return undefined;
  const chi = chiSquareHomogeneity(ca, cb);
  const listed = names.slice(0, LISTED_CATEGORIES);
  const sa = shares(ca);
  const sb = shares(cb);
  const trainShares = sa.slice(0, LISTED_CATEGORIES);
  const otherShares = sb.slice(0, LISTED_CATEGORIES);
  if (names.length > LISTED_CATEGORIES) {
    listed.push('(rest)');
    trainShares.push(sa.slice(LISTED_CATEGORIES).reduce((s, v) => s + v, 0));
    otherShares.push(sb.slice(LISTED_CATEGORIES).reduce((s, v) => s + v, 0));
  }
  return {
    kind: 'categorical', psi: populationStabilityIndex(ca, cb), chi2_statistic: chi.statistic, chi2_p_value: chi.pValue,
    chi2_dof: chi.dof, js_divergence: jensenShannonDivergence(ca, cb), categories: listed, train_shares: trainShares,
    shares: otherShares, train_rows: ta, rows: tb,
  };
}

/**
 * Rows per value of a column: categories (with `(other)` for rows beyond the cap), or the numbers' text for a
 * numeric column read as classes.
 * @param profile - a column profile
 * @returns value -> rows (missing left out)
 * @example
 * ```ts
 * valueCounts(train.profiles.get('city')!); // Map { 'lima' => 120, 'oslo' => 80 }
 * ```
 */
export function valueCounts(profile: ColumnProfileState): Map<string, number> {
  const out = new Map<string, number>();
  if (profile.kind === 'categorical') {
    const counts = profile.categoryCounts();
    profile.categories.forEach((c, k) => {
      if (counts[k] > 0) out.set(c, counts[k]);
    });
    if (counts[profile.categories.length] > 0) out.set('(other)', counts[profile.categories.length]);
    return out;
  }
  const values = profile.values();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const key = String(v + 0);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function shares(counts: Float64Array): number[] {
  const t = counts.reduce((s, v) => s + v, 0);
  return Array.from(counts, (c) => (t > 0 ? c / t : 0));
}
