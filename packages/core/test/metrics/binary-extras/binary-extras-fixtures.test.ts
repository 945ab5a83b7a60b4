import { describe, expect, it } from 'vitest';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
import { calibrationCurve, type CalibrationStrategy } from '../../../src/metrics/binary-extras/calibration-curve.js';
import { gainsTable } from '../../../src/metrics/binary-extras/gains-table.js';
import { ksStatistic } from '../../../src/metrics/binary-extras/ks-statistic.js';
import { thresholdSweep } from '../../../src/metrics/binary-extras/threshold-sweep.js';
import { expectArrayClose, expectClose } from '../../support/fixtures.js';
import { binaryExtrasFixtureNames, fixtureRows, loadBinaryExtrasFixture } from './binary-extras-fixture.js';

describe.each(binaryExtrasFixtureNames())('binary extras fixture %s', (name) => {
  const f = loadBinaryExtrasFixture(name);
  const rows = fixtureRows(f);
  const curve = jsBinaryClfCurve(rows);

  it('ksStatistic matches scipy ks_2samp (weighted ECDF with weights)', () => {
    const ks = ksStatistic(curve);
    expectClose(ks.ks, f.expected.ks.ks, 1e-9, 'ks');
    expectClose(ks.threshold, f.expected.ks.threshold, 1e-9, 'threshold');
  });

  it.each(Object.keys(f.expected.calibration))('calibrationCurve %s matches sklearn calibration_curve', (key) => {
    const [strategy, bins] = key.split('_');
    const e = f.expected.calibration[key];
    const cal = calibrationCurve(rows, { bins: Number(bins), strategy: strategy as CalibrationStrategy, curve });
    expectArrayClose(cal.bins.map((b) => b.fraction_positive), e.prob_true, 1e-9, 'prob_true');
    expectArrayClose(cal.bins.map((b) => b.mean_predicted), e.prob_pred, 1e-9, 'prob_pred');
    expectArrayClose(cal.bins.map((b) => b.count), e.count, 1e-9, 'count');
    expectArrayClose(cal.bins.map((b) => b.lower), e.lower, 1e-9, 'lower');
    expectArrayClose(cal.bins.map((b) => b.upper), e.upper, 1e-9, 'upper');
    expectClose(cal.ece, e.ece, 1e-9, 'ece');
    expectClose(cal.mce, e.mce, 1e-9, 'mce');
    // Without `curve` the function builds the same one.
    expect(calibrationCurve(rows, { bins: Number(bins), strategy: strategy as CalibrationStrategy })).toEqual(cal);
  });

  it.each(Object.keys(f.expected.gains))('gainsTable with %s groups matches the plain reference', (groups) => {
    const table = gainsTable(curve, { groups: Number(groups) });
    const e = f.expected.gains[groups];
    expect(table.groups.map((g) => g.group)).toEqual(e.map((g) => g.group));
    for (const key of Object.keys(e[0] ?? {}) as Array<keyof (typeof table.groups)[number]>) {
      expectArrayClose(table.groups.map((g) => g[key]), e.map((g) => g[key]), 1e-9, `${groups}:${key}`);
    }
  });

  it.each(Object.keys(f.expected.sweep))('thresholdSweep optima with costs %s match the plain reference', (costs) => {
    const [costFp, costFn] = costs.split('_').map(Number);
    const sweep = thresholdSweep(curve, { costFp, costFn });
    const e = f.expected.sweep[costs];
    expect(sweep.threshold.length).toBe(e.n_thresholds);
    for (const key of ['f1', 'youden_j', 'cost'] as const) {
      expectClose(sweep.best[key].value, e[key].value, 1e-9, `${key} value`);
      expectClose(sweep.best[key].threshold, e[key].threshold, 1e-9, `${key} threshold`);
    }
  });
});
