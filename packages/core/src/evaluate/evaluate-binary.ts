import type { Kernels } from '../kernels/binary-clf-curve.js';
import { selectKernels } from '../kernels/select-kernels.js';
import { REPORT_SCHEMA, type Report } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import { binaryResult } from './binary-result.js';
import { resolveBinaryOptions, type BinaryEvaluationOptions } from './binary-options.js';
import { prepareBinaryRows, type BinaryColumnsInput } from './prepare-binary-rows.js';

/**
 * The full binary-classification report over extracted columns: threshold metrics, ROC AUC, average precision,
 * log loss and Brier score (when scores are probabilities), prevalence, the confusion matrix and optionally the
 * ROC and PR curves — all from one sort of the scores.
 *
 * @param input - label codes, scores, optional weights, and the column names
 * @param options - see `BinaryEvaluationOptions`
 * @param kernels - kernels to use (default: resolved from `options.backend`)
 * @returns the report (without `input` and read timing, which the caller adds)
 * @throws ValidationError for bad input (see `prepareBinaryRows`) or options
 * @see sklearn.metrics (accuracy_score, roc_auc_score, average_precision_score, log_loss, ...)
 * @example
 * ```ts
 * const report = await evaluateBinaryCodes({ label, score, names: { label: 'y', score: 'p' } }, { threshold: 0.5 });
 * report.metrics.roc_auc;
 * ```
 */
export async function evaluateBinaryCodes(
  input: BinaryColumnsInput,
  options: BinaryEvaluationOptions = {},
  kernels?: Kernels,
): Promise<Report> {
  const started = performance.now();
  const opts = resolveBinaryOptions(options);
  const warnings: ReportWarning[] = [];
  const { rows, labels, dropped } = prepareBinaryRows(input, { posLabel: opts.posLabel, nan: opts.nan }, warnings);
  const k = kernels ?? (await selectKernels(opts.backend));
  const result = await binaryResult(rows, labels, opts, k, true);
  const elapsed = Math.round((performance.now() - started) * 10) / 10;
  return {
    schema: REPORT_SCHEMA,
    task: 'binary',
    rows: rows.scores.length,
    backend: { name: k.name, device: k.device },
    columns: { label: input.names.label, score: input.names.score, ...(input.names.weight ? { weight: input.names.weight } : {}) },
    options: { pos_label: labels.positive, threshold: opts.threshold, beta: opts.beta, zero_division: opts.zeroDivision },
    metrics: result.metrics,
    ...result.sections,
    ...(opts.nan === 'drop' ? { dropped_rows: dropped } : {}),
    warnings: dedupeWarnings([...warnings, ...result.warnings]),
    timing_ms: { compute: elapsed, total: elapsed },
  };
}

/**
 * Drops repeated warnings (the same message from several steps), keeping the first.
 * @param warnings - warnings in order
 * @returns the distinct ones
 */
export function dedupeWarnings(warnings: ReportWarning[]): ReportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => (seen.has(w.message) ? false : (seen.add(w.message), true)));
}
