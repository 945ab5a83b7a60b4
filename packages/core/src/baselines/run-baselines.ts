import { makeVector, Table, type Vector } from 'apache-arrow';
import { getColumn } from '../columns/get-column.js';
import { toLabelCodes } from '../columns/to-label-codes.js';
import { toNumericArray } from '../columns/to-numeric-array.js';
import { isModelperfError, ModelperfError, ValidationError } from '../errors.js';
import { dedupeWarnings } from '../evaluate/evaluate-binary.js';
import { evaluateTable } from '../evaluate/evaluate-table.js';
import type { EvaluationSpec } from '../evaluate/evaluation-spec.js';
import { loadTfjs, loadTfjsGpu, type LoadedTfjs } from '../kernels/tfjs/load-tfjs.js';
import type { LabelValue } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import { BASELINE_REPORT_SCHEMA, type BaselineEvaluation, type BaselineModelInfo, type BaselineReport } from './baseline-report.js';
import { resolveBaselineSpec, type BaselineSpec } from './baseline-spec.js';
import { dummyPredictions, trainingSlices, type DummyTraining, type ModelPredictions } from './dummy-columns.js';
import { fitItemPopularity, popularityScores } from './popularity-baseline.js';
import { fitTrainedBaseline, type TrainedBaseline } from './trained-baseline.js';

/** A named split to evaluate the baselines on. */
export interface BaselineSplit {
  readonly name: string;
  readonly table: Table;
}

/** The report and, per evaluation split, the table of predictions (`row` plus one column per model and class). */
export interface BaselineRun {
  report: BaselineReport;
  predictions: Table[];
}

/**
 * Fits the baselines of a task on a training split and evaluates them on the training split and each evaluation
 * split with the ordinary evaluators.
 *
 * @remarks
 * Dummies (prior / most_frequent / stratified / uniform for classification, mean / median / quantile for regression,
 * popularity for ranking) come from training statistics alone; with `by` they are also fitted per slice. The trained
 * baseline is logistic regression (classification) or ridge (regression) on the preprocessed features, fitted on
 * the training split only. Prediction columns: `<model>_score` (binary: probability of the positive class, the
 * second training class; regression: the prediction; ranking: the score) or `<model>_p<k>` (multiclass, per class).
 *
 * @param train - the training split
 * @param splits - evaluation splits (at least one)
 * @param spec - task, label, features, models and options
 * @returns the report and prediction tables
 * @throws SchemaError for missing columns (the label in training, a feature in a split); ValidationError for bad
 * labels (missing, one class) or options
 * @example
 * ```ts
 * import { runBaselines } from '@modelperf/core';
 * import { tableFromArrays } from 'apache-arrow';
 * const train = tableFromArrays({ x: Float64Array.of(-2, -1, 0, 1, 2, 3), y: Int8Array.of(0, 0, 1, 0, 1, 1) });
 * const test = tableFromArrays({ x: Float64Array.of(-1.5, 2.5), y: Int8Array.of(0, 1) });
 * const { report, predictions } = await runBaselines(train, [{ name: 'test', table: test }], { task: 'binary', label: 'y' });
 * console.log(report.models.map((m) => m.model).join(', ')); // prior, most_frequent, stratified, uniform, logistic
 * console.log(predictions[0].schema.fields.map((f) => f.name).join(', ')); // row, prior_score, most_frequent_score, ...
 * console.log(report.baselines.find((b) => b.model === 'logistic' && b.split === 'test')?.metrics.roc_auc); // 1
 * ```
 */
export async function runBaselines(train: Table, splits: BaselineSplit[], spec: BaselineSpec): Promise<BaselineRun> {
  const started = performance.now();
  if (splits.length === 0) throw new ValidationError('invalid_argument', 'Give at least one evaluation split (--eval).');
  const resolved = resolveBaselineSpec(train, spec);
  const warnings: ReportWarning[] = [];
  const quantile = spec.quantile ?? 0.9;
  const seed = spec.seed ?? 0;
  const classification = spec.task === 'binary' || spec.task === 'multiclass';
  let classes: LabelValue[] | undefined;
  let codes: Int32Array | undefined;
  let targets: Float64Array | undefined;
  if (classification) {
    const coded = toLabelCodes(getColumn(train, spec.label), spec.label);
    if (coded.nullCount > 0) {
      throw new ValidationError('null_value', `The label \`${spec.label}\` is missing in ${coded.nullCount} training row(s), first at row ${coded.firstNullRow}; drop those rows from the training file.`);
    }
    if (coded.classes.length < 2) {
      throw new ValidationError('invalid_input', `The label \`${spec.label}\` has a single class (${JSON.stringify(coded.classes[0] ?? null)}) in the training split; a classifier needs at least two.`);
    }
    if (spec.task === 'binary' && coded.classes.length > 2) {
      throw new ValidationError('invalid_input', `The label \`${spec.label}\` has ${coded.classes.length} classes in training; use --task multiclass.`);
    }
    ({ classes, codes } = coded);
  } else {
    const values = toNumericArray(getColumn(train, spec.label), spec.label).values;
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new ValidationError('null_value', `The ${spec.task === 'ranking' ? 'relevance' : 'target'} \`${spec.label}\` is ${values[bad]} at training row ${bad}; drop or fix that row.`);
    targets = Float64Array.from(values);
  }
  const slices = spec.by?.length ? trainingSlices(train, spec.by) : undefined;
  const dummyTraining: DummyTraining = { codes, classes: classes?.length, targets: spec.task === 'regression' ? targets : undefined, quantile, seed, slices, by: spec.by };
  const models: BaselineModelInfo[] = [];
  let trained: TrainedBaseline | undefined;
  if (resolved.trained !== undefined) {
    const tfjs = await tfjsFor(spec.backend ?? 'js');
    trained = fitTrainedBaseline(train, {
      kind: resolved.trained, features: resolved.features, maxCategories: spec.maxCategories, l2: spec.l2, maxIter: spec.maxIter,
      codes, classes, targets, tfjs,
    }, warnings);
  }
  const popularity = spec.task === 'ranking' && resolved.dummies
    ? fitItemPopularity(getColumn(train, spec.item as string), targets as Float64Array, spec.item as string)
    : undefined;
  const fitted = performance.now();

  const names = uniqueNames(['train', ...splits.map((s) => s.name)]);
  const all = [{ name: names[0], table: train }, ...splits.map((s, i) => ({ name: names[i + 1], table: s.table }))];
  const baselines: BaselineEvaluation[] = [];
  const predictionTables: Table[] = [];
  for (const [index, split] of all.entries()) {
    const splitWarnings: ReportWarning[] = [];
    if (classes !== undefined && index > 0) withSplitName(split.name, () => checkSplitLabels(split.table, spec.label, classes as LabelValue[]));
    const predictions = withSplitName(split.name, () => {
      const list: ModelPredictions[] = [];
      if (resolved.dummies && spec.task !== 'ranking') list.push(...dummyPredictions(dummyTraining, split.table, splitWarnings));
      if (popularity !== undefined) {
        const { scores, unseen } = popularityScores(popularity, getColumn(split.table, spec.item as string), spec.item as string);
        if (unseen > 0 && index > 0) splitWarnings.push({ code: 'unseen_items', message: `${unseen} row(s) have an item unseen in training; their popularity is 0.` });
        list.push({ model: 'popularity', width: 1, values: scores });
      }
      if (trained !== undefined) list.push(trained.predict(split.table, splitWarnings));
      return list;
    });
    if (index === 0) models.push(...predictions.map((p) => infoOf(p.model, trained, classes, dummyTraining, popularity?.items)));
    const columns = predictionColumns(predictions, spec.task);
    if (index > 0) predictionTables.push(new Table({ row: makeVector(Int32Array.from({ length: split.table.numRows }, (_, i) => i)), ...columns }));
    for (const p of predictions) {
      const evalSpec = evaluationSpec(spec, p, classes, quantile);
      const table = new Table({ ...contextColumns(split.table, spec), ...pick(columns, p, spec.task) });
      const report = await withSplitName(split.name, () => evaluateTable(table, evalSpec));
      const entry: BaselineEvaluation = { model: p.model, split: split.name, rows: report.rows, metrics: report.metrics };
      if (report.slices !== undefined) entry.slices = report.slices;
      if (report.warnings.length > 0) entry.warnings = report.warnings;
      baselines.push(entry);
    }
    warnings.push(...splitWarnings.map((w) => ({ code: w.code, message: `${split.name}: ${w.message}` })));
  }
  const done = performance.now();
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const report: BaselineReport = {
    schema: BASELINE_REPORT_SCHEMA, task: spec.task, label: spec.label, ...(classes ? { classes } : {}),
    train: { rows: train.numRows }, splits: all.slice(1).map((s) => ({ name: s.name, rows: s.table.numRows })),
    features: resolved.features, ...(trained ? { preprocessing: trained.preprocessor.toJSON() } : {}),
    models, baselines,
    options: {
      model: spec.model ?? 'all', seed, ...(spec.task === 'regression' ? { quantile } : {}),
      ...(trained ? { l2: trained.info.l2, max_categories: trained.preprocessor.toJSON().maxCategories } : {}),
      ...(spec.by?.length ? { by: spec.by } : {}),
    },
    warnings: dedupeWarnings(warnings),
    timing_ms: { fit: round(fitted - started), evaluate: round(done - fitted), total: round(done - started) },
  };
  return { report, predictions: predictionTables };
}

/** Every label of an evaluation split must be a training class: the baselines predict only those. */
function checkSplitLabels(table: Table, label: string, classes: LabelValue[]): void {
  const coded = toLabelCodes(getColumn(table, label), label);
  const known = new Set(classes.map((c) => `${typeof c}:${String(c)}`));
  const unknown = coded.classes.findIndex((c) => !known.has(`${typeof c}:${String(c)}`));
  if (unknown < 0) return;
  const row = coded.codes.indexOf(unknown);
  throw new ValidationError(
    'invalid_input',
    `The label \`${label}\` holds ${JSON.stringify(coded.classes[unknown])} at row ${row}, a class the training split does not have (${classes.map((c) => JSON.stringify(c)).join(', ')}); the baselines predict only training classes: drop those rows or add the class to the training file.`,
  );
}

async function tfjsFor(backend: 'auto' | 'js' | 'tfjs'): Promise<LoadedTfjs | undefined> {
  if (backend === 'js') return undefined;
  if (backend === 'tfjs') return loadTfjs();
  if (backend === 'auto') return loadTfjsGpu();
  throw new ValidationError('invalid_argument', `Unknown backend "${String(backend)}"; expected auto, js or tfjs.`);
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n}#${count}`;
  });
}

/** Runs `fn`, prefixing the message of a modelperf error with the split it concerns. */
function withSplitName<T>(split: string, fn: () => T): T {
  try {
    const out = fn();
    if (out instanceof Promise) return out.catch((e: unknown) => { throw prefixed(split, e); }) as T;
    return out;
  } catch (error) {
    throw prefixed(split, error);
  }
}

function prefixed(split: string, error: unknown): unknown {
  if (!isModelperfError(error) || error.code === 'internal') return error;
  const Kind = error.constructor as new (code: ModelperfError['code'], message: string, options?: { cause?: unknown }) => ModelperfError;
  return new Kind(error.code, `Split "${split}": ${error.message}`, { cause: error });
}

function predictionColumns(predictions: ModelPredictions[], task: string): Record<string, Vector> {
  const out: Record<string, Vector> = {};
  for (const p of predictions) {
    if (p.width === 1) out[`${p.model}_score`] = makeVector(p.values);
    else if (task === 'binary') out[`${p.model}_score`] = makeVector(column(p, 1));
    else for (let k = 0; k < p.width; k++) out[`${p.model}_p${k}`] = makeVector(column(p, k));
  }
  return out;
}

function column(p: ModelPredictions, k: number): Float64Array {
  const rows = p.values.length / p.width;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = p.values[i * p.width + k];
  return out;
}

function scoreNames(p: ModelPredictions, task: string): string[] {
  return p.width === 1 || task === 'binary' ? [`${p.model}_score`] : Array.from({ length: p.width }, (_, k) => `${p.model}_p${k}`);
}

function pick(columns: Record<string, Vector>, p: ModelPredictions, task: string): Record<string, Vector> {
  return Object.fromEntries(scoreNames(p, task).map((n) => [n, columns[n]]));
}

/** The split's label, query and slicing columns, under their own names. */
function contextColumns(split: Table, spec: BaselineSpec): Record<string, Vector> {
  const names = [spec.label, ...(spec.task === 'ranking' ? [spec.query as string] : []), ...(spec.by ?? [])];
  return Object.fromEntries([...new Set(names)].map((n) => [n, getColumn(split, n) as unknown as Vector]));
}

function evaluationSpec(spec: BaselineSpec, p: ModelPredictions, classes: LabelValue[] | undefined, quantile: number): EvaluationSpec {
  const common = { by: spec.by, backend: 'js' as const };
  switch (spec.task) {
    case 'binary':
      return { ...common, task: 'binary', label: spec.label, score: `${p.model}_score`, posLabel: (classes as LabelValue[])[1] };
    case 'multiclass':
      return { ...common, task: 'multiclass', label: spec.label, scores: scoreNames(p, spec.task), classes };
    case 'regression':
      return { ...common, task: 'regression', label: spec.label, pred: `${p.model}_score`, quantile };
    default:
      return { ...common, task: 'ranking', query: spec.query as string, label: spec.label, score: `${p.model}_score` };
  }
}

function infoOf(
  model: string, trained: TrainedBaseline | undefined, classes: LabelValue[] | undefined, training: DummyTraining, items?: number,
): BaselineModelInfo {
  if (trained !== undefined && model === trained.info.model) return trained.info;
  if (model === 'popularity') return { model, kind: 'popularity', definition: `summed training relevance of each item (${items ?? 0} items; unseen items 0)` };
  const base = model.replace(/_per_slice$/, '');
  const perSlice = base !== model ? ' within the row\'s slice of the training split' : '';
  const definitions: Record<string, string> = {
    prior: `the training class shares${perSlice} (classes ${JSON.stringify(classes)})`,
    most_frequent: `probability 1 on the most frequent training class${perSlice}`,
    stratified: `a one-hot class drawn per row with the training class shares${perSlice} (seed ${training.seed})`,
    uniform: 'probability 1/K for every class',
    mean: `the training mean${perSlice}`,
    median: `the training median${perSlice}`,
    quantile: `the training ${training.quantile} quantile${perSlice} (numpy linear interpolation)`,
  };
  return { model, kind: 'dummy', definition: definitions[base] ?? base };
}

