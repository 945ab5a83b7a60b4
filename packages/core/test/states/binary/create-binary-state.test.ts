import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { BinaryBinnedState, BinaryExactState, binaryStateFromJSON, createBinaryState } from '../../../src/states/binary/index.js';
import { generatedRows, labels } from './binary-state-helpers.js';

describe('createBinaryState / binaryStateFromJSON', () => {
  const rows = generatedRows(2000, 3);

  it('creates the state of each mode and rebuilds it from JSON by kind', () => {
    const exact = createBinaryState('exact', { labels, options: {} }).update(rows);
    const binned = createBinaryState('binned', { labels, options: {}, bins: 256 }).update(rows);
    expect(exact).toBeInstanceOf(BinaryExactState);
    expect(binned).toBeInstanceOf(BinaryBinnedState);
    for (const s of [exact, binned]) {
      const back = binaryStateFromJSON(JSON.parse(JSON.stringify(s)));
      expect(back.kind).toBe(s.kind);
      expect(back.compute()).toEqual(s.compute());
    }
  });

  it('rejects unknown modes and kinds', () => {
    expect(() => createBinaryState('sketch' as never, { labels, options: {} })).toThrow(ValidationError);
    expect(() => binaryStateFromJSON({ kind: 'regression', version: 1 })).toThrow(ValidationError);
  });
});

describe('swapClasses', () => {
  it('gives the metrics of the other labelling, in both modes, after a JSON round trip too', async () => {
    const { generateBinaryPredictions } = await import('../../../src/generate/index.js');
    const { createBinaryState, binaryStateFromJSON } = await import('../../../src/states/binary/index.js');
    const g = generateBinaryPredictions({ rows: 5000, seed: 9 });
    const positive = Uint8Array.from(g.label);
    const flipped = positive.map((v) => 1 - v);
    const labels = { positive: 1, negative: 0, positiveIndex: 1 };
    for (const mode of ['exact', 'binned'] as const) {
      const direct = createBinaryState(mode, { labels, options: {} }).update({ scores: g.score, positive: flipped }).compute();
      const swapped = createBinaryState(mode, { labels, options: {} }).update({ scores: g.score, positive }).swapClasses();
      const viaJson = binaryStateFromJSON(JSON.parse(JSON.stringify(createBinaryState(mode, { labels, options: {} })
        .update({ scores: g.score, positive }).toJSON()))).swapClasses();
      for (const r of [swapped.compute(), viaJson.compute()]) {
        for (const [key, value] of Object.entries(direct.metrics)) {
          if (Number.isNaN(value)) expect(r.metrics[key], key).toBeNaN();
          else expect(Math.abs(r.metrics[key] - value), key).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
        }
      }
    }
  });
});
