import type { Kernels } from '../kernels/binary-clf-curve.js';
import type { PreparedTask } from '../evaluate/prepared-task.js';
import { delongRocAucInterval } from '../intervals/delong-roc-auc-interval.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { BaselineComparison, ComparedModel, MetricDifference, ModelInterval } from './comparison-result.js';
import { delongPairedTest } from './delong-paired-test.js';
import { metricDirection } from './metric-direction.js';
import { pairedBootstrap } from './paired-bootstrap.js';

/** Models over the same rows, ready to compare. */
export interface AlignedModels {
  /** Model names (their columns), candidate first. */
  readonly names: readonly string[];
  /** Each model's columns. */
  readonly columns: ReadonlyArray<readonly string[]>;
  /** One prepared task per model, all over the same rows in the same order. */
  readonly tasks: readonly PreparedTask[];
  /** Binary and unweighted: class flags and each model's scores on those rows, for DeLong's test. */
  readonly binary?: { readonly positive: Uint8Array; readonly scores: ReadonlyArray<Float64Array | Float32Array> };
}

/** Interval settings of a comparison. */
export interface CompareIntervalOptions {
  readonly level: number;
  /** Paired bootstrap replicates; 0 skips the bootstrap. */
  readonly replicates: number;
  readonly seed: number;
}

/**
 * Evaluates every model on the same rows and compares the candidate (the first) with each baseline: side-by-side
 * metrics, differences, paired bootstrap intervals, and DeLong's test for ROC AUC.
 *
 * @param models - names, aligned tasks and (binary, unweighted) the scores for DeLong
 * @param kernels - the backend
 * @param options - level, bootstrap replicates (0: none) and seed
 * @returns the models with their metrics (and intervals), one comparison per baseline, and the evaluations' warnings
 * (prefixed with the model's name)
 * @remarks For each metric both models report: difference = candidate - baseline; for roc_auc with DeLong available
 * the interval is DeLong's (with se, z and p_value), otherwise the paired bootstrap percentile interval.
 * @example
 * ```ts
 * const { models: side, comparisons } = await compareAligned({ names, tasks }, jsKernels, { level: 0.95, replicates: 200, seed: 0 });
 * ```
 */
export async function compareAligned(
  models: AlignedModels, kernels: Kernels, options: CompareIntervalOptions,
): Promise<{ models: ComparedModel[]; comparisons: BaselineComparison[]; warnings: ReportWarning[] }> {
  const warnings: ReportWarning[] = [];
  const results: ComparedModel[] = [];
  for (let i = 0; i < models.tasks.length; i++) {
    const result = await models.tasks[i].evaluate(kernels, false);
    for (const w of result.warnings) warnings.push({ code: w.code, message: `${models.names[i]}: ${w.message}` });
    results.push({ name: models.names[i], columns: [...models.columns[i]], role: i === 0 ? 'candidate' : 'baseline', metrics: result.metrics });
  }
  const boot = options.replicates > 0 && models.tasks[0].rows > 0
    ? await pairedBootstrap(models.tasks, kernels, { replicates: options.replicates, level: options.level, seed: options.seed })
    : undefined;
  if (boot !== undefined || models.binary !== undefined) {
    results.forEach((model, i) => {
      const intervals: Record<string, ModelInterval> = {};
      for (const [key, b] of Object.entries(boot?.models[i] ?? {})) intervals[key] = { low: b.low, high: b.high, method: 'bootstrap' };
      if (models.binary !== undefined) {
        const d = delongRocAucInterval({ scores: models.binary.scores[i], positive: models.binary.positive }, options.level);
        if (d !== undefined) intervals.roc_auc = { low: d.low, high: d.high, method: 'delong' };
      }
      model.intervals = intervals;
    });
  }
  const candidate = results[0];
  const comparisons = results.slice(1).map((baseline, j): BaselineComparison => {
    const metrics: Record<string, MetricDifference> = {};
    for (const [key, c] of Object.entries(candidate.metrics)) {
      if (!(key in baseline.metrics)) continue;
      const b = baseline.metrics[key];
      const direction = metricDirection(key);
      const entry: MetricDifference = { candidate: c, baseline: b, difference: c - b, direction };
      if (direction !== 'none') entry.better = better(c, b, direction);
      const interval = boot?.differences[j][key];
      if (interval !== undefined) Object.assign(entry, { low: interval.low, high: interval.high, method: 'bootstrap' });
      metrics[key] = entry;
    }
    if (models.binary !== undefined && metrics.roc_auc !== undefined) {
      const t = delongPairedTest(models.binary.positive, models.binary.scores[0], models.binary.scores[j + 1], options.level);
      Object.assign(metrics.roc_auc, { low: t.low, high: t.high, method: 'delong', se: t.se, z: t.z, p_value: t.p_value });
    }
    return { baseline: baseline.name, metrics };
  });
  return { models: results, comparisons, warnings };
}

function better(c: number, b: number, direction: 'higher' | 'lower'): 'candidate' | 'baseline' | 'tie' | undefined {
  if (Number.isNaN(c) || Number.isNaN(b)) return undefined;
  if (c === b) return 'tie';
  return (c > b) === (direction === 'higher') ? 'candidate' : 'baseline';
}
