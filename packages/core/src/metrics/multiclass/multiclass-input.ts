import type { ReportWarning } from '../../report/report-warning.js';
import type { ZeroDivision } from '../binary/threshold-metrics.js';

/**
 * The rows of a multiclass evaluation as typed arrays. Labels are class indices; the caller maps class names to
 * indices (and drops unknown labels) before this point.
 */
export interface MulticlassInput {
  /** Class index 0..k-1 per row. */
  labels: Int32Array;
  /** Number of classes. */
  k: number;
  /** k columns of scores or probabilities, one per class, in class order. */
  scores?: Array<Float64Array | Float32Array>;
  /** Hard predictions (class index) per row; when given they are used instead of the argmax of `scores`. */
  pred?: Int32Array;
  /** Non-negative finite sample weights. */
  weights?: Float64Array | Float32Array;
}

/** Options of {@link multiclassMetrics}. */
export interface MulticlassOptions {
  /** Adds `top_<topK>_accuracy` (needs scores). */
  topK?: number;
  /** What a 0/0 in precision, recall or F becomes: 0 (default), 1 or NaN. */
  zeroDivision?: ZeroDivision;
}

/** Precision, recall, F1 and (weighted) support of one class. */
export interface MulticlassClassMetrics {
  classIndex: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** What {@link multiclassMetrics} returns. */
export interface MulticlassResult {
  /** Metric name -> value; keys that do not apply are left out (see `warnings`). */
  metrics: Record<string, number>;
  perClass: MulticlassClassMetrics[];
  /** k x k, rows = true class, columns = predicted class (weighted sums when weighted). */
  confusionMatrix: number[][];
  warnings: ReportWarning[];
}
