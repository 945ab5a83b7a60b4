import { describe, expect, it } from 'vitest';
import { createSeededRandom, openUniform } from '../../src/generate/seeded-random.js';

describe('createSeededRandom', () => {
  it('repeats a stream for a seed and is pinned', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    expect(first).toEqual([-85994815, -1887883075, 1923601050]);
  });

  it('decorrelates nearby seeds', () => {
    const x = createSeededRandom(1).next();
    const y = createSeededRandom(2).next();
    let differingBits = 0;
    for (let v = (x ^ y) >>> 0; v !== 0; v >>>= 1) differingBits += v & 1;
    expect(differingBits).toBeGreaterThan(4);
  });

  it('accepts the whole uint32 seed range', () => {
    expect(createSeededRandom(4294967295).next()).not.toBe(createSeededRandom(0).next());
  });
});

describe('openUniform', () => {
  it('stays strictly inside (0, 1) and averages 1/2', () => {
    const rng = createSeededRandom(9);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const u = openUniform(rng);
      if (!(u > 0 && u < 1)) outside += 1;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
