import { ValidationError } from '../errors.js';
import { dedupeWarnings } from './evaluate-binary.js';
import type { EvaluationSpec } from './evaluation-spec.js';
import type { TaskResult } from './prepared-task.js';
import { REPORT_SCHEMA, type LabelValue, type Report, type TaskName } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';

/** What the first prepared batch of a state tells about the task. */
export interface StateTaskInfo {
  readonly task: TaskName;
  readonly columns: Record<string, string | string[]>;
  readonly options: Record<string, unknown>;
}

/** Everything {@link stateReport} needs besides the computed result. */
export interface StateReportInput {
  readonly spec: EvaluationSpec;
  readonly info: StateTaskInfo;
  readonly result: TaskResult;
  readonly rows: number;
  readonly dropped: number;
  readonly curveMode: 'exact' | 'binned';
  /** Resolved binary labels (binary task only). */
  readonly labels?: { positive: LabelValue; negative: LabelValue | null };
  /** Label column of a binary task, for the one-class warning. */
  readonly labelColumn?: string;
  readonly elapsedMs: number;
}

/**
 * Assembles the report of a computed mergeable state, as a streamed evaluation reports it (`options.streamed`).
 * @param input - spec, task info, computed result, row counts and resolved binary labels
 * @returns the report
 */
export function stateReport(input: StateReportInput): Report {
  const { spec, info, result, rows, dropped, labels } = input;
  const warnings: ReportWarning[] = [];
  const sections = { ...result.sections };
  let taskOptions = info.options;
  if (labels !== undefined) {
    taskOptions = { ...taskOptions, pos_label: labels.positive };
    const matrix = (sections.confusion_matrix as { matrix: number[][] } | undefined)?.matrix;
    if (matrix !== undefined) sections.confusion_matrix = { labels: [labels.negative, labels.positive], matrix };
    const positives = matrix !== undefined ? matrix[1][0] + matrix[1][1] : NaN;
    const negatives = matrix !== undefined ? matrix[0][0] + matrix[0][1] : NaN;
    if (positives === 0 || negatives === 0) {
      warnings.push({
        code: 'one_class',
        message: `Column \`${input.labelColumn ?? 'label'}\` holds only the ${positives === 0 ? 'negative' : 'positive'} class; ` +
          'ROC AUC and other metrics that need both classes are undefined (NaN).',
      });
    }
  }
  if (dropped > 0) {
    warnings.push({ code: 'rows_dropped', message: `Dropped ${dropped} of ${rows} rows with null or NaN in a used column (--nan drop).` });
  }
  return {
    schema: REPORT_SCHEMA,
    task: info.task,
    rows: rows - dropped,
    backend: { name: 'js', device: 'cpu' },
    columns: info.columns,
    options: { ...taskOptions, streamed: true, ...(spec.task === 'binary' ? { curve_mode: input.curveMode } : {}) },
    metrics: result.metrics,
    ...sections,
    ...(dropped > 0 || spec.nan === 'drop' ? { dropped_rows: dropped } : {}),
    warnings: dedupeWarnings([...warnings, ...result.warnings]),
    timing_ms: { compute: input.elapsedMs, total: input.elapsedMs },
  };
}

/**
 * Throws the error of an evaluation with nothing in it.
 * @returns never
 */
export function emptyStateError(): never {
  throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
}
