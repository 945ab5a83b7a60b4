import { describe, expect, it } from 'vitest';
import { portableExp } from '../../src/generate/portable-exp.js';

describe('portableExp', () => {
  it.each([0, 1, -1, 0.5, -2.3, 10, -30, 60])('is close to Math.exp(%d)', (x) => {
    expect(Math.abs(portableExp(x) / Math.exp(x) - 1)).toBeLessThan(1e-12);
  });

  it('is exact at 0 and pinned at 1', () => {
    expect(portableExp(0)).toBe(1);
    // Pinned bits: a change here changes every generated data set.
    expect(portableExp(1)).toBe(2.7182818284590455);
  });
});
