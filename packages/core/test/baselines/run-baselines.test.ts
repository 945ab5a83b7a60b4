import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { runBaselines } from '../../src/baselines/run-baselines.js';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import { expectClose, loadBaselineFixture, readFixtureTable } from './baseline-fixtures.js';

describe('runBaselines', () => {
  it('binary: dummies equal scikit-learn DummyClassifier, logistic equals LogisticRegression, metrics are the evaluators\'', async () => {
    const fx = loadBaselineFixture('breast_cancer');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const { report, predictions } = await runBaselines(train, [{ name: 'test', table: test }], { task: 'binary', label: fx.label, l2: fx.l2 });
    expect(report.classes).toEqual([0, 1]);
    expect(report.models.map((m) => m.model)).toEqual(['prior', 'most_frequent', 'stratified', 'uniform', 'logistic']);
    const preds = predictions[0];
    expect(preds.numRows).toBe(test.numRows);
    expect(Array.from(preds.getChild('row')!.toArray() as Int32Array).slice(0, 3)).toEqual([0, 1, 2]);
    for (const strategy of ['prior', 'most_frequent', 'uniform']) {
      const column = preds.getChild(`${strategy}_score`)!.toArray() as Float64Array;
      expectClose(column, new Array(test.numRows).fill(fx.dummy_proba![strategy][1]), 1e-15, 1e-3, strategy);
    }
    const stratified = preds.getChild('stratified_score')!.toArray() as Float64Array;
    expect(stratified.every((v) => v === 0 || v === 1)).toBe(true);
    expectClose((preds.getChild('logistic_score')!.toArray() as Float64Array).subarray(0, 8), fx.proba_test_head!.map((r) => r[1]), 1e-6, 1e-3, 'logistic');
    const logistic = report.models.find((m) => m.model === 'logistic')!;
    expect(logistic.converged).toBe(true);
    expect(Object.keys(logistic.coef!)).toEqual(fx.names);
    // The evaluation is the evaluator's on the prediction column.
    const direct = await evaluateTable(new Table({ y: test.getChild(fx.label)!, s: preds.getChild('logistic_score')! }), { task: 'binary', label: 'y', score: 's', posLabel: 1 });
    const entry = report.baselines.find((b) => b.model === 'logistic' && b.split === 'test')!;
    expect(entry.metrics).toEqual(direct.metrics);
    expect(entry.metrics.roc_auc).toBeGreaterThan(0.98);
    expect(report.baselines.find((b) => b.model === 'prior' && b.split === 'test')!.metrics.roc_auc).toBe(0.5);
    expect(report.baselines.map((b) => b.split)).toContain('train');
  });

  it('multiclass: <model>_p<k> columns, logistic equals multinomial LogisticRegression', async () => {
    const fx = loadBaselineFixture('wine');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const { report, predictions } = await runBaselines(train, [{ name: 'test', table: test }], { task: 'multiclass', label: fx.label, l2: fx.l2 });
    const preds = predictions[0];
    for (let k = 0; k < 3; k++) {
      const column = preds.getChild(`logistic_p${k}`)!.toArray() as Float64Array;
      expectClose(column.subarray(0, 8), fx.proba_test_head!.map((r) => r[k]), 1e-6, 1e-3, `p${k}`);
      expectClose(preds.getChild(`prior_p${k}`)!.toArray() as Float64Array, new Array(test.numRows).fill(fx.dummy_proba!.prior[k]), 1e-15, 1e-3, 'prior');
    }
    expect(report.baselines.find((b) => b.model === 'logistic' && b.split === 'test')!.metrics.accuracy).toBeGreaterThan(0.9);
  });

  it('regression: mean/median/quantile equal DummyRegressor, linear equals Ridge', async () => {
    const fx = loadBaselineFixture('diabetes');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const { report, predictions } = await runBaselines(train, [{ name: 'test', table: test }], { task: 'regression', label: fx.label, l2: fx.l2 });
    const preds = predictions[0];
    for (const strategy of ['mean', 'median', 'quantile']) {
      const v = (preds.getChild(`${strategy}_score`)!.toArray() as Float64Array)[0];
      expectClose([v], [fx.dummy_pred![strategy]], 1e-12, 1e-3, strategy);
    }
    expectClose((preds.getChild('linear_score')!.toArray() as Float64Array).subarray(0, 8), fx.pred_test_head!, 1e-9, 1e-3, 'linear');
    const r2 = (m: string) => report.baselines.find((b) => b.model === m && b.split === 'test')!.metrics.r2;
    expect(r2('linear')).toBeGreaterThan(0.3);
    expect(r2('mean')).toBeLessThan(0.01);
    const tfjs = await runBaselines(train, [{ name: 'test', table: test }], { task: 'regression', label: fx.label, l2: fx.l2, model: 'linear', backend: 'tfjs' });
    expect(tfjs.report.models[0]).toMatchObject({ model: 'linear', backend: 'tfjs', solver: 'cg', converged: true });
    expectClose(tfjs.predictions[0].getChild('linear_score')!.toArray() as Float64Array, preds.getChild('linear_score')!.toArray() as Float64Array, 1e-4, 1, 'tfjs');
  });

  it('fits the dummies per slice with --by and evaluates every slice', async () => {
    const fx = loadBaselineFixture('synthetic_l2_1_0');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const { report, predictions } = await runBaselines(train, [{ name: 'test', table: test }], { task: 'binary', label: 'label', by: ['region'] });
    expect(report.models.map((m) => m.model)).toContain('prior_per_slice');
    const entry = report.baselines.find((b) => b.model === 'prior_per_slice' && b.split === 'test')!;
    expect(entry.slices!.length).toBeGreaterThanOrEqual(5);
    // The test split has a region unseen in training: its per-slice prior falls back to the whole training prior.
    expect(report.warnings.map((w) => w.code)).toContain('slice_not_in_training');
    const regions = test.getChild('region')!.toArray() as unknown as Array<string | null>;
    const labels = train.getChild('label')!.toArray() as Float64Array;
    const trainRegions = train.getChild('region')!;
    const shareIn = (region: string): number => {
      let pos = 0;
      let all = 0;
      for (let i = 0; i < labels.length; i++) if (trainRegions.get(i) === region) { all++; pos += labels[i]; }
      return pos / all;
    };
    const column = predictions[0].getChild('prior_per_slice_score')!.toArray() as Float64Array;
    const north = regions.findIndex((r) => r === 'north');
    expect(column[north]).toBeCloseTo(shareIn('north'), 14);
    // And the synthetic logistic fit with one-hot and indicator columns matches scikit-learn.
    const logistic = report.models.find((m) => m.model === 'logistic')!;
    expectClose(Object.values(logistic.coef as Record<string, number>), (fx.coef as number[][])[0], 1e-6, 1, 'coef');
  });

  it('ranking: popularity scores the items by their summed training relevance', async () => {
    const mk = (q: number[], item: string[], rel: number[]) => new Table({
      q: vectorFromArray(q, new Int32()), item: vectorFromArray(item, new Utf8()), rel: vectorFromArray(rel, new Float64()),
    });
    const train = mk([1, 1, 1, 2, 2, 2], ['a', 'b', 'c', 'a', 'b', 'c'], [2, 1, 0, 1, 0, 0]);
    const test = mk([3, 3, 3, 4, 4], ['c', 'a', 'z', 'b', 'a'], [0, 1, 0, 0, 1]);
    const { report, predictions } = await runBaselines(train, [{ name: 'test', table: test }], { task: 'ranking', label: 'rel', query: 'q', item: 'item' });
    expect(Array.from(predictions[0].getChild('popularity_score')!.toArray() as Float64Array)).toEqual([0, 3, 0, 1, 3]);
    expect(report.baselines.find((b) => b.split === 'test')!.metrics.ndcg_at_5).toBe(1);
    expect(report.warnings.map((w) => w.code)).toContain('unseen_items');
  });

  it('refuses a label missing from training, a single class, a feature missing from a split', async () => {
    const train = new Table({ x: vectorFromArray([1, 2, 3, 4], new Float64()), y: vectorFromArray([0, 0, 0, 0], new Float64()) });
    const test = new Table({ z: vectorFromArray([1], new Float64()), y: vectorFromArray([0], new Float64()) });
    await expect(runBaselines(train, [{ name: 't', table: test }], { task: 'binary', label: 'label' }))
      .rejects.toThrow(/training split has no label column `label`/);
    await expect(runBaselines(train, [{ name: 't', table: test }], { task: 'binary', label: 'y' }))
      .rejects.toThrow(/single class \(0\)/);
    const two = new Table({ x: vectorFromArray([1, 2, 3, 4], new Float64()), y: vectorFromArray([0, 1, 0, 1], new Float64()) });
    await expect(runBaselines(two, [{ name: 'heldout', table: test }], { task: 'binary', label: 'y' }))
      .rejects.toThrow(/Split "heldout": Feature `x` is in the training split but not in this one/);
    const unseen = new Table({ x: vectorFromArray([1, 2], new Float64()), y: vectorFromArray([0, 2], new Float64()) });
    await expect(runBaselines(two, [{ name: 'later', table: unseen }], { task: 'binary', label: 'y' }))
      .rejects.toThrow(/Split "later": The label `y` holds 2 at row 1, a class the training split does not have \(0, 1\)/);
    await expect(runBaselines(two, [{ name: 't', table: test }], { task: 'regression', label: 'y', model: 'logistic' }))
      .rejects.toThrow(/--model logistic is for binary and multiclass/);
  });

  it('perfectly separable data without a penalty: a not_converged warning, still a result', async () => {
    const train = new Table({ x: vectorFromArray([-3, -2, -1, 1, 2, 3], new Float64()), y: vectorFromArray([0, 0, 0, 1, 1, 1], new Float64()) });
    const { report } = await runBaselines(train, [{ name: 't', table: train }], { task: 'binary', label: 'y', l2: 0, model: 'logistic' });
    const logistic = report.models.find((m) => m.model === 'logistic')!;
    expect(logistic.converged).toBe(false);
    expect(logistic.status).toBe('separated');
    expect(report.warnings.find((w) => w.code === 'not_converged')!.message).toContain('--l2');
  });
});

describe('runBaselines is deterministic and independent of batching', () => {
  it('the stratified dummy follows --seed', async () => {
    const fx = loadBaselineFixture('breast_cancer');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const run = async (seed: number) => (await runBaselines(train, [{ name: 't', table: test }], { task: 'binary', label: fx.label, model: 'dummy', seed }))
      .predictions[0].getChild('stratified_score')!.toArray() as Float64Array;
    const a = await run(1);
    expect(Array.from(await run(1))).toEqual(Array.from(a));
    expect(Array.from(await run(2))).not.toEqual(Array.from(a));
    // The draws follow the training prior: about 63% positives over 171 rows.
    const share = a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(share - fx.dummy_proba!.prior[1])).toBeLessThan(0.12);
  });

  it('a training table cut into several record batches gives the same models and predictions', async () => {
    const fx = loadBaselineFixture('synthetic_l2_1_0');
    const train = await readFixtureTable(fx.train);
    const test = await readFixtureTable(fx.test);
    const chunked = train.slice(0, 100).concat(train.slice(100, 101), train.slice(101));
    expect(chunked.batches.length).toBeGreaterThan(1);
    const spec = { task: 'binary' as const, label: 'label', by: ['region'] };
    const one = await runBaselines(train, [{ name: 't', table: test }], spec);
    const many = await runBaselines(chunked, [{ name: 't', table: test }], spec);
    expect(many.report.models).toEqual(one.report.models.map((m) => ({ ...m, fit_ms: many.report.models.find((x) => x.model === m.model)!.fit_ms })));
    for (const name of one.predictions[0].schema.fields.map((f) => f.name)) {
      expect(Array.from(many.predictions[0].getChild(name)!.toArray() as Float64Array), name).toEqual(Array.from(one.predictions[0].getChild(name)!.toArray() as Float64Array));
    }
  });
});
