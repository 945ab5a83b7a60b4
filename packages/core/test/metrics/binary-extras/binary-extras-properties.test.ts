import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import type { BinaryRows } from '../../../src/kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
import { calibrationCurve } from '../../../src/metrics/binary-extras/calibration-curve.js';
import { gainsTable } from '../../../src/metrics/binary-extras/gains-table.js';
import { ksStatistic } from '../../../src/metrics/binary-extras/ks-statistic.js';
import { thresholdSweep } from '../../../src/metrics/binary-extras/threshold-sweep.js';
import { expectClose } from '../../support/fixtures.js';
import { fixtureRows, loadBinaryExtrasFixture, permuteRows, repeatRows } from './binary-extras-fixture.js';

/** Every number of the extras computed from some rows, flattened for comparison. */
function allExtras(rows: BinaryRows): Record<string, number> {
  const curve = jsBinaryClfCurve(rows);
  const out: Record<string, number> = {};
  const ks = ksStatistic(curve);
  out['ks'] = ks.ks;
  out['ks.threshold'] = ks.threshold;
  for (const strategy of ['uniform', 'quantile'] as const) {
    const cal = calibrationCurve(rows, { bins: 7, strategy, curve });
    out[`${strategy}.ece`] = cal.ece;
    out[`${strategy}.mce`] = cal.mce;
    cal.bins.forEach((b, i) => {
      for (const [k, v] of Object.entries(b)) out[`${strategy}.${i}.${k}`] = v;
    });
  }
  gainsTable(curve, { groups: 10 }).groups.forEach((g, i) => {
    for (const [k, v] of Object.entries(g)) out[`gains.${i}.${k}`] = v;
  });
  const sweep = thresholdSweep(curve, { costFp: 2, costFn: 3 });
  for (const key of ['f1', 'youden_j', 'cost'] as const) {
    out[`best.${key}`] = sweep.best[key].value;
    out[`best.${key}.threshold`] = sweep.best[key].threshold;
  }
  return out;
}

function expectSameExtras(a: Record<string, number>, b: Record<string, number>): void {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const key of Object.keys(a)) expectClose(a[key], b[key], 1e-12, key);
}

describe('binary extras properties', () => {
  it.each(['tiny_ties', 'rounded_ties_1000', 'float_weights_300', 'int_weights_ties_200', 'large_5000'])(
    'do not depend on row order (%s)',
    (name) => {
      const rows = fixtureRows(loadBinaryExtrasFixture(name));
      expectSameExtras(allExtras(permuteRows(rows, 7)), allExtras(rows));
      expectSameExtras(allExtras(permuteRows(rows, 99)), allExtras(rows));
    },
  );

  it('integer weights equal repeated rows', () => {
    const rows = fixtureRows(loadBinaryExtrasFixture('int_weights_ties_200'));
    expect(rows.weights).toBeDefined();
    expectSameExtras(allExtras(rows), allExtras(repeatRows(rows)));
  });

  it('sweep arrays agree with their definitions and best picks the highest threshold on ties', () => {
    // Two thresholds with equal cost 1: 0.9 (fn = 1) and 0.5 (fp = 1); the higher wins.
    const rows = { scores: Float64Array.of(0.9, 0.5, 0.2), positive: Uint8Array.of(1, 0, 1) };
    const sweep = thresholdSweep(jsBinaryClfCurve(rows));
    expect(Array.from(sweep.threshold)).toEqual([0.9, 0.5, 0.2]);
    expect(Array.from(sweep.tp)).toEqual([1, 1, 2]);
    expect(Array.from(sweep.fp)).toEqual([0, 1, 1]);
    expect(Array.from(sweep.fn)).toEqual([1, 1, 0]);
    expect(Array.from(sweep.tn)).toEqual([1, 0, 0]);
    expect(Array.from(sweep.cost)).toEqual([1, 2, 1]);
    expect(sweep.best.cost).toEqual({ threshold: 0.9, value: 1 });
    expect(Array.from(sweep.youden_j)).toEqual([0.5, -0.5, 0]);
    expect(sweep.best.youden_j).toEqual({ threshold: 0.9, value: 0.5 });
    expect(sweep.f1[2]).toBeCloseTo(0.8, 15);
    expect(sweep.best.f1.threshold).toBe(0.2);
    expect(sweep.threshold).toBeInstanceOf(Float64Array);
  });

  it('gains keep tie groups whole and leave empty groups out', () => {
    // 10 rows, 6 tied at the top: deciles 1..6 collapse into group 1.
    const scores = Float64Array.of(0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.4, 0.3, 0.2);
    const positive = Uint8Array.of(1, 1, 0, 1, 0, 1, 1, 0, 0, 0);
    const table = gainsTable(jsBinaryClfCurve({ scores, positive }));
    expect(table.groups.map((g) => g.group)).toEqual([1, 7, 8, 9, 10]);
    expect(table.groups[0]).toMatchObject({ rows: 6, positives: 4, threshold: 0.9, cumulative_positives: 4 });
    expect(table.groups[0].lift).toBeCloseTo((4 / 6) / 0.5, 15);
    const last = table.groups[table.groups.length - 1];
    expect(last.cumulative_share_of_positives).toBe(1);
    expect(last.cumulative_lift).toBeCloseTo(1, 15);
    expect(last.cumulative_share_of_rows).toBe(1);
  });

  it('the KS threshold is where TPR - FPR peaks', () => {
    const rows = { scores: Float64Array.of(0.1, 0.4, 0.35, 0.8), positive: Uint8Array.of(0, 0, 1, 1) };
    expect(ksStatistic(jsBinaryClfCurve(rows))).toEqual({ ks: 0.5, threshold: 0.8 });
  });
});

describe('binary extras edge cases', () => {
  const oneClass = { scores: Float64Array.of(0.2, 0.4, 0.9), positive: Uint8Array.of(0, 0, 0) };
  const empty = { scores: new Float64Array(0), positive: new Uint8Array(0) };

  it('one class gives NaN where a class is needed, without throwing', () => {
    const curve = jsBinaryClfCurve(oneClass);
    expect(ksStatistic(curve).ks).toBeNaN();
    expect(ksStatistic(curve).threshold).toBeNaN();
    const table = gainsTable(curve);
    expect(table.prevalence).toBe(0);
    expect(table.groups.every((g) => Number.isNaN(g.lift) && Number.isNaN(g.cumulative_share_of_positives))).toBe(true);
    const sweep = thresholdSweep(curve);
    expect(Array.from(sweep.recall).every(Number.isNaN)).toBe(true);
    expect(sweep.best.f1.value).toBeNaN();
    expect(sweep.best.youden_j.threshold).toBeNaN();
    expect(sweep.best.cost).toEqual({ threshold: 0.9, value: 1 }); // only the top row predicted positive
    const cal = calibrationCurve(oneClass, { bins: 2 });
    expect(cal.bins.map((b) => b.fraction_positive)).toEqual([0, 0]);
    const positivesOnly = { scores: oneClass.scores, positive: Uint8Array.of(1, 1, 1) };
    expect(ksStatistic(jsBinaryClfCurve(positivesOnly)).ks).toBeNaN();
    expect(Array.from(thresholdSweep(jsBinaryClfCurve(positivesOnly)).fpr).every(Number.isNaN)).toBe(true);
  });

  it('no rows give empty results', () => {
    const curve = jsBinaryClfCurve(empty);
    expect(ksStatistic(curve).ks).toBeNaN();
    expect(gainsTable(curve).groups).toEqual([]);
    expect(thresholdSweep(curve).threshold.length).toBe(0);
    expect(calibrationCurve(empty).bins).toEqual([]);
    expect(calibrationCurve(empty).ece).toBeNaN();
  });

  it('rejects bad arguments with ValidationError', () => {
    const curve = jsBinaryClfCurve(oneClass);
    expect(() => gainsTable(curve, { groups: 0 })).toThrow(ValidationError);
    expect(() => gainsTable(curve, { groups: 2.5 })).toThrow(/groups/);
    expect(() => thresholdSweep(curve, { costFp: -1 })).toThrow(/costFp/);
    expect(() => thresholdSweep(curve, { costFn: Infinity })).toThrow(ValidationError);
    expect(() => calibrationCurve(oneClass, { bins: 0 })).toThrow(/bins/);
    expect(() => calibrationCurve(oneClass, { strategy: 'kmeans' as 'uniform' })).toThrow(/strategy/);
    const outOfRange = { scores: Float64Array.of(0.5, 1.5), positive: Uint8Array.of(0, 1) };
    expect(() => calibrationCurve(outOfRange)).toThrow(/row 1 has 1.5/);
    try {
      calibrationCurve(outOfRange);
    } catch (e) {
      expect((e as ValidationError).code).toBe('invalid_input');
    }
  });
});
