import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Table, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli-captured.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'packages', 'core', 'test', 'fixtures', 'baselines');
const fixture = (name: string): string => join(FIXTURES, name);
const dir = mkdtempSync(join(tmpdir(), 'modelperf-baseline-'));
const file = (name: string): string => join(dir, name);
const reference = (name: string) => JSON.parse(readFileSync(fixture(`${name}.json`), 'utf8'));

function writeArrow(name: string, columns: Record<string, number[]>): string {
  const vectors = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, vectorFromArray(v, new Float64())]));
  writeFileSync(file(name), tableToIPC(new Table(vectors), 'file'));
  return file(name);
}

describe('modelperf baseline', () => {
  it('binary: writes the predictions of the evaluation file and prints every baseline on every split as JSON', async () => {
    const r = await cli(['baseline', '--train', fixture('breast_cancer_train.csv'), '--eval', fixture('breast_cancer_test.csv'),
      '--task', 'binary', '--label', 'diagnosis', '--out', file('bc.arrow')]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('modelperf/baselines@1');
    const models = ['prior', 'most_frequent', 'stratified', 'uniform', 'logistic'];
    expect(report.baselines.map((b: { model: string; split: string }) => `${b.model}/${b.split}`)).toEqual([
      ...models.map((m) => `${m}/train`), ...models.map((m) => `${m}/breast_cancer_test`),
    ]);
    const logistic = report.baselines.find((b: { model: string; split: string }) => b.model === 'logistic' && b.split === 'breast_cancer_test');
    expect(logistic.metrics.roc_auc).toBeGreaterThan(0.99);
    const preds = tableFromIPC(readFileSync(file('bc.arrow')));
    expect(preds.schema.fields.map((f) => f.name)).toEqual(['row', ...models.map((m) => `${m}_score`)]);
    expect(preds.numRows).toBe(171);
    const fx = reference('breast_cancer');
    const scores = preds.getChild('logistic_score')!.toArray() as Float64Array;
    for (let i = 0; i < 8; i++) expect(Math.abs(scores[i] - fx.proba_test_head[i][1])).toBeLessThan(1e-6);
    expect(r.stderr).toContain('wrote baseline predictions of breast_cancer_test (171 rows, 5 columns)');
  });

  it('multiclass: one <model>_p<k> column per class; a table on a terminal', async () => {
    const r = await cli(['baseline', '--train', fixture('wine_train.csv'), '--eval', fixture('wine_test.csv'), '--task', 'multiclass',
      '--label', 'cultivar', '--l2', '0.5', '--model', 'logistic', '--out', file('wine.arrow')], true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('logistic: l2 0.5, 13 design columns from 13 features; converged');
    expect(r.stdout).toMatch(/wine_test — 53 rows/);
    const preds = tableFromIPC(readFileSync(file('wine.arrow')));
    expect(preds.schema.fields.map((f) => f.name)).toEqual(['row', 'logistic_p0', 'logistic_p1', 'logistic_p2']);
    const fx = reference('wine');
    const p2 = preds.getChild('logistic_p2')!.toArray() as Float64Array;
    for (let i = 0; i < 8; i++) expect(Math.abs(p2[i] - fx.proba_test_head[i][2])).toBeLessThan(1e-6);
  });

  it('regression: dummies and ridge, two evaluation files, Markdown', async () => {
    const r = await cli(['baseline', '--train', fixture('diabetes_train.csv'), '--eval', fixture('diabetes_test.csv'),
      '--eval', fixture('diabetes_train.csv'), '--task', 'regression', '--label', 'progression', '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('## modelperf baseline: regression');
    expect(r.stdout).toContain('### diabetes_test (133 rows)');
    expect(r.stdout).toMatch(/\| linear \| [\d.]+ \|/);
    const json = JSON.parse((await cli(['baseline', '--train', fixture('diabetes_train.csv'), '--eval', fixture('diabetes_test.csv'),
      '--task', 'regression', '--label', 'progression', '--model', 'dummy'])).stdout);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['mean', 'median', 'quantile']);
    expect(json.options.quantile).toBe(0.9);
  });

  it('--by fits per-slice dummies and reports each slice; warnings name unseen categories', async () => {
    const r = await cli(['baseline', '--train', fixture('synthetic_train.csv'), '--eval', fixture('synthetic_test.csv'),
      '--task', 'binary', '--label', 'label', '--by', 'region']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const entry = report.baselines.find((b: { model: string; split: string }) => b.model === 'prior_per_slice' && b.split === 'synthetic_test');
    expect(entry.slices.map((s: { value: unknown }) => s.value)).toEqual(['central', 'east', 'north', 'south', 'west', null]);
    const codes = report.warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['constant_feature', 'unknown_category', 'slice_not_in_training']));
  });

  it('bad input: a clear message and exit code 2', async () => {
    const base = ['baseline', '--train', fixture('breast_cancer_train.csv'), '--eval', fixture('breast_cancer_test.csv'), '--task', 'binary'];
    const noLabel = await cli([...base, '--label', 'target']);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/error: The training split has no label column `target`; available columns: .*diagnosis/);
    const noEval = await cli(['baseline', '--train', fixture('breast_cancer_train.csv'), '--task', 'binary', '--label', 'diagnosis']);
    expect(noEval.code).toBe(2);
    expect(noEval.stderr).toContain('--eval');
    const wrongModel = await cli([...base, '--label', 'diagnosis', '--model', 'linear']);
    expect(wrongModel.code).toBe(2);
    expect(wrongModel.stderr).toContain('--model linear is for regression');
    const withZ = writeArrow('with-z.arrow', { x: [1, 2, 3, 4], z: [0, 1, 1, 0], y: [0, 1, 0, 1] });
    const withoutZ = writeArrow('without-z.arrow', { x: [1, 2], y: [0, 1] });
    const missingFeature = await cli(['baseline', '--train', withZ, '--eval', withoutZ, '--task', 'binary', '--label', 'y']);
    expect(missingFeature.code).toBe(2);
    expect(missingFeature.stderr).toMatch(/Split "without-z": Feature `z` is in the training split but not in this one/);
    const noLabelHere = await cli(['baseline', '--train', fixture('wine_train.csv'), '--eval', fixture('diabetes_test.csv'),
      '--task', 'multiclass', '--label', 'cultivar']);
    expect(noLabelHere.code).toBe(2);
    expect(noLabelHere.stderr).toMatch(/Split "diabetes_test": Column `cultivar` not found/);
    const oneClass = writeArrow('one-class.arrow', { x: [1, 2, 3], y: [1, 1, 1] });
    const single = await cli(['baseline', '--train', oneClass, '--eval', oneClass, '--task', 'binary', '--label', 'y']);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('single class (1)');
  });

  it('separable data without a penalty: finishes, reports not converged and suggests --l2', async () => {
    const sep = writeArrow('separable.arrow', { x: [-3, -2, -1, 1, 2, 3], y: [0, 0, 0, 1, 1, 1] });
    const r = await cli(['baseline', '--train', sep, '--eval', sep, '--task', 'binary', '--label', 'y', '--l2', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: logistic did not converge (separated)');
    const report = JSON.parse(r.stdout);
    expect(report.warnings.find((w: { code: string }) => w.code === 'not_converged').message).toContain('--l2');
  });

  it('ranking: the popularity baseline needs --query and --item', async () => {
    const train = writeArrow('rank-train.arrow', { q: [1, 1, 1, 2, 2, 2], item: [10, 11, 12, 10, 11, 12], rel: [2, 1, 0, 1, 0, 0] });
    const test = writeArrow('rank-test.arrow', { q: [3, 3, 3], item: [12, 10, 11], rel: [0, 1, 0] });
    const noItem = await cli(['baseline', '--train', train, '--eval', test, '--task', 'ranking', '--label', 'rel', '--query', 'q']);
    expect(noItem.code).toBe(2);
    expect(noItem.stderr).toContain('--task ranking needs --item');
    const r = await cli(['baseline', '--train', train, '--eval', test, '--task', 'ranking', '--label', 'rel', '--query', 'q', '--item', 'item', '--out', file('rank.arrow')]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.baselines.find((b: { split: string }) => b.split === 'rank-test').metrics.mrr).toBe(1);
    const preds = tableFromIPC(readFileSync(file('rank.arrow')));
    expect(Array.from(preds.getChild('popularity_score')!.toArray() as Float64Array)).toEqual([0, 3, 1]);
  });

  it('more features than rows: ridge answers through the penalty, with a warning', async () => {
    const columns: Record<string, number[]> = { y: [1, 2, 3, 4] };
    for (let j = 0; j < 6; j++) columns[`f${j}`] = [0, 1, 2, 3].map((i) => Math.sin(i * 6 + j));
    const wide = writeArrow('wide.arrow', columns);
    const r = await cli(['baseline', '--train', wide, '--eval', wide, '--task', 'regression', '--label', 'y']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)).toContain('more_features_than_rows');
  });
});
