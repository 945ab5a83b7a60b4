import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { ValidationError } from '../errors.js';
import { createSeededRandom } from '../generate/seeded-random.js';
import { checkLevel } from './check-level.js';
import type { ConfidenceInterval } from './confidence-interval.js';

/** A percentile bootstrap interval of one metric. */
export interface BootstrapInterval extends ConfidenceInterval {
  readonly method: 'bootstrap';
  /** Replicates drawn. */
  readonly replicates: number;
  /** Replicates whose value was NaN (or missing) and so left out of the percentiles. */
  readonly nan_replicates: number;
}

/** Options of {@link bootstrapIntervals}. */
export interface BootstrapOptions {
  /** Number of resamples, an integer >= 1 (default 1000). */
  readonly replicates?: number;
  /** Nominal coverage in (0, 1) (default 0.95). */
  readonly level?: number;
  /** Seed of the generator, an integer in [0, 2^32 - 1] (default 0). */
  readonly seed?: number;
}

/**
 * Seeded nonparametric bootstrap with percentile intervals for any set of metrics of the same rows.
 *
 * @param n - number of rows, an integer >= 1
 * @param compute - the metrics of the resample whose row indices (with repeats, length n) are given; it receives a
 * fresh array each call and may keep it
 * @param options - `replicates` (default 1000), `level` (default 0.95), `seed` (default 0)
 * @returns per metric key (the union of the keys `compute` returns) the interval, the replicate count and how many
 * replicates were NaN or lacked the key; low/high are NaN when no replicate was finite-or-infinite
 * @remarks Each replicate draws n indices uniformly from [0, n) with replacement from modelperf's seeded generator
 * (`createSeededRandom`: xoroshiro128+ seeded through MT19937; `pure-rand`'s unbiased `uniformInt`), so a seed gives
 * the same intervals on every platform. Percentile interval: with the R non-NaN values sorted, low and high are
 * their numpy-`linear` quantiles at (1 - level) / 2 and (1 + level) / 2 (h = (R - 1) q, interpolated between
 * neighbours).
 * @see scipy.stats.bootstrap (method='percentile'); Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13
 * @throws ValidationError when n, replicates, level or seed is out of range
 * @example
 * ```ts
 * const ci = await bootstrapIntervals(rows.scores.length, (idx) => ({ roc_auc: rocAuc(jsBinaryClfCurve(gather(rows, idx))) }),
 *   { replicates: 1000, seed: 42 });
 * ci.roc_auc.low;
 * ```
 */
export async function bootstrapIntervals(
  n: number,
  compute: (indices: Uint32Array) => Record<string, number> | Promise<Record<string, number>>,
  options: BootstrapOptions = {},
): Promise<Record<string, BootstrapInterval>> {
  const replicates = options.replicates ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32 - 1) {
    throw new ValidationError('invalid_argument', `Expected \`n\` (the row count) to be an integer in [1, 2^32 - 1], but it is ${String(n)}.`);
  }
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new ValidationError('invalid_argument', `Expected \`replicates\` to be an integer >= 1, but it is ${String(replicates)}.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new ValidationError('invalid_argument', `Expected \`seed\` to be an integer in [0, 2^32 - 1], but it is ${String(seed)}.`);
  }
  checkLevel(level);

  const rng = createSeededRandom(seed);
  const values = new Map<string, Float64Array>();
  for (let r = 0; r < replicates; r++) {
    const indices = new Uint32Array(n);
    for (let i = 0; i < n; i++) indices[i] = uniformInt(rng, 0, n - 1);
    const result = await compute(indices);
    for (const key of Object.keys(result)) {
      let column = values.get(key);
      if (column === undefined) {
        // Replicates before the key first appeared count as missing (NaN).
        column = new Float64Array(replicates).fill(NaN);
        values.set(key, column);
      }
      column[r] = result[key];
    }
  }

  const out: Record<string, BootstrapInterval> = {};
  for (const key of [...values.keys()].sort()) {
    const column = values.get(key) as Float64Array;
    const finite = column.filter((v) => !Number.isNaN(v)).sort();
    out[key] = {
      low: quantileOfSorted(finite, (1 - level) / 2),
      high: quantileOfSorted(finite, (1 + level) / 2),
      level,
      method: 'bootstrap',
      replicates,
      nan_replicates: replicates - finite.length,
    };
  }
  return out;
}

/** numpy's linear-method quantile of an ascending array; NaN when it is empty. */
function quantileOfSorted(sorted: Float64Array, q: number): number {
  const count = sorted.length;
  if (count === 0) return NaN;
  const h = (count - 1) * q;
  if (h >= count - 1) return sorted[count - 1];
  const j = Math.floor(h);
  const gamma = h - j;
  const a = sorted[j];
  const b = sorted[j + 1];
  if (a === b) return a;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
