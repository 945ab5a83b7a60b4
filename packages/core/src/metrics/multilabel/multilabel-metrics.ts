import { ValidationError } from '../../errors.js';
import type { ReportWarning } from '../../report/report-warning.js';
import type { ZeroDivision } from '../binary/threshold-metrics.js';
import { labelRankingMetrics } from './label-ranking-metrics.js';
import { multilabelCounts } from './multilabel-counts.js';
import { multilabelThresholdMetrics, type MultilabelLabelMetrics } from './multilabel-threshold-metrics.js';
import { validateMultilabelInput, type MultilabelInput, type MultilabelNames } from './validate-multilabel-input.js';

/** Options of {@link multilabelMetrics}. */
export interface MultilabelOptions {
  /** A label is predicted iff its score >= threshold (default 0.5). */
  threshold?: number;
  /** What a 0/0 in precision, recall, F1 or Jaccard becomes: 0 (default), 1 or NaN. */
  zeroDivision?: ZeroDivision;
  /** Column names for error messages. */
  names?: MultilabelNames;
}

/** Result of {@link multilabelMetrics}. */
export interface MultilabelResult {
  /** Metric name -> value (f1_micro, ..., label_ranking_loss). */
  metrics: Record<string, number>;
  /** Precision, recall, F1 and weighted support of each label, in column order. */
  perLabel: MultilabelLabelMetrics[];
  /** Conditions that did not stop the evaluation (`zero_division`). */
  warnings: ReportWarning[];
}

/**
 * Every multilabel metric of modelperf in one call: thresholded precision/recall/F1/Jaccard (micro, macro, samples),
 * Hamming loss, subset accuracy, and the label-ranking metrics over the raw scores.
 *
 * @param input - L label columns (0/1), L score columns and optional sample weights; never mutated
 * @param options - `threshold` (default 0.5), `zeroDivision` (default 0), `names` for messages
 * @returns `metrics`, `perLabel` and `warnings`
 * @throws ValidationError on bad shapes, labels, scores, weights or options (see {@link validateMultilabelInput})
 * @remarks Validate -> count (one pass per column) -> compute. See {@link multilabelThresholdMetrics} and
 * {@link labelRankingMetrics} for the formulas. Keys: f1_micro, f1_macro, f1_samples, precision_*, recall_*,
 * jaccard_micro, jaccard_macro, jaccard_samples, hamming_loss, subset_accuracy, label_ranking_average_precision,
 * coverage_error, label_ranking_loss. A `zero_division` warning is added whenever a 0/0 occurs, whatever
 * `zeroDivision` says (scikit-learn warns only for its default).
 * @see sklearn.metrics.f1_score, precision_score, recall_score, jaccard_score (average='micro'|'macro'|'samples'),
 * hamming_loss, accuracy_score, label_ranking_average_precision_score, coverage_error, label_ranking_loss
 * @example
 * ```ts
 * const { metrics } = multilabelMetrics({ labels: [y0, y1], scores: [s0, s1] }, { threshold: 0.4 });
 * metrics.f1_macro;
 * ```
 */
export function multilabelMetrics(input: MultilabelInput, options: MultilabelOptions = {}): MultilabelResult {
  const threshold = options.threshold ?? 0.5;
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new ValidationError('invalid_argument', `Expected option \`threshold\` to be a number, but got ${String(threshold)}.`);
  }
  const zeroDivision = options.zeroDivision ?? 0;
  if (zeroDivision !== 0 && zeroDivision !== 1 && zeroDivision !== 'nan') {
    throw new ValidationError('invalid_argument', `Expected option \`zeroDivision\` to be 0, 1 or 'nan', but got ${String(zeroDivision)}.`);
  }
  validateMultilabelInput(input, options.names);
  const warnings: ReportWarning[] = [];
  const counts = multilabelCounts(input, threshold);
  const { metrics, perLabel } = multilabelThresholdMetrics(counts, input.weights, zeroDivision, warnings);
  return { metrics: { ...metrics, ...labelRankingMetrics(input) }, perLabel, warnings };
}
