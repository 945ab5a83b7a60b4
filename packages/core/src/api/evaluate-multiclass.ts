import type { MulticlassSpec } from '../evaluate/evaluation-spec.js';
import type { Report } from '../report/report.js';
import type { ColumnInput } from './column-vector.js';
import { evaluateColumns, listColumns } from './evaluate-columns.js';

/** The columns of a multiclass evaluation: `scores` (one column per class) or `pred` (hard predictions). */
export interface MulticlassColumns {
  /** True classes. */
  label: ColumnInput;
  /** One score/probability column per class, in class order (named `score_0`, `score_1`, ... in the report). */
  scores?: readonly ColumnInput[];
  /** Predicted classes (instead of scores). */
  pred?: ColumnInput;
  /** Non-negative sample weights. */
  weight?: ColumnInput;
}

/** Options of {@link evaluateMulticlass}: a multiclass spec without the task and column names. */
export type EvaluateMulticlassOptions = Omit<MulticlassSpec, 'task' | 'label' | 'scores' | 'pred' | 'weight' | 'by'>;

/**
 * Evaluates a multiclass classifier: accuracy, balanced accuracy, macro/micro/weighted precision, recall and F1,
 * Cohen's kappa, MCC, per-class results and, with scores, log loss and one-vs-rest / one-vs-one ROC AUC.
 *
 * @param columns - `label` and either `scores` (one per class) or `pred`, optional `weight`
 * @param options - classes, topK, zeroDivision, nan, ci, ... (as {@link MulticlassSpec})
 * @returns the report
 * @throws ValidationError for bad options or values (both or neither of scores and pred, labels outside the classes)
 * @see sklearn.metrics.classification_report
 * @example
 * ```ts
 * import { evaluateMulticlass } from '@modelperf/core';
 * const report = await evaluateMulticlass({ label: ['a', 'b', 'c', 'a'], pred: ['a', 'b', 'b', 'a'] });
 * console.log(report.metrics.accuracy); // 0.75
 * ```
 */
export function evaluateMulticlass(columns: MulticlassColumns, options: EvaluateMulticlassOptions = {}): Promise<Report> {
  const scores = listColumns('score', columns.scores);
  return evaluateColumns(
    { label: columns.label, pred: columns.pred, weight: columns.weight, ...scores.columns },
    {
      ...options, task: 'multiclass', label: 'label',
      ...(columns.scores !== undefined ? { scores: scores.names } : {}),
      ...(columns.pred !== undefined ? { pred: 'pred' } : {}),
      ...(columns.weight !== undefined ? { weight: 'weight' } : {}),
    },
  );
}
