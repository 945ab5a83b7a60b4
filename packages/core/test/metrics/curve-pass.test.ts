import { describe, expect, it } from 'vitest';
import { resolveBinaryOptions } from '../../src/evaluate/binary-options.js';
import { binaryMetricsFromCurve, binaryMetricsFromDigest, curvePassOptions } from '../../src/evaluate/binary-result.js';
import type { BinaryClfCurve } from '../../src/kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../src/kernels/js/js-kernels.js';
import { confusionAtThreshold } from '../../src/metrics/binary/confusion-at-threshold.js';
import { CurvePass, type CurvePassOptions } from '../../src/metrics/binary/curve-pass.js';
import { curveSummary } from '../../src/metrics/binary/curve-summary.js';
import { calibrationFromCurve, gainsTable } from '../../src/metrics/binary-extras/index.js';
import { labels, seededRandom } from '../states/binary/binary-state-helpers.js';

/** The curve handed to a pass in chunks of the given sizes (cycled), as float64 arrays from the chunk's start. */
function passOver(curve: BinaryClfCurve, options: CurvePassOptions, sizes: number[]): CurvePass {
  const m = curve.thresholds.length;
  const pass = new CurvePass(m > 0 ? curve.tps[m - 1] : 0, m > 0 ? curve.fps[m - 1] : 0, options);
  for (let at = 0, i = 0; at < m; i++) {
    const to = Math.min(m, at + sizes[i % sizes.length]);
    pass.take(curve.thresholds.slice(at, to), Float64Array.from(curve.tps.subarray(at, to)), Float64Array.from(curve.fps.subarray(at, to)), to - at);
    at = to;
  }
  return pass;
}

/** What the report's functions read off the whole curve. */
function wholeCurve(curve: BinaryClfCurve, options: CurvePassOptions): unknown {
  const m = curve.thresholds.length;
  const probabilities = m > 0 && curve.thresholds[m - 1] >= 0 && curve.thresholds[0] <= 1;
  return {
    runs: m,
    positives: m > 0 ? curve.tps[m - 1] : 0,
    negatives: m > 0 ? curve.fps[m - 1] : 0,
    minScore: m > 0 ? curve.thresholds[m - 1] : NaN,
    maxScore: m > 0 ? curve.thresholds[0] : NaN,
    confusion: confusionAtThreshold(curve, options.threshold),
    summary: curveSummary(curve, { probabilities, costFp: options.costFp, costFn: options.costFn }),
    calibration: probabilities ? calibrationFromCurve(curve, { bins: options.calibrationBins, strategy: 'uniform' }) : undefined,
    gains: options.gainsGroups === undefined ? undefined : gainsTable(curve, { groups: options.gainsGroups }),
  };
}

describe('CurvePass', () => {
  const random = seededRandom(8);
  const n = 6_000;
  const flags = (rate: number) => Uint8Array.from({ length: n }, () => (random() < rate ? 1 : 0));
  const curves: Record<string, () => BinaryClfCurve> = {
    'continuous scores': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: n }, random), positive: flags(0.3) }),
    // Few distinct scores: optima reached at several thresholds, bins and gains groups closing on ties.
    'heavy ties': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: n }, () => Math.round(random() * 12) / 12), positive: flags(0.5) }),
    'weighted': () => jsBinaryClfCurve({
      scores: Float64Array.from({ length: n }, () => Math.round(random() * 300) / 300), positive: flags(0.4),
      weights: Float64Array.from({ length: n }, () => (random() < 0.1 ? 0 : random() * 3)),
    }),
    'logits (not probabilities), -0 and 0': () => jsBinaryClfCurve({
      scores: Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? (i % 2 === 0 ? -0 : 0) : Math.round((random() - 0.5) * 80) / 8)),
      positive: flags(0.2),
    }),
    'scores on the calibration edges': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: n }, () => Math.floor(random() * 11) / 10), positive: flags(0.5) }),
    // F1 reaches 2/3 at 0.7 and at 0.4, the cost (1, 1) its minimum 2 at 0.9 and at 0.7: the first one is the optimum's.
    'optima reached twice': () => jsBinaryClfCurve({ scores: Float64Array.of(0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3), positive: Uint8Array.of(1, 0, 1, 0, 0, 1, 0) }),
    // Youden's J and |J| reach 1/2 at 0.9 and at 0.7.
    'J and KS reached twice': () => jsBinaryClfCurve({ scores: Float64Array.of(0.9, 0.8, 0.7, 0.6), positive: Uint8Array.of(1, 0, 1, 0) }),
    'only positives': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: 40 }, random), positive: new Uint8Array(40).fill(1) }),
    'only negatives': () => jsBinaryClfCurve({ scores: Float64Array.from({ length: 40 }, random), positive: new Uint8Array(40) }),
    'one row': () => jsBinaryClfCurve({ scores: Float64Array.of(0.3), positive: Uint8Array.of(1) }),
    'empty': () => ({ thresholds: new Float64Array(0), tps: new Uint32Array(0), fps: new Uint32Array(0) }),
  };
  const optionSets: CurvePassOptions[] = [
    { threshold: 0.5, costFp: 1, costFn: 1, calibrationBins: 10, gainsGroups: 10 },
    { threshold: 0.25, costFp: 0.5, costFn: 7, calibrationBins: 7, gainsGroups: 3 },
    { threshold: 0, costFp: 2, costFn: 0, calibrationBins: 1, gainsGroups: undefined },
  ];

  for (const [name, make] of Object.entries(curves)) {
    it(`equals what the report reads off the whole curve, to the last bit, in any chunks: ${name}`, () => {
      const curve = make();
      for (const options of optionSets) {
        const want = wholeCurve(curve, options);
        for (const sizes of [[1 << 30], [1], [2, 3, 1], [977]]) {
          expect(passOver(curve, options, sizes).finish(), `${JSON.stringify(options)} in chunks of ${sizes}`).toEqual(want);
        }
      }
    });
  }

  it('gives binaryMetricsFromDigest the report of binaryMetricsFromCurve (with and without the sections)', () => {
    for (const make of Object.values(curves)) {
      const curve = make();
      for (const detail of [true, false]) {
        const opts = resolveBinaryOptions({ threshold: 0.4 });
        const extra = { bins: 8, costFp: 1, costFn: 3 };
        const digest = passOver(curve, curvePassOptions(opts, detail, extra), [500]).finish();
        expect(binaryMetricsFromDigest(digest, labels, opts, detail, extra)).toEqual(binaryMetricsFromCurve(curve, labels, opts, detail, extra));
      }
    }
  });

  it('refuses the per-threshold curves without the curve', () => {
    const curve = curves['one row']();
    const opts = resolveBinaryOptions({ curves: true });
    const digest = passOver(curve, curvePassOptions(opts, true), [1]).finish();
    expect(() => binaryMetricsFromDigest(digest, labels, opts, true)).toThrow(/whole curve/);
  });

  it('fails when the runs do not end at the totals given, and refuses bad costs, bins and groups', () => {
    const curve = curves['heavy ties']();
    const m = curve.thresholds.length;
    const options = optionSets[0];
    const short = new CurvePass(curve.tps[m - 1], curve.fps[m - 1], options);
    short.take(curve.thresholds, Float64Array.from(curve.tps), Float64Array.from(curve.fps), m - 1);
    expect(() => short.finish()).toThrow(/expected \d+ positive and \d+ negative weight/);
    expect(() => new CurvePass(1, 1, { ...options, costFn: -1 })).toThrow(/costFn/);
    expect(() => new CurvePass(1, 1, { ...options, calibrationBins: 0 })).toThrow(/`bins`/);
    expect(() => new CurvePass(1, 1, { ...options, gainsGroups: 2.5 })).toThrow(/`groups`/);
    // Nothing taken: the empty curve's digest.
    expect(new CurvePass(0, 0, options).finish()).toEqual(wholeCurve(curves.empty(), options));
  });
});
