import type { BackendChoice } from '../kernels/select-kernels.js';
import type { ZeroDivision } from '../metrics/binary/threshold-metrics.js';
import type { LabelValue } from '../report/report.js';
import type { BinaryEvaluationOptions } from './binary-options.js';
import type { NanPolicy } from './prepare-binary-rows.js';

/** Options every task accepts. */
export interface CommonSpec {
  /** Optional column of non-negative sample weights. */
  weight?: string;
  /** Null/NaN handling in used columns (default `error`). */
  nan?: NanPolicy;
  /** Kernel backend (default `auto`). */
  backend?: BackendChoice;
  /** Evaluate every slice defined by the values of these columns (combinations for several), beside the whole. */
  by?: string[];
  /** Slices with fewer rows are not evaluated but listed in a warning (default 1). */
  minSliceRows?: number;
  /** Confidence level of intervals (e.g. 0.95); none when undefined. */
  ci?: number;
  /** Bootstrap replicates for intervals (default 200). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 0). */
  seed?: number;
  /** Number of the table's first row in the whole input, when the table is one batch of a stream (for messages). */
  rowOffset?: number;
}

/** A binary-classification evaluation. */
export interface BinarySpec extends CommonSpec, BinaryEvaluationOptions {
  task: 'binary';
  label: string;
  score: string;
  /** Bins of the calibration (reliability) curve (default 10). */
  bins?: number;
  /** Costs of a false positive and a false negative for the cost-optimal threshold (default 1 and 1). */
  costFp?: number;
  costFn?: number;
}

/** A multiclass evaluation: one score column per class, or a column of hard predictions. */
export interface MulticlassSpec extends CommonSpec {
  task: 'multiclass';
  label: string;
  /** One score/probability column per class, in class order. */
  scores?: string[];
  /** A column of hard predictions (instead of scores). */
  pred?: string;
  /** Class names in the order of the score columns (default: 0..K-1, or the sorted labels with `pred`). */
  classes?: LabelValue[];
  /** Report `top_<K>_accuracy` for this K. */
  topK?: number;
  zeroDivision?: ZeroDivision;
}

/** A multilabel evaluation: one 0/1 label column and one score column per label. */
export interface MultilabelSpec extends CommonSpec {
  task: 'multilabel';
  labels: string[];
  scores: string[];
  /** Predicted iff score >= threshold (default 0.5). */
  threshold?: number;
  zeroDivision?: ZeroDivision;
}

/** A regression evaluation. */
export interface RegressionSpec extends CommonSpec {
  task: 'regression';
  label: string;
  pred: string;
  /** Alpha of the pinball loss (default 0.5). */
  quantile?: number;
}

/** A ranking evaluation: documents grouped by query. */
export interface RankingSpec extends CommonSpec {
  task: 'ranking';
  query: string;
  label: string;
  score: string;
  /** Cut-offs for ndcg/precision/recall/hit rate (default [5, 10]). */
  k?: number[];
  /** Gain of a relevance grade: `linear` (rel) or `exponential` (2^rel - 1). */
  gain?: 'linear' | 'exponential';
}

/** What to evaluate in a table: the task, its columns and its options. */
export type EvaluationSpec = BinarySpec | MulticlassSpec | MultilabelSpec | RegressionSpec | RankingSpec;
