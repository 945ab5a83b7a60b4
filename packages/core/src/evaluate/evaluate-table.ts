import type { Table } from 'apache-arrow';
import { ValidationError } from '../errors.js';
import type { Kernels } from '../kernels/binary-clf-curve.js';
import { selectKernels } from '../kernels/select-kernels.js';
import { REPORT_SCHEMA, TASKS, type Report, type ReportInterval, type ReportSlice } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import { bootstrapIntervals } from '../intervals/index.js';
import { prepareBinaryTask } from './binary-task.js';
import { dedupeWarnings } from './evaluate-binary.js';
import type { EvaluationSpec } from './evaluation-spec.js';
import type { PreparedTask } from './prepared-task.js';
import type { LabelCodes } from './prepare-binary-rows.js';
import { sliceRows } from './slice-rows.js';
import { prepareMulticlassTask } from './multiclass-task.js';
import { prepareMultilabelTask } from './multilabel-task.js';
import { prepareRegressionTask } from './regression-task.js';
import { prepareRankingTask } from './ranking-task.js';

/**
 * Validates a spec's columns in a table and returns the task ready to evaluate.
 * @param table - the data
 * @param spec - task, columns and options
 * @param coded - binary: the label column already coded by `toLabelCodes` (streams code it once to learn the classes)
 * @param access - `consumeTable`: the caller gives the table away, so the task's last use may reorder its columns in
 *   place (binary: the score and label columns, when nothing reads them afterwards)
 * @returns the prepared task
 * @throws ValidationError for an unknown task or bad values; SchemaError for missing or mistyped columns
 * @example
 * ```ts
 * const task = prepareTask(table, { task: 'regression', label: 'y', pred: 'yhat' });
 * ```
 */
export function prepareTask(
  table: Table, spec: EvaluationSpec, coded: { label?: LabelCodes } = {}, access: { consumeTable?: boolean } = {},
): PreparedTask {
  switch (spec.task) {
    case 'binary': return prepareBinaryTask(table, spec, coded.label, access.consumeTable === true);
    case 'multiclass': return prepareMulticlassTask(table, spec);
    case 'multilabel': return prepareMultilabelTask(table, spec);
    case 'regression': return prepareRegressionTask(table, spec);
    case 'ranking': return prepareRankingTask(table, spec);
    default:
      throw new ValidationError('invalid_argument', `Unknown task "${String((spec as { task: unknown }).task)}"; expected one of: ${TASKS.join(', ')}.`);
  }
}

/**
 * Evaluates the columns of an Arrow table as the spec says: the metrics of the task over all rows, and, when asked,
 * per slice (`by`) and with confidence intervals (`ci`: DeLong for ROC AUC, seeded bootstrap for the rest).
 *
 * @param table - an Arrow `Table` (any number of record batches)
 * @param spec - task, column names and options
 * @param runtime - `kernels` to use instead of those `spec.backend` selects (e.g. `createParallelCurveKernels`);
 *   `consumeTable`: the caller gives the table away (a file it read for this call alone): without `by` and `ci` its
 *   binary score and label columns may then be sorted in place rather than copied (the table is not usable afterwards)
 * @returns the report
 * @throws SchemaError for a missing or non-numeric column; ValidationError for bad values or options
 * @example
 * ```ts
 * import { evaluateTable, toTable } from '@modelperf/core';
 * const table = toTable({
 *   y: [0, 0, 1, 1, 0, 1], p: [0.1, 0.4, 0.35, 0.8, 0.3, 0.9], region: ['eu', 'eu', 'eu', 'eu', 'us', 'us'],
 * });
 * const report = await evaluateTable(table, { task: 'binary', label: 'y', score: 'p', by: ['region'] });
 * console.log(report.slices?.map((s) => `${s.value}: ${s.rows} rows, AUC ${s.metrics.roc_auc}`).join('; ')); // eu: 4 rows, AUC 0.75; us: 2 rows, AUC 1
 * ```
 */
export async function evaluateTable(
  table: Table, spec: EvaluationSpec, runtime: { kernels?: Kernels; consumeTable?: boolean } = {},
): Promise<Report> {
  const started = performance.now();
  const level = checkLevel(spec.ci);
  const replicates = checkCount('bootstrap', spec.bootstrap ?? 200);
  const minSliceRows = checkCount('minSliceRows', spec.minSliceRows ?? 1);
  const task = prepareTask(table, spec, {}, { consumeTable: runtime.consumeTable });
  const kernels = runtime.kernels ?? (await selectKernels(spec.backend ?? 'auto'));
  // Slices and intervals read the rows again after the full evaluation.
  const last = level === undefined && (spec.by === undefined || spec.by.length === 0);
  const main = await task.evaluate(kernels, true, last);
  const warnings: ReportWarning[] = [...task.warnings, ...main.warnings];

  const report: Report = {
    schema: REPORT_SCHEMA,
    task: task.task,
    rows: task.rows,
    backend: { name: kernels.name, device: kernels.device },
    columns: { ...task.columns, ...(spec.by?.length ? { by: spec.by } : {}) },
    options: task.options,
    metrics: main.metrics,
    ...main.sections,
    warnings: [],
    timing_ms: { compute: 0, total: 0 },
  };
  if (level !== undefined) {
    if (!resamplesRows(task)) {
      warnings.push({
        code: 'intervals_unsupported',
        message: 'Confidence intervals for ranking need resampling of whole queries, which this version does not do; none are reported.',
      });
    }
    report.options = { ...report.options, ci: level, ...(resamplesRows(task) ? { bootstrap: replicates, seed: spec.seed ?? 0 } : {}) };
    const intervals = await intervalsFor(task, kernels, level, replicates, spec.seed ?? 0);
    if (Object.keys(intervals).length > 0) report.intervals = intervals;
  }
  if (spec.by !== undefined && spec.by.length > 0) {
    const slices: ReportSlice[] = [];
    const small: string[] = [];
    for (const slice of sliceRows(table, spec.by, task.sourceRows)) {
      const label = slice.values.length === 1 ? slice.values[0] : slice.values;
      if (slice.indices.length < minSliceRows) {
        small.push(`${JSON.stringify(label)} (${slice.indices.length} rows)`);
        continue;
      }
      const sub = task.subset(slice.indices);
      const result = await sub.evaluate(kernels, false);
      const entry: ReportSlice = { column: spec.by.join(','), value: label, rows: slice.indices.length, metrics: result.metrics };
      if (level !== undefined && resamplesRows(task)) entry.intervals = await intervalsFor(sub, kernels, level, replicates, spec.seed ?? 0);
      if (result.warnings.length > 0) entry.warnings = dedupeWarnings(result.warnings);
      slices.push(entry);
    }
    report.slices = slices;
    if (small.length > 0) {
      warnings.push({
        code: 'small_slices',
        message: `${small.length} slice(s) with fewer than ${minSliceRows} rows are not evaluated: ${small.slice(0, 10).join(', ')}${small.length > 10 ? ', ...' : ''}.`,
      });
    }
  }
  if (task.dropped > 0 || spec.nan === 'drop') report.dropped_rows = task.dropped;
  report.warnings = dedupeWarnings(warnings);
  const elapsed = Math.round((performance.now() - started) * 10) / 10;
  report.timing_ms = { compute: elapsed, total: elapsed };
  return report;
}

/** Row-level bootstrap fits every task whose rows are independent samples; ranking rows are grouped by query. */
function resamplesRows(task: PreparedTask): boolean {
  return task.task !== 'ranking';
}

async function intervalsFor(
  task: PreparedTask, kernels: Kernels, level: number, replicates: number, seed: number,
): Promise<Record<string, ReportInterval>> {
  const analytic = task.analyticIntervals?.(level) ?? {};
  if (!resamplesRows(task)) return analytic;
  const boot = await bootstrapIntervals(
    task.rows,
    async (indices) => (await task.subset(indices).evaluate(kernels, false)).metrics,
    { replicates, level, seed },
  );
  const out: Record<string, ReportInterval> = {};
  for (const [key, value] of Object.entries(boot)) out[key] = { low: value.low, high: value.high, level, method: 'bootstrap', replicates };
  return { ...out, ...analytic };
}

function checkLevel(level: number | undefined): number | undefined {
  if (level === undefined) return undefined;
  if (!(level > 0 && level < 1)) throw new ValidationError('invalid_argument', `ci must be a confidence level between 0 and 1 (e.g. 0.95), got ${level}.`);
  return level;
}

function checkCount(what: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new ValidationError('invalid_argument', `${what} must be a positive integer, got ${value}.`);
  return value;
}
