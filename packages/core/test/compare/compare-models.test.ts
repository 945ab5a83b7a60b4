import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/compare/compare-models.js';
import type { ComparisonSpec } from '../../src/compare/comparison-spec.js';
import { SchemaError, ValidationError } from '../../src/errors.js';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import { jsKernels } from '../../src/kernels/js/js-kernels.js';
import { expectClose } from '../support/fixtures.js';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'compare', 'correlated_continuous.json'), 'utf8')) as {
  inputs: { labels: number[]; a: number[]; b: number[] };
  expected: Record<string, number>;
};
const n = fixture.inputs.labels.length;
const region = Array.from({ length: n }, (_, i) => ['eu', 'us', 'apac'][i % 3]);
const table: Table = new Table({
  y: vectorFromArray(fixture.inputs.labels, new Int32()),
  a: vectorFromArray(fixture.inputs.a, new Float64()),
  b: vectorFromArray(fixture.inputs.b, new Float64()),
  c: vectorFromArray(fixture.inputs.a.map((v, i) => (v + fixture.inputs.b[i]) / 2), new Float64()),
  region: vectorFromArray(region, new Utf8()),
});
const base: ComparisonSpec = { task: 'binary', label: 'y', candidate: 'a', baselines: ['b'], bootstrap: 50, seed: 3 };
const run = (spec: Partial<ComparisonSpec>, t: Table = table) => compareModels(t, { ...base, ...spec }, { kernels: jsKernels });

describe('compareModels (binary)', () => {
  it('puts every metric of each model side by side, equal to evaluateTable', async () => {
    const result = await run({ baselines: ['b', 'c'] });
    expect(result.schema).toBe('modelperf/comparison@1');
    expect(result.models.map((m) => [m.name, m.role])).toEqual([['a', 'candidate'], ['b', 'baseline'], ['c', 'baseline']]);
    for (const model of result.models) {
      const report = await evaluateTable(table, { task: 'binary', label: 'y', score: model.name }, { kernels: jsKernels });
      expect(model.metrics).toEqual(report.metrics);
    }
    expect(result.comparisons.map((c) => c.baseline)).toEqual(['b', 'c']);
    const d = result.comparisons[0].metrics;
    for (const [key, value] of Object.entries(d)) expect(value.difference).toBe(result.models[0].metrics[key] - result.models[1].metrics[key]);
    expect(d.log_loss.direction).toBe('lower');
    expect(d.roc_auc.direction).toBe('higher');
    expect(d.prevalence.direction).toBe('none');
    expect(d.prevalence.better).toBeUndefined();
    expect(d.roc_auc.better).toBe('candidate');
    expect(d.log_loss.better).toBe(d.log_loss.difference < 0 ? 'candidate' : 'baseline');
  });

  it("gives roc_auc DeLong's paired test, matching the scipy reference", async () => {
    const result = await run({});
    const auc = result.comparisons[0].metrics.roc_auc;
    expect(auc.method).toBe('delong');
    expectClose(auc.difference, fixture.expected.difference, 1e-12);
    expectClose(auc.se as number, fixture.expected.se, 1e-9);
    expectClose(auc.p_value as number, fixture.expected.p_value, 1e-9);
    expectClose(auc.low as number, fixture.expected.low, 1e-9);
    expectClose(auc.high as number, fixture.expected.high, 1e-9);
    expect(result.models[0].intervals?.roc_auc.method).toBe('delong');
    expect(result.comparisons[0].metrics.accuracy.method).toBe('bootstrap');
  });

  it('compares a model with itself: zero differences, zero-width intervals, p = 1', async () => {
    const result = await run({ baselines: ['a'] });
    for (const d of Object.values(result.comparisons[0].metrics)) {
      expect(d.difference).toBe(0);
      expect(d.low).toBe(0);
      expect(d.high).toBe(0);
      if (d.direction !== 'none') expect(d.better).toBe('tie');
    }
    expect(result.comparisons[0].metrics.roc_auc.p_value).toBe(1);
  });

  it('negates differences and swaps interval ends when candidate and baseline swap', async () => {
    const ab = await run({});
    const ba = await run({ candidate: 'b', baselines: ['a'] });
    for (const [key, d] of Object.entries(ab.comparisons[0].metrics)) {
      const e = ba.comparisons[0].metrics[key];
      expect(e.difference === -d.difference, key).toBe(true);
      expectClose(e.low as number, -(d.high as number), 1e-12, `${key} low`);
      expectClose(e.high as number, -(d.low as number), 1e-12, `${key} high`);
    }
    expectClose(ba.comparisons[0].metrics.roc_auc.p_value as number, ab.comparisons[0].metrics.roc_auc.p_value as number, 1e-12);
  });

  it('is deterministic for a seed, and the seed matters', async () => {
    const one = await run({ seed: 5 });
    const two = await run({ seed: 5 });
    const other = await run({ seed: 6 });
    expect(two.comparisons).toEqual(one.comparisons);
    expect(two.models).toEqual(one.models);
    expect(other.comparisons[0].metrics.accuracy.low).not.toBe(one.comparisons[0].metrics.accuracy.low);
  });

  it('bootstrap 0 keeps DeLong only; a weight column swaps DeLong for the bootstrap with a warning', async () => {
    const none = await run({ bootstrap: 0 });
    expect(none.comparisons[0].metrics.accuracy.low).toBeUndefined();
    expect(none.comparisons[0].metrics.roc_auc.method).toBe('delong');
    const ones = new Table({ ...Object.fromEntries(table.schema.fields.map((f) => [f.name, (table as Table).getChild(f.name as string)!])), w: vectorFromArray(new Array(n).fill(1), new Float64()) });
    const weighted = await run({ weight: 'w' }, ones);
    expect(weighted.comparisons[0].metrics.roc_auc.method).toBe('bootstrap');
    expect(weighted.comparisons[0].metrics.roc_auc.p_value).toBeUndefined();
    expect(weighted.warnings.map((w) => w.code)).toContain('delong_unweighted');
  });

  it('compares per slice on the slice rows', async () => {
    const result = await run({ by: ['region'], bootstrap: 0 });
    expect(result.slices?.map((s) => [s.value, s.rows])).toEqual([['apac', 133], ['eu', 134], ['us', 133]]);
    const eu = result.slices![1];
    const euRows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === 0);
    const sub = new Table({
      y: vectorFromArray(Array.from(euRows, (i) => fixture.inputs.labels[i]), new Int32()),
      a: vectorFromArray(Array.from(euRows, (i) => fixture.inputs.a[i]), new Float64()),
      b: vectorFromArray(Array.from(euRows, (i) => fixture.inputs.b[i]), new Float64()),
    });
    const whole = await run({ bootstrap: 0 }, sub);
    expect(eu.comparisons).toEqual(whole.comparisons);
    expect(eu.models).toEqual(whole.models);
  });

  it('with nan drop, drops a row missing in any model for all of them', async () => {
    const a = fixture.inputs.a.slice();
    const b = fixture.inputs.b.slice();
    a[3] = NaN;
    b[10] = NaN;
    const holes = new Table({ y: vectorFromArray(fixture.inputs.labels, new Int32()), a: vectorFromArray(a, new Float64()), b: vectorFromArray(b, new Float64()) });
    const result = await run({ nan: 'drop', bootstrap: 10 }, holes);
    expect(result.rows).toBe(n - 2);
    expect(result.dropped_rows).toBe(2);
    const keep = (v: number[]) => v.filter((_, i) => i !== 3 && i !== 10);
    const clean = new Table({ y: vectorFromArray(keep(fixture.inputs.labels), new Int32()), a: vectorFromArray(keep(a), new Float64()), b: vectorFromArray(keep(b), new Float64()) });
    const expected = await run({ bootstrap: 10 }, clean);
    expect(result.comparisons).toEqual(expected.comparisons);
    await expect(run({}, holes)).rejects.toThrow(/holds a null or NaN at row 3/);
  });
});

describe('compareModels (other tasks)', () => {
  it('compares regression predictions', async () => {
    const y = Array.from({ length: 50 }, (_, i) => i / 5);
    const t = new Table({
      y: vectorFromArray(y, new Float64()),
      good: vectorFromArray(y.map((v, i) => v + ((i % 5) - 2) * 0.1), new Float64()),
      mean: vectorFromArray(y.map(() => 4.9), new Float64()),
    });
    const result = await compareModels(t, { task: 'regression', label: 'y', candidate: 'good', baselines: ['mean'], bootstrap: 20 }, { kernels: jsKernels });
    const rmse = result.comparisons[0].metrics.rmse;
    expect(rmse.direction).toBe('lower');
    expect(rmse.better).toBe('candidate');
    expect(rmse.difference).toBeLessThan(0);
    expect(rmse.high).toBeLessThan(0);
    expect(result.comparisons[0].metrics.r2.better).toBe('candidate');
  });

  it('compares multiclass hard predictions', async () => {
    const y = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'a'];
    const t = new Table({
      y: vectorFromArray(y, new Utf8()),
      model: vectorFromArray(['a', 'b', 'c', 'a', 'b', 'a', 'a', 'b'], new Utf8()),
      majority: vectorFromArray(y.map(() => 'a'), new Utf8()),
    });
    const result = await compareModels(t, { task: 'multiclass', label: 'y', candidate: 'model', baselines: ['majority'], bootstrap: 0 }, { kernels: jsKernels });
    expect(result.comparisons[0].metrics.accuracy).toMatchObject({ candidate: 0.75, baseline: 0.5, difference: 0.25, better: 'candidate' });
  });
});

describe('compareModels (multiclass score columns)', () => {
  const y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 0, 2];
  const sharp = y.map((c, i) => [0, 1, 2].map((k) => (k === c ? 0.6 : 0.2) + ((i * (k + 1)) % 3) * 0.01));
  const prior = y.map(() => [1 / 3, 1 / 3, 1 / 3]);
  const t = new Table({
    y: vectorFromArray(y, new Int32()),
    ...Object.fromEntries([0, 1, 2].map((k) => [`model_p${k}`, vectorFromArray(sharp.map((r) => r[k]), new Float64())])),
    ...Object.fromEntries([0, 1, 2].map((k) => [`dummy_p${k}`, vectorFromArray(prior.map((r) => r[k]), new Float64())])),
  });
  const set = (m: string) => [0, 1, 2].map((k) => `${m}_p${k}`);

  it('compares sets of score columns, named by their common prefix, as evaluateTable evaluates them', async () => {
    const result = await compareModels(t, { task: 'multiclass', label: 'y', candidate: set('model'), baselines: [set('dummy')], bootstrap: 0 }, { kernels: jsKernels });
    expect(result.candidate).toBe('model_p');
    expect(result.baselines).toEqual(['dummy_p']);
    expect(result.models[1].columns).toEqual(set('dummy'));
    const report = await evaluateTable(t, { task: 'multiclass', label: 'y', scores: set('model') }, { kernels: jsKernels });
    expect(result.models[0].metrics).toEqual(report.metrics);
    expect(result.comparisons[0].metrics.log_loss.better).toBe('candidate');
    expect(result.comparisons[0].metrics.accuracy.candidate).toBe(1);
  });

  it('takes explicit names, and refuses a score set outside multiclass', async () => {
    const named = await compareModels(t, { task: 'multiclass', label: 'y', candidate: set('model'), baselines: [set('dummy')], names: ['new', 'prior'], bootstrap: 0 }, { kernels: jsKernels });
    expect(named.models.map((m) => m.name)).toEqual(['new', 'prior']);
    await expect(compareModels(t, { task: 'multiclass', label: 'y', candidate: set('model'), baselines: [set('dummy')], names: ['one'] })).rejects.toThrow(/names has 1 entries for 2 models/);
    await expect(compareModels(t, { task: 'binary', label: 'y', candidate: 'model_p0', baselines: [set('dummy')] })).rejects.toThrow(/is a multiclass model/);
  });
});

describe('compareModels failures', () => {
  it('names a missing baseline column', async () => {
    await expect(run({ baselines: ['nope'] })).rejects.toThrow(SchemaError);
    await expect(run({ baselines: ['nope'] })).rejects.toThrow(/`nope` not found; available columns: y, a, b, c, region/);
  });

  it('needs a baseline, a supported task and sane options', async () => {
    await expect(run({ baselines: [] })).rejects.toThrow(ValidationError);
    await expect(run({ baselines: ['b', 'c', 'b'] })).rejects.toThrow('Baseline `b` is named twice; give each baseline once (or another name).');
    await expect(run({ task: 'ranking' as never })).rejects.toThrow(/compare supports the tasks binary, regression, multiclass/);
    await expect(run({ bootstrap: -1 })).rejects.toThrow(/bootstrap must be a whole number/);
    await expect(run({ ci: 95 })).rejects.toThrow(ValidationError);
  });
});
