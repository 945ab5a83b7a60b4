import type { BinaryEvaluationOptions } from './binary-options.js';

/** What to evaluate in a table: the task, its columns and its options. */
export interface EvaluationSpec extends BinaryEvaluationOptions {
  task: 'binary';
  /** Column of true labels. */
  label: string;
  /** Column of scores. */
  score: string;
  /** Optional column of sample weights. */
  weight?: string;
}
