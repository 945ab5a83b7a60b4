import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correlationRatio, mutualInformation, pearsonCorrelation, singleFeatureAuc } from '../../src/checks/leakage-statistics.js';

// Reference values: scripts/fixtures/generate_checks.py (scikit-learn 1.2.1, scipy 1.10.1).
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'checks', 'statistics.json'), 'utf8')) as {
  leakage: Array<{ y: number[]; x: number[]; cat: number[]; y3: number[]; reg: number[]; roc_auc: number; pearson_r: number; mutual_info_cat_y3: number; entropy_y3: number }>;
};
const c = fixture.leakage[0];

describe('leakage statistics', () => {
  it('singleFeatureAuc matches roc_auc_score and ignores rows with a missing value or label', () => {
    expect(singleFeatureAuc(Float64Array.from(c.x), Uint8Array.from(c.y))).toBeCloseTo(c.roc_auc, 14);
    const x = Float64Array.from([...c.x, NaN, 5]);
    const y = Uint8Array.from([...c.y, 1, 255]);
    expect(singleFeatureAuc(x, y)).toBeCloseTo(c.roc_auc, 14);
  });
  it('pearsonCorrelation matches scipy.stats.pearsonr', () => {
    expect(pearsonCorrelation(Float64Array.from(c.x), Float64Array.from(c.reg))).toBeCloseTo(c.pearson_r, 13);
    expect(pearsonCorrelation(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBeNaN();
  });
  it('mutualInformation matches mutual_info_score and scipy entropy', () => {
    const r = mutualInformation(Int32Array.from(c.cat), Int32Array.from(c.y3));
    expect(r.mutualInformation).toBeCloseTo(c.mutual_info_cat_y3, 13);
    expect(r.entropyB).toBeCloseTo(c.entropy_y3, 13);
    const same = mutualInformation(Int32Array.of(0, 0, 1, 1, -1), Int32Array.of(0, 0, 1, 1, 1));
    expect(same.mutualInformation).toBeCloseTo(Math.log(2), 15);
    expect(same.entropyB).toBeCloseTo(Math.log(2), 15);
  });
  it('correlationRatio is the share of variance the groups explain', () => {
    expect(correlationRatio(Int32Array.of(0, 0, 1, 1), Float64Array.of(1, 1, 5, 5))).toBe(1);
    expect(correlationRatio(Int32Array.of(0, 1, 0, 1), Float64Array.of(1, 1, 5, 5))).toBe(0);
    // Groups {1, 3} and {5, 7}: group means 2 and 6, total variance 20, within 4: η² = 0.8.
    expect(correlationRatio(Int32Array.of(0, 0, 1, 1, -1), Float64Array.of(1, 3, 5, 7, 100))).toBeCloseTo(0.8, 15);
  });
});
