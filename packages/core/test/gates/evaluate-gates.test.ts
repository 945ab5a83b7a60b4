import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/compare/compare-models.js';
import { ValidationError } from '../../src/errors.js';
import { evaluateGates } from '../../src/gates/evaluate-gates.js';
import { gateSourceFromComparison } from '../../src/gates/gate-source-from-comparison.js';
import { gateSourceFromReport } from '../../src/gates/gate-source-from-report.js';
import { parseGate } from '../../src/gates/parse-gate.js';
import type { ComparisonResult } from '../../src/compare/comparison-result.js';
import { jsKernels } from '../../src/kernels/js/js-kernels.js';

const report = {
  metrics: { roc_auc: 0.8123, log_loss: 0.41, accuracy: NaN },
  intervals: { roc_auc: { low: 0.79, high: 0.83, level: 0.95, method: 'delong' as const } },
};
const check = (gates: string[], source = gateSourceFromReport(report)) => evaluateGates(gates.map(parseGate), source);

describe('evaluateGates on a report', () => {
  it('passes and fails absolute gates with the numbers', () => {
    const [pass, fail, loss] = check(['roc_auc>=0.8', 'roc_auc > 0.85', 'log_loss<=0.4']);
    expect(pass).toMatchObject({ passed: true, value: 0.8123, message: 'gate passed: roc_auc >= 0.8 (got 0.8123)' });
    expect(fail).toMatchObject({ passed: false, message: 'gate failed: roc_auc > 0.85 (got 0.8123)' });
    expect(loss.passed).toBe(false);
  });

  it('reads confidence bounds', () => {
    const [low, high] = check(['roc_auc:low>=0.8', 'upper(roc_auc)<0.84']);
    expect(low).toMatchObject({ passed: false, value: 0.79, message: 'gate failed: roc_auc:low >= 0.8 (got 0.79: lower 95% bound (delong) of 0.8123)' });
    expect(high).toMatchObject({ passed: true, value: 0.83 });
  });

  it('fails a gate on NaN whatever the operator', () => {
    expect(check(['accuracy>=0', 'accuracy<1']).map((r) => r.passed)).toEqual([false, false]);
  });

  it('refuses unknown metrics, baselines and missing intervals with what is available', () => {
    expect(() => check(['auc>=0.8'])).toThrow('Gate "auc >= 0.8" names metric `auc`, which is not reported; metrics: roc_auc, log_loss, accuracy.');
    expect(() => check(['roc_auc-baseline>=0'])).toThrow(/there is none here; use modelperf compare/);
    expect(() => check(['log_loss:high<=0.5'])).toThrow(ValidationError);
    expect(() => check(['log_loss:high<=0.5'])).toThrow(/needs a confidence interval of log_loss/);
  });
});

describe('evaluateGates per slice', () => {
  const sliced = {
    metrics: { roc_auc: 0.8 },
    slices: [
      { column: 'region', value: 'eu', rows: 10, metrics: { roc_auc: 0.9 } },
      { column: 'region', value: 'us', rows: 10, metrics: { roc_auc: 0.7 } },
      { column: 'region', value: null, rows: 3, metrics: { roc_auc: NaN } },
    ],
  };
  const source = gateSourceFromReport(sliced);

  it('checks one named slice', () => {
    const [eu, us] = check(['roc_auc[eu]>=0.85', 'roc_auc[us]>=0.85'], source);
    expect(eu).toMatchObject({ passed: true, value: 0.9, message: 'gate passed: roc_auc[eu] >= 0.85 (slice eu: got 0.9)' });
    expect(us).toMatchObject({ passed: false, value: 0.7 });
  });

  it('[*] passes only when every slice does, naming the failing ones, NaN included', () => {
    const [all] = check(['roc_auc[*]>=0.6'], source);
    expect(all).toMatchObject({ passed: false, message: 'gate failed: roc_auc[*] >= 0.6 (1 of 3 slices fail: null: got NaN)' });
    expect(Number.isNaN(all.value)).toBe(true);
    const two = gateSourceFromReport({ ...sliced, slices: sliced.slices.slice(0, 2) });
    const [pass, fail] = check(['roc_auc[*]>=0.6', 'roc_auc[*]<=0.8'], two);
    expect(pass).toMatchObject({ passed: true, value: 0.7, message: 'gate passed: roc_auc[*] >= 0.6 (all 2 slices; weakest us: got 0.7)' });
    expect(fail).toMatchObject({ passed: false, value: 0.9, message: 'gate failed: roc_auc[*] <= 0.8 (1 of 2 slices fail: eu: got 0.9)' });
  });

  it('refuses a slice gate without slices, and an unknown slice', () => {
    expect(() => check(['roc_auc[eu]>=0'])).toThrow(/names a slice, but nothing is sliced here; add --by COLUMN/);
    expect(() => check(['roc_auc[apac]>=0'], source)).toThrow('Gate "roc_auc[apac] >= 0" names slice "apac"; slices: eu, us, null (or * for every slice).');
  });
});

describe('evaluateGates on a comparison', () => {
  const y = [1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0];
  const table = new Table({
    y: vectorFromArray(y, new Int32()),
    p: vectorFromArray([0.9, 0.1, 0.8, 0.3, 0.7, 0.2, 0.4, 0.35, 0.15, 0.5, 0.95, 0.05], new Float64()),
    dummy: vectorFromArray(y.map(() => 5 / 12), new Float64()),
    weak: vectorFromArray([0.6, 0.4, 0.3, 0.5, 0.7, 0.2, 0.8, 0.4, 0.1, 0.5, 0.6, 0.3], new Float64()),
  });
  const compare = (baselines: string[]): Promise<ComparisonResult> =>
    compareModels(table, { task: 'binary', label: 'y', candidate: 'p', baselines, bootstrap: 30 }, { kernels: jsKernels });

  it('gates the difference to a named baseline, or to "baseline" when there is one', async () => {
    const one = gateSourceFromComparison(await compare(['dummy']));
    const [named, alias] = check(['roc_auc-dummy>=0.4', 'roc_auc-baseline>=0.4'], one);
    expect(named.passed).toBe(true);
    expect(alias).toMatchObject({ passed: true, value: named.value });
    const d = (await compare(['dummy'])).comparisons[0].metrics.roc_auc;
    expect(named.message).toBe(`gate passed: roc_auc-dummy >= 0.4 (got ${Number(d.difference.toPrecision(6))} = ${Number(d.candidate.toPrecision(6))} - 0.5)`);
  });

  it('uses the DeLong bound of a roc_auc difference, and explains the sign of lower-is-better metrics', async () => {
    const result = await compare(['weak']);
    const d = result.comparisons[0].metrics;
    const [bound, loss] = check(['roc_auc-weak:low>=0.5', 'log_loss-weak>=0'], gateSourceFromComparison(result));
    expect(bound.value).toBe(d.roc_auc.low);
    expect(bound.message).toMatch(/^gate failed: roc_auc-weak:low >= 0.5 \(got -?[\d.e-]+: lower 95% bound \(delong\) of [\d.]+ = [\d.]+ - [\d.]+\)$/);
    expect(loss.passed).toBe(false);
    expect(loss.message).toMatch(/log_loss is lower-is-better, so an improvement is negative\)$/);
  });

  it('reads slice differences of a comparison with --by', async () => {
    const region = new Table({ ...Object.fromEntries(table.schema.fields.map((f) => [f.name, (table as Table).getChild(f.name as string)!])), g: vectorFromArray(y.map((_, i) => (i < 6 ? 'a' : 'b')), new Utf8()) });
    const result = await compareModels(region, { task: 'binary', label: 'y', candidate: 'p', baselines: ['weak'], by: ['g'], bootstrap: 0 }, { kernels: jsKernels });
    const source = gateSourceFromComparison(result);
    const b = result.slices![1].comparisons[0].metrics.roc_auc;
    const [one] = check(['roc_auc-weak[b]>=-1'], source);
    expect(one.value).toBe(b.difference);
    const [all] = check(['roc_auc-baseline[*]:low>=-1'], source);
    expect(all.passed).toBe(true);
    expect(all.value).toBe(Math.min(result.slices![0].comparisons[0].metrics.roc_auc.low!, b.low!));
  });

  it('refuses "baseline" when there are several, naming them, and unknown baselines', async () => {
    const two = gateSourceFromComparison(await compare(['dummy', 'weak']));
    expect(() => check(['roc_auc-baseline>=0'], two)).toThrow('Gate "roc_auc-baseline >= 0" names baseline `baseline`; baselines: dummy, weak ("baseline" works only when there is exactly one).');
    expect(() => check(['roc_auc-other>=0'], two)).toThrow(/names baseline `other`/);
    expect(() => check(['nope-weak>=0'], two)).toThrow(/names metric `nope`/);
    expect(check(['roc_auc>=0.9', 'roc_auc:low>=0'], two).map((r) => r.passed)).toEqual([true, true]);
  });
});
