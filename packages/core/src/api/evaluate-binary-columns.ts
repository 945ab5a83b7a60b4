import type { BinarySpec } from '../evaluate/evaluation-spec.js';
import type { Report } from '../report/report.js';
import type { ColumnInput } from './column-vector.js';
import { evaluateColumns } from './evaluate-columns.js';

/** The columns of a binary evaluation. */
export interface BinaryColumns {
  /** True labels: two classes (numbers, strings or booleans). */
  label: ColumnInput;
  /** Scores or probabilities of the positive class. */
  score: ColumnInput;
  /** Non-negative sample weights. */
  weight?: ColumnInput;
}

/** Options of {@link evaluateBinary}: a binary spec without the task and column names. */
export type EvaluateBinaryOptions = Omit<BinarySpec, 'task' | 'label' | 'score' | 'weight' | 'by'>;

/**
 * Evaluates a binary classifier: threshold metrics, ROC AUC, average precision, log loss and Brier score (for
 * probabilities), the confusion matrix, and optionally curves and confidence intervals — from one sort of the scores.
 * Messages name the columns `label`, `score` and `weight`.
 *
 * @param columns - `label`, `score` and optional `weight`: Arrow Vectors, typed arrays or plain arrays
 * @param options - threshold, posLabel, beta, curves, zeroDivision, nan, ci, backend, ... (as {@link BinarySpec})
 * @returns the report
 * @throws ValidationError for bad options or values (a third class, NaN scores, negative weights, ...)
 * @see sklearn.metrics.roc_auc_score, sklearn.metrics.accuracy_score and the rest of the binary metrics
 * @example
 * ```ts
 * import { evaluateBinary } from '@modelperf/core';
 * const report = await evaluateBinary(
 *   { label: [0, 0, 1, 1], score: new Float64Array([0.1, 0.4, 0.35, 0.8]) },
 *   { threshold: 0.5, backend: 'js' },
 * );
 * console.log(report.metrics.roc_auc, report.metrics.accuracy); // 0.75 0.75
 * ```
 */
export function evaluateBinary(columns: BinaryColumns, options: EvaluateBinaryOptions = {}): Promise<Report> {
  return evaluateColumns(
    { label: columns.label, score: columns.score, weight: columns.weight },
    { ...options, task: 'binary', label: 'label', score: 'score', ...(columns.weight !== undefined ? { weight: 'weight' } : {}) },
  );
}
