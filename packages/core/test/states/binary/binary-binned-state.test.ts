import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import type { TaskResult } from '../../../src/evaluate/prepared-task.js';
import type { BinaryRows } from '../../../src/kernels/binary-clf-curve.js';
import { BinaryBinnedState, BinaryExactState } from '../../../src/states/binary/index.js';
import {
  batches, concat, expectCloseMetrics, generatedRows, labels, mapScores, oneShot, randomCuts, seededRandom, slice, viaJson,
} from './binary-state-helpers.js';

const fed = (rows: BinaryRows[], bins?: number, options = {}): BinaryBinnedState => {
  const s = new BinaryBinnedState({ labels, options, bins });
  for (const r of rows) s.update(r);
  return s;
};

/** Identical results, except log_loss and brier_score_loss: float64 per-row sums, equal to ~1e-15 across splits. */
function expectSameBinned(a: TaskResult, b: TaskResult): void {
  const strip = (r: TaskResult): TaskResult => {
    const { log_loss: _l, brier_score_loss: _b, ...metrics } = r.metrics;
    return { ...r, metrics };
  };
  expect(strip(a)).toEqual(strip(b));
  for (const k of ['log_loss', 'brier_score_loss']) {
    if (b.metrics[k] === undefined) expect(a.metrics[k]).toBeUndefined();
    else expect(Math.abs(a.metrics[k] - b.metrics[k])).toBeLessThanOrEqual(1e-14 * Math.abs(b.metrics[k]));
  }
}

const logit = (s: number): number => Math.log(Math.max(s, 1e-9) / Math.max(1 - s, 1e-9));

describe('BinaryBinnedState', () => {
  const rows = generatedRows(20000, 7);
  const weighted = generatedRows(20000, 8, true);

  it('is close to the exact metrics with 65536 bins; threshold metrics at 0.5 and the losses are exact', () => {
    for (const r of [rows, weighted]) {
      const exact = oneShot(r);
      const binned = fed([r]).compute();
      const m = binned.metrics;
      expect(Math.abs(m.roc_auc - exact.metrics.roc_auc)).toBeLessThanOrEqual(m.roc_auc_max_error + 1e-15);
      expect(m.roc_auc_max_error).toBeLessThan(1e-3);
      expect(Math.abs(m.roc_auc - exact.metrics.roc_auc)).toBeLessThan(1e-4);
      expect(Math.abs(m.average_precision - exact.metrics.average_precision)).toBeLessThan(1e-3);
      const same = ['accuracy', 'precision', 'recall', 'f1', 'prevalence', 'log_loss', 'brier_score_loss'];
      expectCloseMetrics(
        Object.fromEntries(same.map((k) => [k, m[k]])),
        Object.fromEntries(same.map((k) => [k, exact.metrics[k]])),
      );
      expect(binned.sections.confusion_matrix).toEqual(exact.sections.confusion_matrix);
      expect(binned.warnings.some((w) => w.code === 'binned_curve')).toBe(true);
    }
  });

  it('keeps |AUC error| within roc_auc_max_error for coarse bins', () => {
    for (const bins of [4, 16, 256]) {
      for (const r of [rows, weighted, mapScores(rows, logit)]) {
        const m = fed([r], bins).compute().metrics;
        expect(Math.abs(m.roc_auc - oneShot(r).metrics.roc_auc)).toBeLessThanOrEqual(m.roc_auc_max_error + 1e-12);
      }
    }
  });

  it('chunked updates and merges of any split equal the whole, in any order', () => {
    const rnd = seededRandom(4);
    const whole = fed([rows]).compute();
    const wholeW = fed([weighted]).compute();
    for (let trial = 0; trial < 4; trial++) {
      const cuts = randomCuts(rows.scores.length, 2 + trial * 3, rnd);
      expectSameBinned(fed(batches(rows, cuts)).compute(), whole);
      expectCloseMetrics(fed(batches(weighted, cuts)).compute().metrics, wholeW.metrics);
      const parts = batches(rows, randomCuts(rows.scores.length, 3, rnd)).map((b) => fed([b]));
      const [a, b, c, d] = parts.map((p) => () => viaJson(p, BinaryBinnedState.fromJSON));
      expectSameBinned(a().merge(b()).merge(c()).merge(d()).compute(), whole);
      expectSameBinned(d().merge(c().merge(b().merge(a()))).compute(), whole);
    }
  });

  it('round-trips through JSON text to an identical compute()', () => {
    for (const r of [rows, weighted, mapScores(rows, logit), slice(rows, 0, 0)]) {
      const s = fed(batches(r, [0, 5000, r.scores.length]), 1024, { curves: true });
      const back = viaJson(s, BinaryBinnedState.fromJSON);
      expect(back.compute()).toEqual(s.compute());
      expect(back.toJSON()).toEqual(s.toJSON());
    }
  });

  it('adapts its range to scores outside [0, 1], growing across batches and merged states', () => {
    // Logits, widened batch by batch: [0, 1] first, then ever wider ranges on both sides.
    const n = rows.scores.length;
    const widening = mapScores(rows, (s, i) => (i < 4000 ? s : logit(s) * (1 + Math.floor(i / 4000) * 10) + (i % 2 === 0 ? 3 : -7)));
    const cuts = [0, 4000, 8000, 8000, 12000, 16000, n];
    const whole = fed([widening]).compute();
    expectSameBinned(fed(batches(widening, cuts)).compute(), whole);
    const parts = batches(widening, cuts).map((b) => fed([b]));
    expectSameBinned(parts[5].merge(parts[0]).merge(parts[3]).merge(parts[1].merge(parts[4])).merge(parts[2]).compute(), whole);
    const m = whole.metrics;
    expect(Math.abs(m.roc_auc - oneShot(widening).metrics.roc_auc)).toBeLessThanOrEqual(m.roc_auc_max_error + 1e-15);
    expect(m.log_loss).toBeUndefined();
    expect(whole.warnings.some((w) => w.code === 'not_probabilities')).toBe(true);
    // Negative and huge scores too.
    const huge = mapScores(rows, (s, i) => (i % 3 === 0 ? -s * 1e300 : s * 1e-3));
    const hm = fed(batches(huge, [0, 100, n])).compute().metrics;
    expect(Math.abs(hm.roc_auc - oneShot(huge).metrics.roc_auc)).toBeLessThanOrEqual(hm.roc_auc_max_error + 1e-15);
  });

  it('omits log loss and Brier for scores just above 1, whose bin edges lie in [0, 1]', () => {
    const above = concat(rows, { scores: Float64Array.of(1 + 1e-9), positive: Uint8Array.of(1) });
    const r = fed([above]).compute();
    expect(r.metrics.log_loss).toBeUndefined();
    expect(r.metrics.brier_score_loss).toBeUndefined();
    expect(r.sections.calibration).toBeUndefined();
    expect(r.warnings.find((w) => w.code === 'not_probabilities')?.message).toContain('1.000000001');
  });

  it('makes the threshold metrics exact at a bin-edge threshold', () => {
    const exact = new BinaryExactState({ labels, options: { threshold: 0.25 } }).update(rows).compute();
    const binned = fed([rows], 4096, { threshold: 0.25 }).compute();
    for (const k of ['accuracy', 'precision', 'recall', 'f1']) expect(binned.metrics[k]).toBe(exact.metrics[k]);
  });

  it('uses O(bins) memory', () => {
    expect(fed([rows]).bytes).toBe(65537 * 16);
    expect(fed([rows], 1024).bytes).toBe(1025 * 16);
  });

  it('refuses bad bins, merges with other bins, options or kinds, and foreign JSON', () => {
    expect(() => new BinaryBinnedState({ labels, options: {}, bins: 3 })).toThrow(ValidationError);
    expect(() => new BinaryBinnedState({ labels, options: {}, bins: 10.5 })).toThrow(ValidationError);
    const a = fed([rows], 1024);
    expect(() => a.merge(fed([rows], 2048))).toThrow(ValidationError);
    expect(() => a.merge(fed([rows], 1024, { beta: 2 }))).toThrow(ValidationError);
    expect(() => a.merge(new BinaryExactState({ labels, options: {} }) as never)).toThrow(ValidationError);
    expect(() => BinaryBinnedState.fromJSON({ ...a.toJSON(), kind: 'binary/exact' })).toThrow(ValidationError);
    expect(() => BinaryBinnedState.fromJSON({ ...a.toJSON(), first: 3 })).toThrow(ValidationError);
  });
});

describe('BinaryBinnedState without swappable classes (a stream that knows its positive label)', () => {
  const rows = generatedRows(20_000, 11);
  const parts = [slice(rows, 0, 7_000), slice(rows, 7_000, 20_000)];

  it('computes exactly what a swappable state computes, without the swapped sums', () => {
    const swappable = fed(parts, 4096);
    const fixed = new BinaryBinnedState({ labels, options: {}, bins: 4096, swappable: false });
    for (const p of parts) fixed.update(p);
    expect(fixed.swappable).toBe(false);
    expect(swappable.swappable).toBe(true);
    expect(fixed.compute()).toEqual(swappable.compute());
  });

  it('round-trips through JSON (swapped sums as null), and a merge with it cannot swap', () => {
    const fixed = new BinaryBinnedState({ labels, options: {}, bins: 4096, swappable: false }).update(parts[0]);
    const json = JSON.parse(JSON.stringify(fixed.toJSON()));
    expect(json.logLossSumSwapped).toBeNull();
    const back = BinaryBinnedState.fromJSON(json);
    expect(back.swappable).toBe(false);
    expect(back.compute()).toEqual(fixed.compute());
    const merged = fed([parts[1]], 4096).merge(back);
    expect(merged.swappable).toBe(false);
    expect(() => merged.swapClasses()).toThrow(/without swappable classes/);
    expect(() => BinaryBinnedState.fromJSON({ ...json, logLossSumSwapped: 1 })).toThrow(/no loss sums/);
  });
});

describe('binRows log-loss sums (running products of probabilities, one logarithm per few thousand rows)', () => {
  const EPS = Number.EPSILON;
  /** Neumaier-compensated sum of -log(clip(p_y)) row by row: the reference. */
  const reference = (scores: Float64Array, positive: Uint8Array, swapped: boolean): number => {
    let sum = 0;
    let c = 0;
    for (let i = 0; i < scores.length; i++) {
      const p = Math.min(Math.max(scores[i], EPS), 1 - EPS);
      const x = -Math.log((positive[i] === 1) !== swapped ? p : 1 - p);
      const t = sum + x;
      c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
      sum = t;
    }
    return sum + c;
  };
  const random = seededRandom(21);
  const n = 100_000;
  const cases: Record<string, (y: number) => number> = {
    'uniform scores': () => random(),
    'confident and right (p_y from 1 - 1e-3 to 1 - 1e-13)': (y) => { const q = 10 ** (-3 - 10 * random()); return y === 1 ? 1 - q : q; },
    'all nearly certain and right (p_y ~ 1 - 1e-13: the loss is tiny, a product would lose it)': (y) => (y === 1 ? 1 - 1e-13 * (1 + random()) : 1e-13 * (1 + random())),
    'confident and wrong (p_y down to 1e-300, clipped)': (y) => { const q = 10 ** (-300 * random()); return y === 1 ? q : 1 - q; },
    'a mix of all three': (y) => { const k = random(); return k < 0.3 ? random() : k < 0.7 ? (y === 1 ? 1 - 1e-12 * random() : 1e-9 * random()) : (y === 1 ? 1e-200 : 1 - 1e-7); },
  };
  for (const [name, score] of Object.entries(cases)) {
    it(`matches a per-row sum to 1e-12 relative: ${name}`, () => {
      const positive = Uint8Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
      const scores = Float64Array.from(positive, (y) => score(y));
      for (const swappable of [false, true]) {
        const state = new BinaryBinnedState({ labels, options: {}, swappable }).update({ scores, positive });
        const json = state.toJSON();
        const want = reference(scores, positive, false);
        expect(Math.abs(json.logLossSum - want)).toBeLessThanOrEqual(1e-12 * want);
        if (swappable) {
          const other = reference(scores, positive, true);
          expect(Math.abs((json.logLossSumSwapped ?? NaN) - other)).toBeLessThanOrEqual(1e-12 * other);
        }
      }
    });
  }
});
