import { describe, expect, it } from 'vitest';
import type { ReportWarning } from '../../src/report/report-warning.js';
import { thresholdMetrics } from '../../src/metrics/binary/threshold-metrics.js';

describe('thresholdMetrics', () => {
  it('computes the textbook values', () => {
    const m = thresholdMetrics({ tn: 50, fp: 10, fn: 5, tp: 35 }, { beta: 2 });
    expect(m.accuracy).toBeCloseTo(0.85, 15);
    expect(m.precision).toBeCloseTo(35 / 45, 15);
    expect(m.recall).toBeCloseTo(35 / 40, 15);
    expect(m.specificity).toBeCloseTo(50 / 60, 15);
    expect(m.balanced_accuracy).toBeCloseTo((35 / 40 + 50 / 60) / 2, 15);
    expect(m.f1).toBeCloseTo(70 / 85, 15);
    const p = 35 / 45;
    const r = 35 / 40;
    expect(m.fbeta).toBeCloseTo((5 * p * r) / (4 * p + r), 15);
    expect(m.matthews_corrcoef).toBeCloseTo((35 * 50 - 10 * 5) / Math.sqrt(45 * 40 * 60 * 55), 14);
    const po = 0.85;
    const pe = (45 * 40 + 55 * 60) / 100 ** 2;
    expect(m.cohen_kappa).toBeCloseTo((po - pe) / (1 - pe), 14);
  });

  it('follows zeroDivision and warns when nothing is predicted positive', () => {
    const c = { tn: 10, fp: 0, fn: 5, tp: 0 };
    const warnings: ReportWarning[] = [];
    expect(thresholdMetrics(c, {}, warnings).precision).toBe(0);
    expect(warnings.map((w) => w.code)).toContain('zero_division');
    expect(thresholdMetrics(c, { zeroDivision: 1 }).precision).toBe(1);
    expect(thresholdMetrics(c, { zeroDivision: 'nan' }).precision).toBeNaN();
    expect(thresholdMetrics(c).f1).toBe(0);
  });
});
