import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { resolveBinaryLabels } from '../../src/metrics/binary/resolve-binary-labels.js';

describe('resolveBinaryLabels', () => {
  it('defaults to 1, true, or the greatest label', () => {
    expect(resolveBinaryLabels([0, 1], 'number', 'y')).toMatchObject({ positive: 1, negative: 0, positiveIndex: 1 });
    expect(resolveBinaryLabels([-1, 1], 'number', 'y')).toMatchObject({ positive: 1, negative: -1 });
    expect(resolveBinaryLabels([3, 7], 'number', 'y')).toMatchObject({ positive: 7, negative: 3 });
    expect(resolveBinaryLabels([false, true], 'boolean', 'y')).toMatchObject({ positive: true, negative: false });
    expect(resolveBinaryLabels(['ham', 'spam'], 'string', 'y')).toMatchObject({ positive: 'spam', negative: 'ham' });
  });

  it('coerces a CLI --pos-label string to the label type', () => {
    expect(resolveBinaryLabels([3, 7], 'number', 'y', '3')).toMatchObject({ positive: 3, negative: 7, positiveIndex: 0 });
    expect(resolveBinaryLabels([false, true], 'boolean', 'y', 'false')).toMatchObject({ positive: false, negative: true });
    expect(resolveBinaryLabels(['1', '2'], 'string', 'y', '1')).toMatchObject({ positive: '1', negative: '2' });
  });

  it('handles one observed class', () => {
    expect(resolveBinaryLabels([0], 'number', 'y')).toMatchObject({ positive: 1, negative: 0, positiveIndex: -1 });
    expect(resolveBinaryLabels([1], 'number', 'y')).toMatchObject({ positive: 1, negative: 0, positiveIndex: 0 });
    expect(resolveBinaryLabels([false], 'boolean', 'y')).toMatchObject({ positive: true, negative: false, positiveIndex: -1 });
  });

  it('rejects a third class and a positive label that is not a label', () => {
    expect(() => resolveBinaryLabels([0, 1, 2], 'number', 'target')).toThrow(/`target` has 3 distinct labels \(0, 1, 2\)/);
    expect(() => resolveBinaryLabels([0, 1], 'number', 'y', '5')).toThrow(ValidationError);
    expect(() => resolveBinaryLabels(['a', 'b'], 'string', 'y', 'c')).toThrow(/--pos-label c is not among the labels of column `y` \("a", "b"\)/);
    expect(() => resolveBinaryLabels([0, 1], 'number', 'y', 'yes')).toThrow(/not among/);
  });
});
