import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { delongRocAucInterval } from '../../src/intervals/delong-roc-auc-interval.js';
import { normalQuantile } from '../../src/intervals/normal-quantile.js';
import type { BinaryRows } from '../../src/kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../src/kernels/js/js-kernels.js';
import { rocAuc } from '../../src/metrics/curves/roc-auc.js';
import { expectClose } from '../support/fixtures.js';
import {
  binaryExtrasFixtureNames, fixtureRows, loadBinaryExtrasFixture, permuteRows,
} from '../metrics/binary-extras/binary-extras-fixture.js';

/** DeLong's variance straight from the O(m n) structural-components definition. */
function quadraticDelong(rows: BinaryRows): { auc: number; se: number } {
  const x: number[] = [];
  const y: number[] = [];
  rows.scores.forEach((s, i) => (rows.positive[i] === 1 ? x : y).push(s));
  const psi = (a: number, b: number): number => (a > b ? 1 : a === b ? 0.5 : 0);
  const v10 = x.map((xi) => y.reduce((acc, yj) => acc + psi(xi, yj), 0) / y.length);
  const v01 = y.map((yj) => x.reduce((acc, xi) => acc + psi(xi, yj), 0) / x.length);
  const auc = v10.reduce((a, b) => a + b, 0) / x.length;
  const s10 = v10.reduce((a, v) => a + (v - auc) ** 2, 0) / (x.length - 1);
  const s01 = v01.reduce((a, v) => a + (v - auc) ** 2, 0) / (y.length - 1);
  return { auc, se: Math.sqrt(s10 / x.length + s01 / y.length) };
}

describe('delongRocAucInterval', () => {
  it.each(binaryExtrasFixtureNames())('matches the numpy midrank reference (%s)', (name) => {
    const f = loadBinaryExtrasFixture(name);
    const rows = fixtureRows(f);
    const ci = delongRocAucInterval(rows);
    if (f.expected.delong === null) {
      expect(ci).toBeUndefined();
      return;
    }
    expect(ci).toBeDefined();
    if (ci === undefined) return;
    expect(ci.method).toBe('delong');
    expect(ci.level).toBe(0.95);
    expectClose(ci.estimate, f.expected.delong.auc, 1e-9, 'auc');
    expectClose(ci.se, f.expected.delong.se, 1e-9, 'se');
    expectClose(ci.low, f.expected.delong.low, 1e-9, 'low');
    expectClose(ci.high, f.expected.delong.high, 1e-9, 'high');
    // The estimate is the ROC AUC of the same curve; passing the curve skips the sort and changes nothing.
    const curve = jsBinaryClfCurve(rows);
    expectClose(ci.estimate, rocAuc(curve), 1e-12, 'rocAuc');
    expect(delongRocAucInterval(rows, 0.95, curve)).toEqual(ci);
  });

  it('equals the O(n^2) structural-components definition on a tiny tied case', () => {
    const rows = {
      scores: Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2, 0.9, 0.65, 0.65, 0.3, 0.05, 0.4),
      positive: Uint8Array.of(0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1),
    };
    const direct = quadraticDelong(rows);
    const ci = delongRocAucInterval(rows, 0.9);
    expect(ci).toBeDefined();
    expectClose(ci!.estimate, direct.auc, 1e-14, 'auc');
    expectClose(ci!.se, direct.se, 1e-12, 'se');
    const z = normalQuantile(0.95);
    expectClose(ci!.low, direct.auc - z * direct.se, 1e-12, 'low');
    expectClose(ci!.high, direct.auc + z * direct.se, 1e-12, 'high');
  });

  it('does not depend on row order', () => {
    const rows = fixtureRows(loadBinaryExtrasFixture('rounded_ties_1000'));
    const a = delongRocAucInterval(rows)!;
    const b = delongRocAucInterval(permuteRows(rows, 3))!;
    expectClose(b.se, a.se, 1e-13, 'se');
    expect(b.estimate).toBe(a.estimate);
  });

  it('narrows as the level drops and clips to [0, 1]', () => {
    const rows = fixtureRows(loadBinaryExtrasFixture('random_200'));
    const wide = delongRocAucInterval(rows, 0.99)!;
    const narrow = delongRocAucInterval(rows, 0.5)!;
    expect(narrow.low).toBeGreaterThan(wide.low);
    expect(narrow.high).toBeLessThan(wide.high);
    const perfect = delongRocAucInterval(fixtureRows(loadBinaryExtrasFixture('perfect_separation_100')))!;
    expect(perfect).toMatchObject({ low: 1, high: 1, estimate: 1, se: 0 });
    const nearly = { scores: Float64Array.of(0.1, 0.2, 0.3, 0.25, 0.9), positive: Uint8Array.of(0, 0, 1, 1, 1) };
    expect(delongRocAucInterval(nearly)!.high).toBe(1);
  });

  it('gives NaN for one class, NaN se for a single positive, undefined with weights', () => {
    const oneClass = { scores: Float64Array.of(0.2, 0.4), positive: Uint8Array.of(1, 1) };
    const ci = delongRocAucInterval(oneClass)!;
    expect([ci.low, ci.high, ci.estimate, ci.se].every(Number.isNaN)).toBe(true);
    const single = delongRocAucInterval({ scores: Float64Array.of(0.2, 0.4, 0.7), positive: Uint8Array.of(0, 0, 1) })!;
    expect(single.estimate).toBe(1);
    expect(single.se).toBeNaN();
    expect(delongRocAucInterval({ ...oneClass, weights: Float64Array.of(1, 1) })).toBeUndefined();
    expect(() => delongRocAucInterval(oneClass, 1)).toThrow(ValidationError);
    expect(() => delongRocAucInterval(oneClass, 0)).toThrow(/level/);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf', () => {
    const reference: Array<[number, number]> = [
      [1e-300, -37.0470962993612], [1e-20, -9.262340089798409], [1e-8, -5.612001244174789],
      [0.001, -3.090232306167813], [0.025, -1.9599639845400545], [0.1, -1.2815515655446004],
      [0.3, -0.5244005127080409], [0.5, 0], [0.6, 0.2533471031357997], [0.95, 1.6448536269514722],
      [0.975, 1.959963984540054], [0.995, 2.5758293035489004], [0.9999999, 5.199337582290661],
    ];
    for (const [p, z] of reference) expectClose(normalQuantile(p), z, 1e-14, String(p));
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(ValidationError);
    expect(() => normalQuantile(NaN)).toThrow(ValidationError);
  });
});
