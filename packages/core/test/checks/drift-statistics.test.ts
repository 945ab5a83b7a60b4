import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  binCounts, chiSquareHomogeneity, jensenShannonDivergence, ksTwoSample, populationStabilityIndex, quantileEdges,
} from '../../src/checks/drift-statistics.js';
import { kolmogorovSf, smirnovSf } from '../../src/checks/kolmogorov-sf.js';
import { chiSquareSf, logGamma, regularizedGammaQ } from '../../src/checks/special-functions.js';
import { jsonNumber } from '../../src/report/report-to-json.js';

// Reference values: scripts/fixtures/generate_checks.py (scipy 1.10.1, scikit-learn 1.2.1).
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'checks', 'statistics.json'), 'utf8')) as Record<string, Array<Record<string, unknown>>>;

function close(actual: number, expected: unknown, rtol: number, atol = 0): void {
  const e = jsonNumber(expected);
  expect(Math.abs(actual - e), `${actual} vs ${e}`).toBeLessThanOrEqual(atol + rtol * Math.abs(e));
}

const sorted = (v: unknown): Float64Array => Float64Array.from(v as number[]).sort();

describe('ksTwoSample', () => {
  for (const c of fixture.ks) {
    it(`matches scipy ks_2samp(method='asymp') on ${String(c.name)}`, () => {
      const r = ksTwoSample(sorted(c.a), sorted(c.b));
      close(r.statistic, c.statistic, 1e-12);
      close(r.pValue, c.p_value, 1e-9, 1e-300);
    });
  }
  it('is symmetric and zero for equal samples', () => {
    const a = Float64Array.of(1, 2, 2, 3);
    expect(ksTwoSample(a, a)).toEqual({ statistic: 0, pValue: 1 });
    const b = Float64Array.of(0, 2, 5);
    expect(ksTwoSample(a, b).statistic).toBe(ksTwoSample(b, a).statistic);
  });
  it('gives NaN for an empty sample', () => {
    expect(ksTwoSample(new Float64Array(0), Float64Array.of(1)).statistic).toBeNaN();
  });
});

describe('kolmogorovSf and smirnovSf', () => {
  it('match scipy.special.smirnov', () => {
    for (const c of fixture.smirnov) close(smirnovSf(c.n as number, c.x as number), c.sf, 1e-9, 1e-300);
  });
  it('match scipy.stats.kstwo.sf in every branch (closed forms, smirnov, Durbin matrix, Pomeranz, Pelz–Good)', () => {
    for (const c of fixture.kolmogorov) close(kolmogorovSf(c.n as number, c.x as number), c.sf, 1e-9, 1e-300);
  });
});

describe('chi-square, gamma and Jensen–Shannon', () => {
  for (const c of fixture.chi2) {
    it(`matches scipy chi2_contingency(correction=False) and jensenshannon on ${String(c.name)}`, () => {
      const r = chiSquareHomogeneity(c.a as number[], c.b as number[]);
      close(r.statistic, c.statistic, 1e-12);
      close(r.pValue, c.p_value, 1e-9, 1e-300);
      expect(r.dof).toBe(c.dof);
      close(jensenShannonDivergence(c.a as number[], c.b as number[]), c.js, 1e-9, 1e-15);
    });
  }
  it('chiSquareSf matches scipy.stats.chi2.sf', () => {
    for (const c of fixture.chi2_sf) close(chiSquareSf(c.x as number, c.dof as number), c.sf, 1e-9, 1e-300);
  });
  it('regularizedGammaQ matches scipy.special.gammaincc', () => {
    for (const c of fixture.gammaincc) close(regularizedGammaQ(c.a as number, c.x as number), c.q, 1e-9, 1e-300);
  });
  it('logGamma matches scipy.special.gammaln', () => {
    for (const c of fixture.gammaln) close(logGamma(c.x as number), c.value, 1e-12, 1e-14);
  });
  it('chi-square of one category has no degrees of freedom', () => {
    expect(chiSquareHomogeneity([5, 0], [7, 0])).toEqual({ statistic: 0, pValue: 1, dof: 0 });
  });
});

describe('population stability index', () => {
  for (const c of fixture.psi) {
    it(`matches the numpy reference on ${String(c.name)}`, () => {
      const a = sorted(c.a);
      const b = sorted(c.b);
      const edges = quantileEdges(a, 10);
      expect(Array.from(edges)).toHaveLength((c.edges as number[]).length);
      edges.forEach((e, k) => close(e, (c.edges as number[])[k], 1e-14, 1e-15));
      expect(Array.from(binCounts(a, edges))).toEqual(c.train_counts);
      expect(Array.from(binCounts(b, edges))).toEqual(c.counts);
      close(populationStabilityIndex(binCounts(a, edges), binCounts(b, edges)), c.psi, 1e-12, 1e-15);
    });
  }
  it('is 0 for equal shares and symmetric', () => {
    expect(populationStabilityIndex([10, 20], [1, 2])).toBeCloseTo(0, 15);
    expect(populationStabilityIndex([50, 50], [30, 70])).toBeCloseTo(populationStabilityIndex([30, 70], [50, 50]), 15);
  });
});
