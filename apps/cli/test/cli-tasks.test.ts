import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportToJson } from '@modelperf/core';
import { evaluateFile } from '@modelperf/core/node';
import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli-captured.js';
import { uniform } from './uniform.js';


/** Runs the CLI expecting success and JSON on stdout. */
async function json(args: string[]): Promise<Record<string, any>> {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, any>;
}

const dir = mkdtempSync(join(tmpdir(), 'modelperf-cli-tasks-'));
const file = (name: string): string => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeArrow(name: string, columns: Record<string, Vector>): string {
  writeFileSync(file(name), tableToIPC(new Table(columns), 'file'));
  return file(name);
}

const f64 = (v: number[]): Vector => vectorFromArray(v, new Float64());
const i32 = (v: number[]): Vector => vectorFromArray(v, new Int32());
const str = (v: string[]): Vector => vectorFromArray(v, new Utf8());
const N = 240;
const SEGMENTS = ['east', 'north', 'west'];

beforeAll(() => {
  const next = uniform(5);
  const segment = Array.from({ length: N }, (_, i) => SEGMENTS[i % 3]);

  // Multiclass: 3 classes, softmax-like scores that favour the true class, a hard prediction column too.
  const y: number[] = [];
  const p: number[][] = [[], [], []];
  const pred: number[] = [];
  for (let i = 0; i < N; i++) {
    const label = Math.floor(next() * 3);
    const raw = [0, 1, 2].map((c) => next() + (c === label ? 0.8 : 0));
    const sum = raw[0] + raw[1] + raw[2];
    y.push(label);
    raw.forEach((v, c) => p[c].push(v / sum));
    pred.push(raw.indexOf(Math.max(...raw)));
  }
  writeArrow('multiclass.arrow', {
    y: i32(y), p0: f64(p[0]), p1: f64(p[1]), p2: f64(p[2]), pred: i32(pred), segment: str(segment),
    w: f64(Array.from({ length: N }, (_, i) => 1 + (i % 3))),
  });

  // Multilabel: 3 labels, scores correlated with them.
  const ml: Record<string, Vector> = {};
  for (let j = 0; j < 3; j++) {
    const labels = Array.from({ length: N }, () => (next() < 0.4 ? 1 : 0));
    ml[`y${j}`] = i32(labels);
    ml[`s${j}`] = f64(labels.map((l) => Math.min(1, Math.max(0, 0.3 * l + 0.7 * next()))));
  }
  writeArrow('multilabel.arrow', { ...ml, segment: str(segment) });

  // Regression: positive targets (so every deviance is defined), noisy predictions.
  const target = Array.from({ length: N }, () => 1 + 9 * next());
  writeArrow('regression.arrow', {
    y: f64(target), yhat: f64(target.map((t) => t + (next() - 0.5) * 2)), segment: str(segment),
  });

  // Ranking: 30 queries of 8 documents, graded relevance 0..3.
  const qid: number[] = [];
  const rel: number[] = [];
  const score: number[] = [];
  for (let q = 0; q < 30; q++) {
    for (let d = 0; d < 8; d++) {
      const r = Math.floor(next() * 4);
      qid.push(100 + q);
      rel.push(r);
      score.push(r * 0.2 + next());
    }
  }
  writeArrow('ranking.arrow', { qid: i32(qid), rel: f64(rel), score: f64(score), segment: str(qid.map((q) => SEGMENTS[q % 3])) });

  // Binary, for the slice and interval tables.
  const by = Array.from({ length: N }, () => (next() < 0.4 ? 1 : 0));
  writeArrow('binary.arrow', { y: i32(by), p: f64(by.map((l) => Math.min(1, 0.35 * l + 0.65 * next()))), segment: str(segment) });
});

const MULTICLASS = ['evaluate', file('multiclass.arrow'), '--task', 'multiclass', '--label', 'y', '--scores', 'p0,p1,p2'];
const MULTILABEL = ['evaluate', file('multilabel.arrow'), '--task', 'multilabel', '--labels', 'y0,y1,y2', '--scores', 's0,s1,s2'];
const REGRESSION = ['evaluate', file('regression.arrow'), '--task', 'regression', '--label', 'y', '--pred', 'yhat'];
const RANKING = ['evaluate', file('ranking.arrow'), '--task', 'ranking', '--query', 'qid', '--label', 'rel', '--score', 'score'];

describe('modelperf evaluate: JSON reports per task', () => {
  it('multiclass with score columns', async () => {
    const report = await json([...MULTICLASS, '--top-k', '2']);
    expect(report.task).toBe('multiclass');
    expect(report.rows).toBe(N);
    for (const key of ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_micro', 'f1_weighted', 'precision_macro', 'recall_macro',
      'matthews_corrcoef', 'cohen_kappa', 'log_loss', 'roc_auc_ovr_macro', 'roc_auc_ovr_weighted', 'roc_auc_ovo_macro', 'top_2_accuracy']) {
      expect(typeof report.metrics[key], key).toBe('number');
    }
    expect(report.per_class.map((c: { class: number }) => c.class)).toEqual([0, 1, 2]);
    expect(report.per_class.reduce((s: number, c: { support: number }) => s + c.support, 0)).toBe(N);
    expect(report.confusion_matrix.labels).toEqual([0, 1, 2]);
    expect((report.confusion_matrix.matrix as number[][]).flat().reduce((a, b) => a + b, 0)).toBe(N);
    expect(report.options.top_k).toBe(2);
    // The CLI adds nothing to the numbers: they are evaluateFile's.
    const direct = JSON.parse(reportToJson(await evaluateFile(file('multiclass.arrow'), {
      task: 'multiclass', label: 'y', scores: ['p0', 'p1', 'p2'], topK: 2, backend: 'auto',
    })));
    expect(report.metrics).toEqual(direct.metrics);
  });

  it('multiclass with hard predictions, weights and class names', async () => {
    const report = await json(['evaluate', file('multiclass.arrow'), '--task', 'multiclass', '--label', 'y', '--pred', 'pred', '--weight', 'w']);
    expect(report.columns).toMatchObject({ label: 'y', pred: 'pred', weight: 'w' });
    expect(report.metrics).toHaveProperty('f1_macro');
    expect(report.metrics).not.toHaveProperty('roc_auc_ovr_macro');
    expect(report.metrics).not.toHaveProperty('log_loss');
    const named = await json([...MULTICLASS, '--classes', '0,1,2']);
    expect(named.confusion_matrix.labels.map(String)).toEqual(['0', '1', '2']);
  });

  it('multilabel', async () => {
    const report = await json(MULTILABEL);
    expect(report.task).toBe('multilabel');
    for (const key of ['hamming_loss', 'subset_accuracy', 'f1_micro', 'f1_macro', 'f1_samples', 'jaccard_samples',
      'label_ranking_average_precision', 'coverage_error', 'label_ranking_loss']) {
      expect(typeof report.metrics[key], key).toBe('number');
    }
    expect(report.per_class.map((c: { class: string }) => c.class)).toEqual(['y0', 'y1', 'y2']);
  });

  it('regression', async () => {
    const report = await json([...REGRESSION, '--quantile', '0.9']);
    expect(report.task).toBe('regression');
    for (const key of ['mse', 'rmse', 'mae', 'median_absolute_error', 'max_error', 'r2', 'explained_variance', 'mape',
      'msle', 'mean_poisson_deviance', 'mean_gamma_deviance', 'd2_absolute_error_score', 'mean_pinball_loss']) {
      expect(typeof report.metrics[key], key).toBe('number');
    }
    expect(report.metrics.rmse).toBeCloseTo(Math.sqrt(report.metrics.mse), 12);
    expect(report.options.quantile).toBe(0.9);
    expect(report.residuals.quantiles.length).toBeGreaterThan(0);
    expect(typeof report.residuals.mean).toBe('number');
  });

  it('ranking', async () => {
    const report = await json([...RANKING, '--k', '3,5']);
    expect(report.task).toBe('ranking');
    for (const key of ['ndcg_at_3', 'ndcg_at_5', 'map', 'mrr', 'precision_at_5', 'recall_at_5', 'hit_rate_at_3']) {
      expect(typeof report.metrics[key], key).toBe('number');
    }
    expect(report.metrics).not.toHaveProperty('ndcg_at_10');
    expect(report.ranking.queries).toBe(30);
    const defaults = await json(RANKING);
    expect(Object.keys(defaults.metrics)).toEqual(expect.arrayContaining(['ndcg_at_5', 'ndcg_at_10', 'map']));
  });
});

describe('modelperf evaluate: readable tables', () => {
  it('prints the per-class table and confusion matrix for multiclass', async () => {
    const r = await cli(MULTICLASS, true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('modelperf — multiclass — 240 rows');
    expect(r.stdout).toMatch(/f1_macro\s+f1 macro\s+0\.\d+/);
    expect(r.stdout).toContain('confusion matrix (rows: actual, columns: predicted)');
    expect(r.stdout).toMatch(/pred 0\s+pred 1\s+pred 2/);
    expect(r.stdout).toMatch(/per class\n\s+class\s+precision\s+recall\s+f1\s+support\n\s+0\s+0\.\d+/);
  });

  it('prints the per-label table for multilabel', async () => {
    const r = await cli(MULTILABEL, true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/hamming_loss\s+Hamming loss\s+0\.\d+\s+\(lower is better\)/);
    expect(r.stdout).toMatch(/per label\n\s+class\s+precision\s+recall\s+f1\s+support\n\s+"y0"/);
  });

  it('prints residual quantiles for regression', async () => {
    const r = await cli(REGRESSION, true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rmse\s+root mean squared error\s+0\.\d+\s+\(lower is better\)/);
    expect(r.stdout).toMatch(/residuals \(label - prediction\): mean -?\d/);
  });

  it.each([
    ['binary', ['evaluate', file('binary.arrow'), '--label', 'y', '--score', 'p'], /roc_auc\s+average_precision\s+accuracy\s+f1\s+prevalence/],
    ['multiclass', MULTICLASS, /accuracy\s+balanced_accuracy\s+f1_macro\s+roc_auc_ovr_macro/],
    ['multilabel', MULTILABEL, /f1_micro\s+f1_macro\s+hamming_loss\s+subset_accuracy/],
    ['regression', REGRESSION, /rmse\s+mae\s+r2\s+mape/],
    ['ranking', RANKING, /ndcg_at_5\s+ndcg_at_10\s+map\s+mrr/],
  ])('prints a per-slice table for %s with --by segment', async (task, args, header) => {
    const r = await cli([...args, '--by', 'segment'], true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('per slice of segment');
    expect(r.stdout).toMatch(new RegExp(`slice\\s+rows\\s+${header.source}`));
    for (const s of SEGMENTS) expect(r.stdout, `${task} ${s}`).toMatch(new RegExp(`"${s}"\\s+\\d+\\s+-?\\d`));
    const report = await json([...args, '--by', 'segment']);
    expect(report.slices.map((s: { value: string }) => s.value)).toEqual(SEGMENTS);
    expect(report.slices.reduce((sum: number, s: { rows: number }) => sum + s.rows, 0)).toBe(report.rows);
  });

  it.each([
    ['binary', ['evaluate', file('binary.arrow'), '--label', 'y', '--score', 'p'], 'roc_auc', true],
    ['multiclass', MULTICLASS, 'f1_macro', false],
    ['regression', REGRESSION, 'rmse', false],
    ['multilabel', MULTILABEL, 'hamming_loss', false],
  ] as const)('prints intervals for %s with --ci 0.9 --bootstrap 50', async (_task, args, key, delong) => {
    const r = await cli([...args, '--ci', '0.9', '--bootstrap', '50'], true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/metric\s+value\s+90% interval/);
    expect(r.stdout).toMatch(new RegExp(`${key}\\s+.*\\[-?[\\d.e-]+, -?[\\d.e-]+\\]${delong ? ' DeLong' : ''}`));
    const report = await json([...args, '--ci', '0.9', '--bootstrap', '50', '--seed', '4']);
    const interval = report.intervals[key];
    expect(interval.level).toBe(0.9);
    expect(interval.method).toBe(delong ? 'delong' : 'bootstrap');
    if (!delong) expect(interval.replicates).toBe(50);
    expect(interval.low).toBeLessThanOrEqual(interval.high);
    expect((await json([...args, '--ci', '0.9', '--bootstrap', '50', '--seed', '4'])).intervals).toEqual(report.intervals);
  });
});

describe('modelperf evaluate: task options', () => {
  it.each([
    ['regression without --pred', ['evaluate', file('regression.arrow'), '--task', 'regression', '--label', 'y'], /--task regression needs --pred\./],
    ['regression without --label and --pred', ['evaluate', file('regression.arrow'), '--task', 'regression'], /--label and --pred/],
    ['multiclass without --scores or --pred', ['evaluate', file('multiclass.arrow'), '--task', 'multiclass', '--label', 'y'], /--task multiclass needs --scores \(or --pred\)/],
    ['multilabel without --scores', ['evaluate', file('multilabel.arrow'), '--task', 'multilabel', '--labels', 'y0,y1'], /--task multilabel needs --scores/],
    ['ranking without --query', ['evaluate', file('ranking.arrow'), '--task', 'ranking', '--label', 'rel', '--score', 'score'], /--task ranking needs --query\./],
    ['an unknown task', ['evaluate', file('ranking.arrow'), '--task', 'clustering'], /--task.*clustering|choices/],
    ['a wrong number of --classes', [...MULTICLASS, '--classes', 'a,b'], /--classes names 2 classes but there are 3 score columns/],
    ['a label outside --classes', [...MULTICLASS, '--classes', 'a,b,c'], /Column `y` holds \d at row \d+, which is not among the classes \("a", "b", "c"\)/],
    ['a non-numeric regression prediction', ['evaluate', file('multiclass.arrow'), '--task', 'regression', '--label', 'p0', '--pred', 'segment'], /`segment`.*numeric/],
    ['a non-0/1 multilabel label', ['evaluate', file('multiclass.arrow'), '--task', 'multilabel', '--labels', 'y,pred', '--scores', 'p0,p1'], /`y` holds 2 at row \d+/],
  ])('%s exits 2 with a message naming it', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a query with a single document', async () => {
    writeArrow('one-doc.arrow', { qid: i32([1, 1, 2]), rel: f64([1, 0, 1]), score: f64([0.3, 0.2, 0.1]) });
    const r = await cli(['evaluate', file('one-doc.arrow'), '--task', 'ranking', '--query', 'qid', '--label', 'rel', '--score', 'score']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Query `2` \(column `qid`\) has a single document/);
  });

  it('warns that ranking has no confidence intervals', async () => {
    const report = await json([...RANKING, '--ci', '0.95']);
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('intervals_unsupported');
    expect(report.intervals).toBeUndefined();
    const r = await cli([...RANKING, '--ci', '0.95'], true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/warnings:\n\s+- Confidence intervals for ranking .*none are reported\./);
  });
});

describe('streaming: --stream, --curve-mode binned, stdin', () => {
  it('gives the whole-file metrics batch by batch, and binned stays within its AUC error bound', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'modelperf-stream-'));
    const file = join(dir, 'b.arrows');
    const gen = await cli(['generate', '--rows', '3000', '--seed', '2', '--out', file]);
    expect(gen.code, gen.stderr).toBe(0);
    const args = ['evaluate', file, '--label', 'label', '--score', 'score', '--format', 'json'];
    const whole = JSON.parse((await cli(args)).stdout);
    const streamed = JSON.parse((await cli([...args, '--stream', '--quiet'])).stdout);
    expect(streamed.options.streamed).toBe(true);
    expect(streamed.metrics.roc_auc).toBe(whole.metrics.roc_auc);
    expect(streamed.confusion_matrix).toEqual(whole.confusion_matrix);
    const binned = JSON.parse((await cli([...args, '--curve-mode', 'binned', '--bins', '256'])).stdout);
    expect(binned.options.curve_mode).toBe('binned');
    expect(Math.abs(binned.metrics.roc_auc - whole.metrics.roc_auc)).toBeLessThanOrEqual(binned.metrics.roc_auc_max_error);
    const refused = await cli([...args, '--stream', '--by', 'segment']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--by and --ci need the whole input/);
  });
});
