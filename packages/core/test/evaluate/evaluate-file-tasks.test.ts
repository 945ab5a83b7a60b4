import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Int32, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { isModelperfError } from '../../src/errors.js';
import { evaluateFile, type EvaluateFileSpec } from '../../src/evaluate/evaluate-file.js';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import type { Report, ReportInterval } from '../../src/report/report.js';
import { writeTableFile } from '../../src/io/write-table-file.js';
import { loadMulticlassFixture } from '../metrics/multiclass/multiclass-fixtures.js';
import { loadMultilabelFixture } from '../metrics/multilabel/multilabel-fixtures.js';
import { loadRankingFixture } from '../metrics/ranking/ranking-fixtures.js';
import { loadRegressionFixture } from '../metrics/regression/regression-fixtures.js';
import { expectArrayClose, expectClose, fixtureTable, loadBinaryFixture } from '../support/fixtures.js';
import {
  FILE_FORMATS, multiclassFixtureTable, multilabelFixtureTable, rankingFixtureTable, regressionFixtureTable, writeInEveryFormat,
} from './task-fixture-tables.js';

const BACKENDS = ['js', 'tfjs'] as const;
const dir = mkdtempSync(join(tmpdir(), 'modelperf-evaluate-file-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files are written once per case and shared by both backends. */
const written = new Map<string, ReturnType<typeof writeInEveryFormat>>();
function filesFor(stem: string, table: () => Table): ReturnType<typeof writeInEveryFormat> {
  let files = written.get(stem);
  if (files === undefined) {
    files = writeInEveryFormat(dir, stem, table());
    written.set(stem, files);
  }
  return files;
}

/** Evaluates the same data in every format; asserts the metrics agree exactly across formats and returns the reports. */
async function evaluateEveryFormat(stem: string, table: () => Table, spec: EvaluateFileSpec): Promise<Report[]> {
  const files = await filesFor(stem, table);
  const reports: Report[] = [];
  for (const format of FILE_FORMATS) {
    const report = await evaluateFile(files[format], spec);
    expect(report.input?.format, format).toBe(format);
    expect(report.backend.name).toBe(spec.backend);
    reports.push(report);
  }
  for (let i = 1; i < reports.length; i++) {
    expect(reports[i].metrics, `${FILE_FORMATS[i]} vs arrow`).toEqual(reports[0].metrics);
    expect(reports[i].rows).toBe(reports[0].rows);
  }
  return reports;
}

async function expectRejects(promise: Promise<unknown>, code: string, pattern: RegExp, kind?: string): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error, 'expected a rejection').toBeDefined();
  expect(isModelperfError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  if (kind !== undefined) expect((error as Error).name).toBe(kind);
  expect((error as Error).message).toMatch(pattern);
}

describe.each(BACKENDS)('evaluateFile over arrow, parquet and csv equals scikit-learn (%s backend)', (backend) => {
  it.each(['hand_3class_argmax_ties', 'weighted_4class_1500', 'pred_only_weighted_4class'])('multiclass %s', async (name) => {
    const f = loadMulticlassFixture(name);
    const { k, scores, weights, top_k: topK, zero_division: zeroDivision } = f.inputs;
    const spec: EvaluateFileSpec = {
      task: 'multiclass',
      label: 'y',
      ...(scores !== null ? { scores: Array.from({ length: k }, (_, c) => `p${c}`) } : { pred: 'pred' }),
      weight: weights !== null ? 'w' : undefined,
      topK: topK ?? undefined,
      zeroDivision,
      backend,
    };
    for (const report of await evaluateEveryFormat(`multiclass-${name}`, () => multiclassFixtureTable(f), spec)) {
      expect(report.task).toBe('multiclass');
      expect(Object.keys(report.metrics).sort()).toEqual(Object.keys(f.expected.metrics).sort());
      for (const key of f.expected.omitted) expect(report.metrics, key).not.toHaveProperty(key);
      for (const [key, value] of Object.entries(f.expected.metrics)) {
        expectClose(report.metrics[key], value, key === 'log_loss' ? 1e-6 : 1e-9, key);
      }
      const perClass = report.per_class!;
      expect(perClass.map((c) => c.class)).toEqual(Array.from({ length: k }, (_, c) => c));
      f.expected.per_class.forEach((e, c) => {
        expectClose(perClass[c].precision, e.precision, 1e-9, `precision[${c}]`);
        expectClose(perClass[c].recall, e.recall, 1e-9, `recall[${c}]`);
        expectClose(perClass[c].f1, e.f1, 1e-9, `f1[${c}]`);
        expectClose(perClass[c].support, e.support, 1e-9, `support[${c}]`);
      });
      expect(report.confusion_matrix!.labels).toEqual(Array.from({ length: k }, (_, c) => c));
      expectArrayClose(report.confusion_matrix!.matrix.flat(), f.expected.confusion_matrix.flat(), 1e-9, 'confusion');
    }
  });

  it.each(['small_hand', 'weighted_5labels', 'tied_scores'])('multilabel %s', async (name) => {
    const f = loadMultilabelFixture(name);
    const l = f.inputs.labels.length;
    const spec: EvaluateFileSpec = {
      task: 'multilabel',
      labels: Array.from({ length: l }, (_, j) => `y${j}`),
      scores: Array.from({ length: l }, (_, j) => `s${j}`),
      weight: f.inputs.weights !== null ? 'w' : undefined,
      threshold: f.inputs.threshold,
      zeroDivision: f.inputs.zero_division,
      backend,
    };
    for (const report of await evaluateEveryFormat(`multilabel-${name}`, () => multilabelFixtureTable(f), spec)) {
      expect(Object.keys(report.metrics).sort()).toEqual(Object.keys(f.expected.metrics).sort());
      for (const [key, value] of Object.entries(f.expected.metrics)) expectClose(report.metrics[key], value, 1e-9, key);
      const perLabel = report.per_class!;
      expect(perLabel.map((c) => c.class)).toEqual(spec.labels);
      expectArrayClose(perLabel.map((c) => c.precision), f.expected.per_label.precision, 1e-9, 'precision');
      expectArrayClose(perLabel.map((c) => c.recall), f.expected.per_label.recall, 1e-9, 'recall');
      expectArrayClose(perLabel.map((c) => c.f1), f.expected.per_label.f1, 1e-9, 'f1');
      expectArrayClose(perLabel.map((c) => c.support), f.expected.per_label.support, 1e-9, 'support');
    }
  });

  it.each(['small_hand', 'weighted_500', 'negative_targets'])('regression %s', async (name) => {
    const f = loadRegressionFixture(name);
    const spec: EvaluateFileSpec = {
      task: 'regression', label: 'y', pred: 'yhat', weight: f.inputs.weights !== null ? 'w' : undefined, quantile: f.inputs.quantile, backend,
    };
    for (const report of await evaluateEveryFormat(`regression-${name}`, () => regressionFixtureTable(f), spec)) {
      expect(Object.keys(report.metrics).sort()).toEqual(Object.keys(f.expected.metrics).sort());
      for (const [key, value] of Object.entries(f.expected.metrics)) expectClose(report.metrics[key], value, 1e-9, key);
      for (const key of f.expected.omitted) {
        expect(report.metrics).not.toHaveProperty(key);
        expect(report.warnings.some((w) => w.code === 'metric_domain' && w.message.startsWith(`${key} omitted:`)), key).toBe(true);
      }
      const residuals = report.residuals as { quantiles: Array<{ q: number; value: number }>; mean: number; std: number; min: number; max: number };
      expect(residuals.quantiles.map((x) => x.q)).toEqual(f.expected.residual_quantiles.map(([q]) => q));
      residuals.quantiles.forEach(({ value }, i) => expectClose(value, f.expected.residual_quantiles[i][1], 1e-9, `residual q${i}`));
      expectClose(residuals.mean, f.expected.residual_stats.mean, 1e-9, 'residual mean');
      expectClose(residuals.std, f.expected.residual_stats.std, 1e-9, 'residual std');
      expect(residuals.min).toBe(f.expected.residual_stats.min);
      expect(residuals.max).toBe(f.expected.residual_stats.max);
    }
  });

  it.each(['small_hand', 'graded_200_queries', 'exponential_gain'])('ranking %s', async (name) => {
    const f = loadRankingFixture(name);
    const spec: EvaluateFileSpec = { task: 'ranking', query: 'qid', label: 'rel', score: 'score', k: f.inputs.k, gain: f.inputs.gain, backend };
    for (const report of await evaluateEveryFormat(`ranking-${name}`, () => rankingFixtureTable(f), spec)) {
      expect(Object.keys(report.metrics).sort()).toEqual(Object.keys(f.expected.metrics).sort());
      for (const [key, value] of Object.entries(f.expected.metrics)) expectClose(report.metrics[key], value, 1e-9, key);
      expect(report.ranking).toEqual({ queries: f.expected.queries, excluded_queries: f.expected.excluded_queries });
      expect(report.warnings.some((w) => w.code === 'no_relevant_documents')).toBe(f.expected.excluded_queries > 0);
    }
  });
});

/** A binary fixture's table with a `segment` column (a, b, c by row) and a null-free weight. */
function segmentedBinaryTable(): Table {
  const base = fixtureTable(loadBinaryFixture('random_logistic_1000'));
  const n = base.numRows;
  const segments = Array.from({ length: n }, (_, i) => ['a', 'b', 'c'][(i * 7) % 3]);
  const columns: Record<string, Vector> = {
    y: base.getChild('y')!,
    p: base.getChild('p')!,
    w: vectorFromArray(Array.from({ length: n }, (_, i) => 0.5 + (i % 4)), new Float64()),
    segment: vectorFromArray(segments, new Utf8()),
  };
  return new Table(columns);
}

/** The rows of a table at these positions, as a new table. */
function takeRows(table: Table, indices: readonly number[]): Table {
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    columns[field.name] = vectorFromArray(indices.map((i) => column.get(i) as unknown), field.type);
  }
  return new Table(columns);
}

describe('evaluateFile slices and intervals (binary)', () => {
  const table = segmentedBinaryTable();
  const path = join(dir, 'segmented.arrow');

  it.each(BACKENDS)('gives each slice the metrics of its rows alone (%s)', async (backend) => {
    await writeTableFile(path, table, 'arrow');
    const spec = { task: 'binary', label: 'y', score: 'p', weight: 'w', backend } as const;
    const report = await evaluateFile(path, { ...spec, by: ['segment'] });
    const whole = await evaluateTable(table, spec);
    expect(report.metrics).toEqual(whole.metrics);
    expect(report.columns.by).toEqual(['segment']);
    const slices = report.slices!;
    expect(slices.map((s) => s.value)).toEqual(['a', 'b', 'c']);
    expect(slices.reduce((sum, s) => sum + s.rows, 0)).toBe(report.rows);
    const segment = table.getChild('segment')!;
    for (const slice of slices) {
      expect(slice.column).toBe('segment');
      const rows = Array.from({ length: table.numRows }, (_, i) => i).filter((i) => segment.get(i) === slice.value);
      expect(slice.rows).toBe(rows.length);
      const alone = await evaluateTable(takeRows(table, rows), spec);
      expect(Object.keys(slice.metrics).sort()).toEqual(Object.keys(alone.metrics).sort());
      for (const [key, value] of Object.entries(alone.metrics)) expectClose(slice.metrics[key], value, 1e-12, `${String(slice.value)} ${key}`);
    }
  });

  it('gives a DeLong ROC AUC interval and seeded bootstrap intervals for the rest', async () => {
    await writeTableFile(path, table, 'arrow');
    const spec: EvaluateFileSpec = { task: 'binary', label: 'y', score: 'p', ci: 0.95, bootstrap: 60, seed: 11, backend: 'js' };
    const report = await evaluateFile(path, spec);
    const intervals = report.intervals!;
    const auc = intervals.roc_auc;
    expect(auc.method).toBe('delong');
    expect(auc.level).toBe(0.95);
    expect(auc.low).toBeLessThan(report.metrics.roc_auc);
    expect(auc.high).toBeGreaterThan(report.metrics.roc_auc);
    expect(report.options).toMatchObject({ ci: 0.95, bootstrap: 60, seed: 11 });
    for (const key of ['accuracy', 'f1', 'average_precision', 'log_loss', 'brier_score_loss']) {
      const i: ReportInterval | undefined = intervals[key];
      expect(i, key).toBeDefined();
      expect(i!.method).toBe('bootstrap');
      expect(i!.replicates).toBe(60);
      expect(i!.level).toBe(0.95);
      expect(i!.low, key).toBeLessThanOrEqual(i!.high);
    }
    const again = await evaluateFile(path, spec);
    expect(again.intervals).toEqual(intervals);
    const other = await evaluateFile(path, { ...spec, seed: 12 });
    expect(other.intervals!.roc_auc).toEqual(auc);
    expect(other.intervals!.accuracy).not.toEqual(intervals.accuracy);
  });

  it('gives every slice its own intervals', async () => {
    await writeTableFile(path, table, 'arrow');
    const report = await evaluateFile(path, { task: 'binary', label: 'y', score: 'p', by: ['segment'], ci: 0.9, bootstrap: 30, backend: 'js' });
    for (const slice of report.slices!) {
      expect(slice.intervals!.roc_auc.method).toBe('delong');
      expect(slice.intervals!.accuracy.method).toBe('bootstrap');
    }
  });
});

describe('evaluateFile nan policy (regression)', () => {
  it('drops rows with null or NaN and reports dropped_rows', async () => {
    const y = [1.5, 2, NaN, 4, 5.25, 6, 7];
    const yhat: Array<number | null> = [1, 2.5, 3, null, 5, 6.5, 6];
    const table = new Table({ y: vectorFromArray(y, new Float64()), yhat: vectorFromArray(yhat, new Float64()) });
    const keep = [0, 1, 4, 5, 6];
    const clean = new Table({
      y: vectorFromArray(keep.map((i) => y[i]), new Float64()),
      yhat: vectorFromArray(keep.map((i) => yhat[i] as number), new Float64()),
    });
    const expected = await evaluateTable(clean, { task: 'regression', label: 'y', pred: 'yhat' });
    const files = await writeInEveryFormat(dir, 'regression-nan', table);
    for (const format of FILE_FORMATS) {
      const report = await evaluateFile(files[format], { task: 'regression', label: 'y', pred: 'yhat', nan: 'drop' });
      expect(report.dropped_rows, format).toBe(2);
      expect(report.rows).toBe(5);
      expect(report.metrics).toEqual(expected.metrics);
      expect(report.warnings.map((w) => w.code)).toContain('rows_dropped');
      await expectRejects(evaluateFile(files[format], { task: 'regression', label: 'y', pred: 'yhat' }), 'null_value', /`y`.*row 2.*--nan drop/);
    }
  });

  it('reports dropped_rows 0 with nan drop on clean data', async () => {
    const table = new Table({ y: vectorFromArray([1, 2, 3], new Float64()), yhat: vectorFromArray([1, 2, 2], new Float64()) });
    const path = join(dir, 'regression-clean.arrow');
    await writeTableFile(path, table, 'arrow');
    const report = await evaluateFile(path, { task: 'regression', label: 'y', pred: 'yhat', nan: 'drop' });
    expect(report.dropped_rows).toBe(0);
  });
});

describe('evaluateFile failure paths', () => {
  async function fileOf(name: string, columns: Record<string, Vector>): Promise<string> {
    const path = join(dir, `${name}.arrow`);
    await writeTableFile(path, new Table(columns), 'arrow');
    return path;
  }
  const f64 = (v: number[]): Vector => vectorFromArray(v, new Float64());
  const i32 = (v: number[]): Vector => vectorFromArray(v, new Int32());

  it('rejects a multiclass label outside the classes, naming column and row', async () => {
    const path = await fileOf('mc-outside', {
      y: i32([0, 1, 2, 3, 1]), p0: f64([0.5, 0.2, 0.1, 0.3, 0.3]), p1: f64([0.3, 0.6, 0.2, 0.3, 0.4]), p2: f64([0.2, 0.2, 0.7, 0.4, 0.3]),
    });
    await expectRejects(
      evaluateFile(path, { task: 'multiclass', label: 'y', scores: ['p0', 'p1', 'p2'] }),
      'invalid_input', /Column `y` holds 3 at row 3, which is not among the classes \(0, 1, 2\)/, 'ValidationError',
    );
    const pred = await fileOf('mc-outside-pred', { y: i32([0, 1, 2, 1]), pred: i32([0, 1, 2, 5]) });
    await expectRejects(
      evaluateFile(pred, { task: 'multiclass', label: 'y', pred: 'pred', classes: [0, 1, 2] }),
      'invalid_input', /Column `pred` holds 5 at row 3/, 'ValidationError',
    );
  });

  it('rejects a wrong number of --classes', async () => {
    const path = await fileOf('mc-classes', { y: i32([0, 1, 2]), p0: f64([0.6, 0.2, 0.2]), p1: f64([0.2, 0.6, 0.2]), p2: f64([0.2, 0.2, 0.6]) });
    await expectRejects(
      evaluateFile(path, { task: 'multiclass', label: 'y', scores: ['p0', 'p1', 'p2'], classes: ['a', 'b'] }),
      'invalid_argument', /--classes names 2 classes but there are 3 score columns/, 'ValidationError',
    );
  });

  it('rejects a multilabel label that is not 0/1, naming column and row', async () => {
    const path = await fileOf('ml-bad', { y0: i32([0, 1, 1]), y1: i32([1, 2, 0]), s0: f64([0.1, 0.8, 0.6]), s1: f64([0.7, 0.2, 0.9]) });
    await expectRejects(
      evaluateFile(path, { task: 'multilabel', labels: ['y0', 'y1'], scores: ['s0', 's1'] }),
      'invalid_input', /`y1` holds 2 at row 1.*0\/1/,
    );
  });

  it('rejects a ranking query with a single document', async () => {
    const path = await fileOf('rank-one', { qid: i32([3, 3, 17, 5, 5]), rel: f64([1, 0, 1, 0, 2]), score: f64([0.1, 0.2, 0.3, 0.4, 0.5]) });
    await expectRejects(
      evaluateFile(path, { task: 'ranking', query: 'qid', label: 'rel', score: 'score' }),
      'invalid_input', /Query `17` \(column `qid`\) has a single document/, 'ValidationError',
    );
  });

  it('rejects a non-numeric regression prediction', async () => {
    const path = await fileOf('reg-str', { y: f64([1, 2, 3]), yhat: vectorFromArray(['1.0', 'high', '3'], new Utf8()) });
    await expectRejects(
      evaluateFile(path, { task: 'regression', label: 'y', pred: 'yhat' }),
      'column_type', /Expected column `yhat` to be numeric, but it is/, 'SchemaError',
    );
  });

  it('warns that ranking has no intervals, and rejects ranking weights', async () => {
    const path = await fileOf('rank-ok', { qid: i32([1, 1, 2, 2]), rel: f64([1, 0, 0, 1]), score: f64([0.9, 0.1, 0.4, 0.6]), w: f64([1, 1, 1, 1]) });
    const report = await evaluateFile(path, { task: 'ranking', query: 'qid', label: 'rel', score: 'score', ci: 0.95 });
    expect(report.warnings.map((w) => w.code)).toContain('intervals_unsupported');
    expect(report.intervals).toBeUndefined();
    await expectRejects(
      evaluateFile(path, { task: 'ranking', query: 'qid', label: 'rel', score: 'score', weight: 'w' }),
      'invalid_argument', /ranking metrics take no sample weights/,
    );
  });
});
