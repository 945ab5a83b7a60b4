import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { bootstrapIntervals } from '../../src/intervals/bootstrap-intervals.js';
import { delongRocAucInterval } from '../../src/intervals/delong-roc-auc-interval.js';
import { jsBinaryClfCurve } from '../../src/kernels/js/js-kernels.js';
import { ksStatistic } from '../../src/metrics/binary-extras/ks-statistic.js';
import { rocAuc } from '../../src/metrics/curves/roc-auc.js';
import { fixtureRows, gatherRows, loadBinaryExtrasFixture } from '../metrics/binary-extras/binary-extras-fixture.js';

describe('bootstrapIntervals', () => {
  const rows = fixtureRows(loadBinaryExtrasFixture('large_5000'));
  const n = rows.scores.length;
  const metrics = (indices: Uint32Array): Record<string, number> => {
    const curve = jsBinaryClfCurve(gatherRows(rows, indices));
    return { roc_auc: rocAuc(curve), ks: ksStatistic(curve).ks };
  };

  it('contains the point estimate on a 5000-row sample and agrees with DeLong', async () => {
    const curve = jsBinaryClfCurve(rows);
    const ci = await bootstrapIntervals(n, metrics, { replicates: 200, seed: 42 });
    expect(Object.keys(ci)).toEqual(['ks', 'roc_auc']);
    const auc = rocAuc(curve);
    const ks = ksStatistic(curve).ks;
    expect(ci.roc_auc.low).toBeLessThan(auc);
    expect(ci.roc_auc.high).toBeGreaterThan(auc);
    expect(ci.ks.low).toBeLessThan(ks);
    expect(ci.ks.high).toBeGreaterThan(ks);
    expect(ci.roc_auc).toMatchObject({ level: 0.95, method: 'bootstrap', replicates: 200, nan_replicates: 0 });
    // The percentile width is close to DeLong's (both estimate the same sampling spread).
    const delong = delongRocAucInterval(rows)!;
    const ratio = (ci.roc_auc.high - ci.roc_auc.low) / (delong.high - delong.low);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
  });

  it('is deterministic for a seed and varies with it', async () => {
    const small = (indices: Uint32Array): Record<string, number> => {
      let s = 0;
      for (const i of indices) s += rows.scores[i];
      return { mean: s / indices.length };
    };
    const a = await bootstrapIntervals(300, small, { replicates: 100, seed: 7 });
    const b = await bootstrapIntervals(300, small, { replicates: 100, seed: 7 });
    const c = await bootstrapIntervals(300, small, { replicates: 100, seed: 8 });
    expect(b).toEqual(a);
    expect(c.mean.low).not.toBe(a.mean.low);
    expect(await bootstrapIntervals(300, small, { replicates: 100 })).toEqual(await bootstrapIntervals(300, small, { replicates: 100, seed: 0 }));
  });

  it('draws indices in [0, n) with replacement', async () => {
    let seen = 0;
    let repeats = 0;
    await bootstrapIntervals(50, (indices) => {
      expect(indices.length).toBe(50);
      for (const i of indices) expect(i).toBeLessThan(50);
      if (new Set(indices).size < 50) repeats++;
      seen++;
      return {};
    }, { replicates: 20 });
    expect(seen).toBe(20);
    expect(repeats).toBe(20);
  });

  it('ignores and counts NaN or missing replicates and uses linear percentiles', async () => {
    let r = 0;
    const out = await bootstrapIntervals(10, (): Record<string, number> => {
      const k = r++;
      // value = replicate number; every 4th replicate is NaN; "late" appears from replicate 50 on.
      return k >= 50 ? { value: k % 4 === 0 ? NaN : k, late: 1 } : { value: k % 4 === 0 ? NaN : k };
    }, { replicates: 100, level: 0.9 });
    expect(out.value.nan_replicates).toBe(25);
    const kept = Array.from({ length: 100 }, (_, k) => k).filter((k) => k % 4 !== 0);
    const q = (p: number): number => {
      const h = (kept.length - 1) * p;
      const j = Math.floor(h);
      return kept[j] + (kept[j + 1] - kept[j]) * (h - j);
    };
    expect(out.value.low).toBeCloseTo(q(0.05), 12);
    expect(out.value.high).toBeCloseTo(q(0.95), 12);
    expect(out.late).toMatchObject({ low: 1, high: 1, nan_replicates: 50, replicates: 100 });
    const allNan = await bootstrapIntervals(5, () => ({ x: NaN }), { replicates: 3 });
    expect(allNan.x.low).toBeNaN();
    expect(allNan.x.nan_replicates).toBe(3);
  });

  it('rejects bad arguments', async () => {
    const f = (): Record<string, number> => ({});
    await expect(bootstrapIntervals(0, f)).rejects.toThrow(ValidationError);
    await expect(bootstrapIntervals(1.5, f)).rejects.toThrow(/`n`/);
    await expect(bootstrapIntervals(5, f, { replicates: 0 })).rejects.toThrow(/replicates/);
    await expect(bootstrapIntervals(5, f, { seed: -1 })).rejects.toThrow(/seed/);
    await expect(bootstrapIntervals(5, f, { level: 1 })).rejects.toThrow(/level/);
  });
});
