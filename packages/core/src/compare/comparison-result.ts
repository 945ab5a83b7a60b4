import type { GateResult } from '../gates/gate.js';
import type { LabelValue } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { CompareTask } from './comparison-spec.js';
import type { MetricDirection } from './metric-direction.js';

/** Schema tag of a comparison result. */
export const COMPARISON_SCHEMA = 'modelperf/comparison@1';

/** An interval of one model's metric (paired bootstrap percentile; DeLong for ROC AUC). */
export interface ModelInterval {
  low: number;
  high: number;
  method: 'bootstrap' | 'delong';
}

/** One model's metrics on the compared rows. */
export interface ComparedModel {
  /** The model's name: its column, or the name of its set of score columns. */
  name: string;
  /** The model's columns (a set of score columns, one per class; a single column otherwise). */
  columns: string[];
  role: 'candidate' | 'baseline';
  metrics: Record<string, number>;
  /** Per metric, at the comparison's level (absent without intervals). */
  intervals?: Record<string, ModelInterval>;
}

/** The candidate against one baseline on one metric. */
export interface MetricDifference {
  candidate: number;
  baseline: number;
  /** candidate - baseline, for every metric (for a lower-is-better metric an improvement is negative). */
  difference: number;
  /** Whether higher or lower values of the metric are better (`none`: not a quality measure, e.g. prevalence). */
  direction: MetricDirection;
  /** Which model the point estimates favour (`tie` when equal, absent for direction `none`). */
  better?: 'candidate' | 'baseline' | 'tie';
  /** Paired interval of the difference (DeLong for roc_auc when unweighted, else paired bootstrap percentile). */
  low?: number;
  high?: number;
  method?: 'delong' | 'bootstrap';
  /** DeLong's standard error, z and two-sided p-value of "equal ROC AUCs" (roc_auc only). */
  se?: number;
  z?: number;
  p_value?: number;
}

/** The candidate against one baseline, every metric both have. */
export interface BaselineComparison {
  baseline: string;
  metrics: Record<string, MetricDifference>;
}

/** The comparison within one slice. */
export interface ComparisonSlice {
  column: string;
  value: LabelValue | null | Array<LabelValue | null>;
  rows: number;
  models: ComparedModel[];
  comparisons: BaselineComparison[];
  warnings?: ReportWarning[];
}

/**
 * The result of `compareModels`: a plain JSON-able object (`comparisonToJson` writes it).
 *
 * @example
 * ```ts
 * result.comparisons[0].metrics.roc_auc.difference; // candidate AUC - first baseline's AUC
 * ```
 */
export interface ComparisonResult {
  schema: typeof COMPARISON_SCHEMA;
  task: CompareTask;
  /** Rows compared (the same rows for every model). */
  rows: number;
  input?: { path?: string; format?: string; baseline_path?: string; baseline_format?: string; joined_on?: string };
  backend: { name: string; device: string };
  columns: { label: string; weight?: string; by?: string[] };
  candidate: string;
  baselines: string[];
  /** Options that shaped the numbers: level, bootstrap replicates and seed, and the task's options. */
  options: Record<string, unknown>;
  /** Candidate first, then the baselines in the order given. */
  models: ComparedModel[];
  /** One per baseline, in order. */
  comparisons: BaselineComparison[];
  slices?: ComparisonSlice[];
  dropped_rows?: number;
  /** Quality gates checked against this comparison (the CLI's `--require`), in order. */
  gates?: GateResult[];
  warnings: ReportWarning[];
  timing_ms: Record<string, number>;
}
