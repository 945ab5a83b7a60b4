import type { Kernels } from '../kernels/binary-clf-curve.js';
import type { PreparedTask } from '../evaluate/prepared-task.js';
import { bootstrapIntervals, type BootstrapInterval } from '../intervals/bootstrap-intervals.js';

/** Percentile intervals of every model's metrics and of the candidate's differences to each baseline. */
export interface PairedBootstrap {
  /** Per model (in the order given), per metric. */
  readonly models: Array<Record<string, BootstrapInterval>>;
  /** Per baseline (models[1..], in order), per metric: candidate - baseline. */
  readonly differences: Array<Record<string, BootstrapInterval>>;
}

/** Separates model index, kind and metric in the bootstrap's flat keys (metric keys never hold it). */
const SEP = '\u0000';

/**
 * Paired bootstrap of several models evaluated on the same rows: each replicate draws one resample of the rows and
 * evaluates every model on that same resample, so the differences keep the correlation between the models.
 *
 * @param tasks - the models as prepared tasks over the same rows (same length and order), candidate first
 * @param kernels - the backend
 * @param options - `replicates` (>= 1), `level` in (0, 1), `seed` (integer in [0, 2^32 - 1])
 * @returns per model the intervals of its metrics, and per baseline the intervals of candidate - baseline for each
 * metric both report
 * @remarks The resamples come from `bootstrapIntervals` (seeded xoroshiro128+, numpy-linear percentiles), so a seed
 * gives the same intervals everywhere; the difference of replicate r is metric(candidate, r) - metric(baseline, r).
 * @see Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (paired samples)
 * @throws ValidationError for a bad replicate count, level or seed
 * @example
 * ```ts
 * const boot = await pairedBootstrap([candidateTask, baselineTask], jsKernels, { replicates: 200, level: 0.95, seed: 0 });
 * boot.differences[0].roc_auc.low;
 * ```
 */
export async function pairedBootstrap(
  tasks: readonly PreparedTask[], kernels: Kernels, options: { replicates: number; level: number; seed: number },
): Promise<PairedBootstrap> {
  const rows = tasks[0].rows;
  const flat = await bootstrapIntervals(rows, async (indices) => {
    const metrics: Array<Record<string, number>> = [];
    for (const task of tasks) metrics.push((await task.subset(indices).evaluate(kernels, false)).metrics);
    const out: Record<string, number> = {};
    metrics.forEach((values, i) => {
      for (const [key, value] of Object.entries(values)) out[`m${SEP}${i}${SEP}${key}`] = value;
    });
    for (let j = 1; j < metrics.length; j++) {
      for (const [key, value] of Object.entries(metrics[0])) {
        if (key in metrics[j]) out[`d${SEP}${j}${SEP}${key}`] = value - metrics[j][key];
      }
    }
    return out;
  }, options);
  const models = tasks.map(() => ({} as Record<string, BootstrapInterval>));
  const differences = tasks.slice(1).map(() => ({} as Record<string, BootstrapInterval>));
  for (const [flatKey, interval] of Object.entries(flat)) {
    const [kind, index, key] = flatKey.split(SEP);
    if (kind === 'm') models[Number(index)][key] = interval;
    else differences[Number(index) - 1][key] = interval;
  }
  return { models, differences };
}
