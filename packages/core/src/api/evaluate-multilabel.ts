import type { MultilabelSpec } from '../evaluate/evaluation-spec.js';
import type { Report } from '../report/report.js';
import type { ColumnInput } from './column-vector.js';
import { evaluateColumns, listColumns } from './evaluate-columns.js';

/** The columns of a multilabel evaluation: one 0/1 column and one score column per label, in the same order. */
export interface MultilabelColumns {
  /** One 0/1 (or boolean) column per label (named `label_0`, `label_1`, ... in the report). */
  labels: readonly ColumnInput[];
  /** One score column per label (named `score_0`, `score_1`, ...). */
  scores: readonly ColumnInput[];
  /** Non-negative sample weights. */
  weight?: ColumnInput;
}

/** Options of {@link evaluateMultilabel}: a multilabel spec without the task and column names. */
export type EvaluateMultilabelOptions = Omit<MultilabelSpec, 'task' | 'labels' | 'scores' | 'weight' | 'by'>;

/**
 * Evaluates a multilabel classifier: subset accuracy, Hamming loss, macro/micro/samples F1, per-label results, label
 * ranking average precision, coverage error and ranking loss.
 *
 * @param columns - `labels` and `scores`, one column each per label; optional `weight`
 * @param options - threshold, zeroDivision, nan, ci, ... (as {@link MultilabelSpec})
 * @returns the report
 * @throws ValidationError for bad options or values (different numbers of label and score columns, labels not 0/1)
 * @see sklearn.metrics.hamming_loss, sklearn.metrics.label_ranking_average_precision_score
 * @example
 * ```ts
 * import { evaluateMultilabel } from '@modelperf/core';
 * const report = await evaluateMultilabel({
 *   labels: [[1, 0, 1], [0, 1, 1]],
 *   scores: [[0.9, 0.2, 0.6], [0.1, 0.3, 0.7]],
 * });
 * console.log(report.metrics.hamming_loss); // 0.16666666666666666
 * ```
 */
export function evaluateMultilabel(columns: MultilabelColumns, options: EvaluateMultilabelOptions = {}): Promise<Report> {
  const labels = listColumns('label', columns.labels);
  const scores = listColumns('score', columns.scores);
  return evaluateColumns(
    { ...labels.columns, ...scores.columns, weight: columns.weight },
    {
      ...options, task: 'multilabel', labels: labels.names, scores: scores.names,
      ...(columns.weight !== undefined ? { weight: 'weight' } : {}),
    },
  );
}
