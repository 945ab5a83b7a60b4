import type { BackendChoice } from '../kernels/select-kernels.js';
import type { ZeroDivision } from '../metrics/binary/threshold-metrics.js';
import type { LabelValue } from '../report/report.js';
import type { NanPolicy } from '../evaluate/prepare-binary-rows.js';

/** Tasks `compareModels` compares: binary scores, regression predictions, multiclass hard predictions. */
export const COMPARE_TASKS = ['binary', 'regression', 'multiclass'] as const;
export type CompareTask = (typeof COMPARE_TASKS)[number];

/**
 * What to compare: a candidate model's column against one or more baseline columns of the same table and rows.
 *
 * @example
 * ```ts
 * const spec: ComparisonSpec = { task: 'binary', label: 'y', candidate: 'p', baselines: ['dummy_score', 'logistic_score'] };
 * ```
 */
export interface ComparisonSpec {
  task: CompareTask;
  /** The true labels (binary, multiclass) or target (regression). */
  label: string;
  /**
   * The candidate's column: binary score of the positive class, regression prediction, multiclass predicted class; or,
   * for multiclass, its score columns, one per class in class order.
   */
  candidate: string | string[];
  /** Baselines of the same kind as the candidate (a column, or a set of score columns), at least one. */
  baselines: Array<string | string[]>;
  /**
   * Names of the models in the result and in gates, candidate first (default: the column; for a set of score columns
   * their common prefix without trailing `_`, `-`, `.`, or the columns joined by `,` when there is none); an
   * undefined entry keeps its default.
   */
  names?: Array<string | undefined>;
  /** Multiclass: class names in the order of the score columns (default 0..K-1). */
  classes?: LabelValue[];
  /** Optional column of non-negative sample weights (DeLong's test is unweighted: ROC AUC then gets a bootstrap interval). */
  weight?: string;
  /** Null/NaN handling (default `error`); with `drop`, a row missing in any model's column is dropped for all of them. */
  nan?: NanPolicy;
  backend?: BackendChoice;
  /** Compare within every slice of these columns too. */
  by?: string[];
  /** Slices with fewer rows are listed in a warning, not compared (default 1). */
  minSliceRows?: number;
  /** Confidence level of every interval (default 0.95). */
  ci?: number;
  /** Paired bootstrap replicates (default 200; 0 skips the bootstrap: DeLong only). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 0). */
  seed?: number;
  /** Binary: the positive class. */
  posLabel?: LabelValue;
  /** Binary: predicted positive iff score >= threshold (default 0.5). */
  threshold?: number;
  /** Binary: beta of the F-beta score. */
  beta?: number;
  zeroDivision?: ZeroDivision;
  /** Regression: alpha of the pinball loss. */
  quantile?: number;
}
