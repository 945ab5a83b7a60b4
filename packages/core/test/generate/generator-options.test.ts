import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { checkIntegerOption, checkRowsAndSeed } from '../../src/generate/generator-options.js';

describe('generator options', () => {
  it('accepts integers in range and defaults the seed to 42', () => {
    expect(checkIntegerOption('classes', 4, 2, 64)).toBe(4);
    expect(checkRowsAndSeed(10, undefined)).toEqual({ rows: 10, seed: 42 });
    expect(checkRowsAndSeed(2, 0, 2)).toEqual({ rows: 2, seed: 0 });
  });

  it.each([1, 65, 2.5, Number.NaN, '4', null])('rejects classes = %s with a message naming the option', (value) => {
    expect(() => checkIntegerOption('classes', value, 2, 64)).toThrow(ValidationError);
    expect(() => checkIntegerOption('classes', value, 2, 64)).toThrow(
      /^Expected `classes` to be an integer between 2 and 64, but it is .+\.$/,
    );
  });

  it('rejects rows under the minimum and seeds outside uint32', () => {
    expect(() => checkRowsAndSeed(1, 1, 2)).toThrow(/`rows`/);
    expect(() => checkRowsAndSeed(10, 2 ** 32)).toThrow(/`seed`/);
    expect(() => checkRowsAndSeed(10, -1)).toThrow(ValidationError);
  });
});
