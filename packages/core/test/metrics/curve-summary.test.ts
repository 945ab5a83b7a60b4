import { describe, expect, it } from 'vitest';
import type { BinaryClfCurve } from '../../src/kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../src/kernels/js/js-kernels.js';
import { brierScoreFromCurve } from '../../src/metrics/binary/brier-score-loss.js';
import { curveSummary } from '../../src/metrics/binary/curve-summary.js';
import { logLoss } from '../../src/metrics/binary/log-loss.js';
import { ksStatistic, thresholdSweep } from '../../src/metrics/binary-extras/index.js';
import { averagePrecision } from '../../src/metrics/curves/average-precision.js';
import { rocAuc } from '../../src/metrics/curves/roc-auc.js';
import { seededRandom } from '../states/binary/binary-state-helpers.js';

/** What each metric's own function gives. */
function oneByOne(curve: BinaryClfCurve, costFp: number, costFn: number): unknown {
  const ks = ksStatistic(curve);
  return {
    rocAuc: rocAuc(curve), averagePrecision: averagePrecision(curve), logLoss: logLoss(curve), brier: brierScoreFromCurve(curve),
    ks: ks.ks, ksThreshold: ks.threshold, best: thresholdSweep(curve, { costFp, costFn, arrays: false }).best,
  };
}

describe('curveSummary', () => {
  const random = seededRandom(3);
  const n = 5_000;
  const cases: Record<string, () => BinaryClfCurve> = {
    'continuous scores': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: n }, random), positive: Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0)) }),
    'heavy ties': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: n }, () => Math.round(random() * 20) / 20), positive: Uint8Array.from({ length: n }, () => (random() < 0.5 ? 1 : 0)) }),
    'weighted': () => jsBinaryClfCurve({
      scores: Float64Array.from({ length: n }, () => Math.round(random() * 200) / 200), positive: Uint8Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0)),
      weights: Float64Array.from({ length: n }, () => (random() < 0.1 ? 0 : random() * 3)),
    }),
    'nearly certain': () => {
      const positive = Uint8Array.from({ length: n }, () => (random() < 0.5 ? 1 : 0));
      return jsBinaryClfCurve({ scores: Float64Array.from(positive, (y) => (y === 1 ? 1 - 1e-12 * random() : 1e-12 * random())), positive });
    },
    'only positives': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: 50 }, random), positive: new Uint8Array(50).fill(1) }),
    'only negatives': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: 50 }, random), positive: new Uint8Array(50) }),
    'one row': () => jsBinaryClfCurve({ scores: Float64Array.of(0.3), positive: Uint8Array.of(1) }),
    'empty': () => ({ thresholds: new Float64Array(0), tps: new Float64Array(0), fps: new Float64Array(0) }),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`equals each metric's own function to the last bit: ${name}`, () => {
      const curve = make();
      for (const [costFp, costFn] of [[1, 1], [0.5, 7]]) {
        const want = oneByOne(curve, costFp, costFn);
        expect(curveSummary(curve, { probabilities: true, costFp, costFn })).toEqual(want);
        const noLosses = curveSummary(curve, { probabilities: false, costFp, costFn });
        expect(noLosses.logLoss).toBeNaN();
        expect(noLosses.brier).toBeNaN();
        expect({ ...noLosses, logLoss: 0, brier: 0 }).toEqual({ ...(want as object), logLoss: 0, brier: 0 });
      }
    });
  }

  it('refuses negative or infinite costs, as thresholdSweep does', () => {
    const curve = cases['one row']();
    expect(() => curveSummary(curve, { probabilities: true, costFp: -1 })).toThrow(/costFp/);
    expect(() => curveSummary(curve, { probabilities: true, costFn: Infinity })).toThrow(/costFn/);
  });
});
