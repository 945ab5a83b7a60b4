import type { Table } from 'apache-arrow';
import { getColumn, toLabelCodes, toNumericArray } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { dedupeWarnings } from '../evaluate/evaluate-binary.js';
import { prepareTask } from '../evaluate/evaluate-table.js';
import type { EvaluationSpec } from '../evaluate/evaluation-spec.js';
import { gatherRows } from '../evaluate/gather-rows.js';
import { prepareBinaryRows } from '../evaluate/prepare-binary-rows.js';
import type { PreparedTask } from '../evaluate/prepared-task.js';
import { sliceRows } from '../evaluate/slice-rows.js';
import { checkLevel } from '../intervals/check-level.js';
import type { Kernels } from '../kernels/binary-clf-curve.js';
import { selectKernels } from '../kernels/select-kernels.js';
import type { ReportWarning } from '../report/report-warning.js';
import { alignModelTasks } from './align-model-tasks.js';
import { compareAligned, type AlignedModels, type CompareIntervalOptions } from './compare-aligned.js';
import { COMPARE_TASKS, type ComparisonSpec } from './comparison-spec.js';
import { COMPARISON_SCHEMA, type ComparisonResult, type ComparisonSlice } from './comparison-result.js';

/**
 * Compares a candidate model with one or more baselines on the same rows of a table: every metric of the task for each
 * model side by side, the differences candidate - baseline with paired confidence intervals (a paired bootstrap:
 * the same resampled rows for every model; DeLong's test for correlated ROC AUCs, with a p-value), overall and, with
 * `by`, per slice.
 *
 * @param table - an Arrow table holding the label and every model's column
 * @param spec - task, label, candidate and baseline columns, options
 * @param runtime - `kernels` to use instead of those `spec.backend` selects
 * @returns a plain JSON-able comparison (candidate first in `models`, one entry per baseline in `comparisons`)
 * @remarks Metrics come from the task's own evaluator (as `evaluateTable`), so they equal `modelperf evaluate`'s.
 * With `nan: 'drop'` a row missing in any model's column is dropped for all, so every model sees the same rows.
 * The sign is the same for every metric: difference = candidate - baseline; for a lower-is-better metric (log_loss,
 * rmse, ...) an improvement is negative, and `better` names the model the point estimates favour.
 * @see DeLong, DeLong & Clarke-Pearson (1988); R's `pROC::roc.test`; Efron & Tibshirani (1993) on the bootstrap
 * @throws ValidationError for an unsupported task, no baselines, bad options or values; SchemaError for a missing or
 * mistyped column
 * @example
 * ```ts
 * import { compareModels, toTable } from '@modelperf/core';
 * const table = toTable({ y: [0, 0, 1, 1, 0, 1], p: [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], dummy: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
 * const result = await compareModels(table, { task: 'binary', label: 'y', candidate: 'p', baselines: ['dummy'], backend: 'js' });
 * const auc = result.comparisons[0].metrics.roc_auc; // also low, high (DeLong), se, z
 * console.log(auc.difference.toFixed(4), auc.p_value?.toFixed(4), auc.better); // 0.3889 0.0133 candidate
 * ```
 */
export async function compareModels(table: Table, spec: ComparisonSpec, runtime: { kernels?: Kernels } = {}): Promise<ComparisonResult> {
  const started = performance.now();
  if (!(COMPARE_TASKS as readonly string[]).includes(spec.task)) {
    throw new ValidationError('invalid_argument', `compare supports the tasks ${COMPARE_TASKS.join(', ')}; got "${String(spec.task)}".`);
  }
  if (!Array.isArray(spec.baselines) || spec.baselines.length === 0) {
    throw new ValidationError('invalid_argument', 'Name at least one baseline column to compare the candidate with (--baseline).');
  }
  const level = spec.ci ?? 0.95;
  checkLevel(level);
  const replicates = spec.bootstrap ?? 200;
  if (!Number.isSafeInteger(replicates) || replicates < 0) {
    throw new ValidationError('invalid_argument', `bootstrap must be a whole number >= 0 (0: DeLong only), got ${replicates}.`);
  }
  const minSliceRows = spec.minSliceRows ?? 1;
  const intervals: CompareIntervalOptions = { level, replicates, seed: spec.seed ?? 0 };
  const columns = [spec.candidate, ...spec.baselines];
  const names = modelNames(spec, columns);
  const repeated = names.slice(1).find((name, i) => names.indexOf(name, 1) !== i + 1);
  if (repeated !== undefined) {
    throw new ValidationError('invalid_argument', `Baseline \`${repeated}\` is named twice; give each baseline once (or another name).`);
  }
  const specs = columns.map((column) => modelSpec(spec, column));
  const prepared = specs.map((s) => prepareTask(table, s));
  const aligned = alignModelTasks(prepared, table.numRows);
  if (aligned.tasks[0].rows === 0) {
    throw new ValidationError('empty_input', 'No row holds a value in every compared column; nothing is left to compare.');
  }
  const kernels = runtime.kernels ?? (await selectKernels(spec.backend ?? 'auto'));
  const binary = spec.task === 'binary' && spec.weight === undefined ? binaryScores(table, spec, columns as string[], aligned.sourceRows) : undefined;
  const models: AlignedModels = { names, columns: columns.map((c) => (typeof c === 'string' ? [c] : [...c])), tasks: aligned.tasks, binary };
  const main = await compareAligned(models, kernels, intervals);
  const warnings: ReportWarning[] = [...prepared.flatMap((t, i) => t.warnings.map((w) => ({ code: w.code, message: `${names[i]}: ${w.message}` }))), ...main.warnings];
  if (spec.task === 'binary' && spec.weight !== undefined) {
    warnings.push({ code: 'delong_unweighted', message: "DeLong's test is defined for unweighted rows; roc_auc differences get paired bootstrap intervals instead." });
  }
  if (aligned.dropped > 0 && prepared.filter((t) => t.dropped > 0).length > 1) {
    warnings.push({ code: 'rows_dropped', message: `${aligned.dropped} row(s) lacking a value in some compared column were dropped for every model.` });
  }
  const first = prepared[0];
  const result: ComparisonResult = {
    schema: COMPARISON_SCHEMA,
    task: spec.task,
    rows: aligned.tasks[0].rows,
    backend: { name: kernels.name, device: kernels.device },
    columns: { label: spec.label, ...(spec.weight !== undefined ? { weight: spec.weight } : {}), ...(spec.by?.length ? { by: spec.by } : {}) },
    candidate: names[0],
    baselines: names.slice(1),
    options: { ...first.options, ci: level, bootstrap: replicates, seed: intervals.seed },
    models: main.models,
    comparisons: main.comparisons,
    warnings: [],
    timing_ms: {},
  };
  if (spec.by !== undefined && spec.by.length > 0) {
    const { slices, small } = await compareSlices(table, spec.by, aligned.sourceRows, models, kernels, intervals, minSliceRows);
    result.slices = slices;
    if (small.length > 0) {
      warnings.push({
        code: 'small_slices',
        message: `${small.length} slice(s) with fewer than ${minSliceRows} rows are not compared: ${small.slice(0, 10).join(', ')}${small.length > 10 ? ', ...' : ''}.`,
      });
    }
  }
  if (aligned.dropped > 0 || spec.nan === 'drop') result.dropped_rows = aligned.dropped;
  result.warnings = dedupeWarnings(warnings);
  const elapsed = Math.round((performance.now() - started) * 10) / 10;
  result.timing_ms = { compute: elapsed, total: elapsed };
  return result;
}

/** The evaluation spec of one model: the comparison's options with the model's column(s) in the task's role. */
function modelSpec(spec: ComparisonSpec, column: string | string[]): EvaluationSpec {
  const common = { weight: spec.weight, nan: spec.nan, backend: spec.backend };
  if (typeof column !== 'string') {
    if (spec.task !== 'multiclass') {
      throw new ValidationError('invalid_argument', `A set of score columns (${column.join(', ')}) is a multiclass model; a ${spec.task} model is one column.`);
    }
    return { ...common, task: 'multiclass', label: spec.label, scores: column, classes: spec.classes, zeroDivision: spec.zeroDivision };
  }
  switch (spec.task) {
    case 'binary':
      return {
        ...common, task: 'binary', label: spec.label, score: column, posLabel: spec.posLabel, threshold: spec.threshold,
        beta: spec.beta, zeroDivision: spec.zeroDivision,
      };
    case 'regression':
      return { ...common, task: 'regression', label: spec.label, pred: column, quantile: spec.quantile };
    case 'multiclass':
      return { ...common, task: 'multiclass', label: spec.label, pred: column, classes: spec.classes, zeroDivision: spec.zeroDivision };
  }
}

/** The models' names: as given, else each column, or a set's common prefix. */
function modelNames(spec: ComparisonSpec, columns: ReadonlyArray<string | string[]>): string[] {
  if (spec.names !== undefined) {
    if (spec.names.length !== columns.length) {
      throw new ValidationError('invalid_argument', `names has ${spec.names.length} entries for ${columns.length} models (the candidate and each baseline).`);
    }
  }
  return columns.map((c, i) => {
    const given = spec.names?.[i];
    if (given !== undefined) return given;
    if (typeof c === 'string') return c;
    let prefix = c[0] ?? '';
    for (const name of c) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
    prefix = prefix.replace(/[_\-. ]+$/, '');
    return prefix !== '' && !c.includes(prefix) ? prefix : c.join(',');
  });
}

/** Class flags and each model's scores on the compared rows (already validated by the tasks). */
function binaryScores(
  table: Table, spec: ComparisonSpec, names: readonly string[], rows: Uint32Array | undefined,
): AlignedModels['binary'] {
  const take = <T extends Float64Array | Float32Array | Int32Array>(v: T): T => (rows === undefined ? v : gatherRows(v, rows));
  const labels = toLabelCodes(getColumn(table, spec.label), spec.label);
  const scores = names.map((name) => take(toNumericArray(getColumn(table, name), name).values));
  const flags = prepareBinaryRows(
    { label: { codes: take(labels.codes), classes: labels.classes, kind: labels.kind }, score: scores[0], names: { label: spec.label, score: names[0] } },
    { posLabel: spec.posLabel },
  );
  return { positive: flags.rows.positive, scores };
}

async function compareSlices(
  table: Table, by: string[], sourceRows: Uint32Array | undefined, models: AlignedModels, kernels: Kernels,
  intervals: CompareIntervalOptions, minSliceRows: number,
): Promise<{ slices: ComparisonSlice[]; small: string[] }> {
  const slices: ComparisonSlice[] = [];
  const small: string[] = [];
  for (const slice of sliceRows(table, by, sourceRows)) {
    const value = slice.values.length === 1 ? slice.values[0] : slice.values;
    if (slice.indices.length < minSliceRows) {
      small.push(`${JSON.stringify(value)} (${slice.indices.length} rows)`);
      continue;
    }
    const sub: AlignedModels = {
      names: models.names,
      columns: models.columns,
      tasks: models.tasks.map((t: PreparedTask) => t.subset(slice.indices)),
      binary: models.binary === undefined ? undefined : {
        positive: gatherRows(models.binary.positive, slice.indices),
        scores: models.binary.scores.map((s) => gatherRows(s, slice.indices)),
      },
    };
    const result = await compareAligned(sub, kernels, intervals);
    const entry: ComparisonSlice = { column: by.join(','), value, rows: slice.indices.length, models: result.models, comparisons: result.comparisons };
    if (result.warnings.length > 0) entry.warnings = dedupeWarnings(result.warnings);
    slices.push(entry);
  }
  return { slices, small };
}
