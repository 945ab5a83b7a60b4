import { describe, expect, it } from 'vitest';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';

describe('jsBinaryClfCurve consumeScores', () => {
  const scores = Float64Array.from({ length: 5_000 }, (_, i) => ((i * 7919) % 1009) / 1009 - (i % 7 === 0 ? 0 : 0.25));
  scores[3] = -0; // -0 and +0 form one tie group either way
  scores[4] = 0;
  const positive = Uint8Array.from(scores, (s, i) => (s + (i % 5) / 10 > 0.4 ? 1 : 0));

  it('sorts handed-over scores in place into the same curve, and copies them otherwise', () => {
    const kept = scores.slice();
    const copied = jsBinaryClfCurve({ scores: kept, positive });
    expect(kept).toEqual(scores); // not handed over: untouched
    const handed = scores.slice();
    const consumed = jsBinaryClfCurve({ scores: handed, positive, consumeScores: true });
    expect(consumed.thresholds.buffer).toBe(handed.buffer); // the curve lives in the handed-over buffer
    expect(Array.from(consumed.thresholds)).toEqual(Array.from(copied.thresholds));
    expect(Array.from(consumed.tps)).toEqual(Array.from(copied.tps));
    expect(Array.from(consumed.fps)).toEqual(Array.from(copied.fps));
    // -0 became +0 in place too: one threshold for both zeros.
    expect(Array.from(consumed.thresholds).filter((t) => t === 0)).toHaveLength(1);
    expect(Array.from(consumed.thresholds).some((t) => Object.is(t, -0))).toBe(false);
    // Float32 scores are always copied (the thresholds are float64).
    const single = Float32Array.from(scores);
    expect(jsBinaryClfCurve({ scores: single, positive, consumeScores: true }).thresholds.buffer).not.toBe(single.buffer);
  });
});
