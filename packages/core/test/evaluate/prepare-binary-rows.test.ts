import { Int32, Int8, Uint16, Uint8, vectorFromArray, type DataType } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { toLabelCodes } from '../../src/columns/to-label-codes.js';
import { ValidationError } from '../../src/errors.js';
import { prepareBinaryRows, type LabelCodes, type NanPolicy } from '../../src/evaluate/prepare-binary-rows.js';
import type { LabelValue } from '../../src/report/report.js';
import type { ReportWarning } from '../../src/report/report-warning.js';

const names = { label: 'y', score: 'p', weight: 'w' };

/** Both ways of preparing the same rows: from the label buffer (`integerValues`) and from written codes. */
function bothWays(labels: number[], type: DataType, scores: number[], options: { posLabel?: LabelValue; nan?: NanPolicy; weights?: number[] } = {}) {
  const coded = toLabelCodes(vectorFromArray(labels, type), 'y');
  expect(coded.integerValues).toBeDefined();
  const general: LabelCodes = { codes: Int32Array.from(coded.codes), classes: coded.classes, kind: coded.kind };
  const score = Float64Array.from(scores);
  const weight = options.weights === undefined ? undefined : Float64Array.from(options.weights);
  const run = (label: LabelCodes) => {
    const warnings: ReportWarning[] = [];
    try {
      const prepared = prepareBinaryRows({ label, score, weight, names }, { posLabel: options.posLabel, nan: options.nan }, warnings);
      return { prepared: { ...prepared, rows: { ...prepared.rows, positive: [...prepared.rows.positive] } }, warnings };
    } catch (error) {
      return { error: error instanceof ValidationError ? `${error.code}: ${error.message}` : String(error) };
    }
  };
  return { fast: run(coded), general: run(general), coded };
}

describe('prepareBinaryRows from an integer label buffer', () => {
  it('gives what the written codes give, for every positive label and width', () => {
    const cases: Array<[number[], DataType, LabelValue | undefined]> = [
      [[1, 0, 1, 1, 0], new Int8(), undefined],
      [[1, 0, 1, 1, 0], new Uint8(), 0],
      [[1, 0, 1, 1, 0], new Uint16(), undefined],
      [[-1, 0, 0, -1], new Int32(), undefined],
      [[-1, 0, 0, -1], new Int32(), -1],
      [[7, 8, 8], new Int32(), 8],
      [[1, 1, 1], new Int8(), undefined],
      [[0, 0, 0], new Int8(), undefined],
      [[0, 0, 0], new Int8(), 0],
    ];
    for (const [labels, type, posLabel] of cases) {
      const scores = labels.map((_, i) => (i + 1) / (labels.length + 1));
      const { fast, general } = bothWays(labels, type, scores, { posLabel });
      expect(fast, `${labels} ${String(type)} pos ${posLabel}`).toEqual(general);
    }
  });

  it('uses 0/1 bytes as the positive flags without copying them', () => {
    const { coded, fast } = bothWays([1, 0, 0, 1], new Int8(), [0.9, 0.1, 0.4, 0.7]);
    const warnings: ReportWarning[] = [];
    const { rows } = prepareBinaryRows({ label: coded, score: Float64Array.of(0.9, 0.1, 0.4, 0.7), names }, {}, warnings);
    expect(rows.positive.buffer).toBe(coded.integerValues?.buffer);
    expect([...rows.positive]).toEqual([1, 0, 0, 1]);
    expect('prepared' in fast && fast.prepared?.labels).toEqual({ positive: 1, negative: 0, positiveIndex: 1 });
    // Nor does it write the codes (a 4-byte Int32 per row).
    const label: LabelCodes = {
      get codes(): Int32Array { throw new Error('the codes were written'); },
      classes: [0, 1], kind: 'number', integerValues: Int8Array.of(1, 0, 0, 1),
    };
    expect(prepareBinaryRows({ label, score: Float64Array.of(0.9, 0.1, 0.4, 0.7), names }).dropped).toBe(0);
  });

  it('checks weights, and leaves bad scores or weights to the general path: same errors, same drops', () => {
    const labels = [1, 0, 1, 0];
    const same = (scores: number[], options: Parameters<typeof bothWays>[3]) => {
      const { fast, general } = bothWays(labels, new Int8(), scores, options);
      expect(fast).toEqual(general);
      return fast;
    };
    expect(same([0.9, NaN, 0.3, 0.2], {})).toEqual({ error: expect.stringMatching(/^null_value: Column `p` holds a null or NaN at row 1/) });
    expect(same([0.9, 0.1, Infinity, 0.2], {})).toEqual({ error: expect.stringMatching(/infinite value at row 2/) });
    const dropped = same([0.9, 0.1, NaN, 0.2], { nan: 'drop' });
    expect('prepared' in dropped && dropped.prepared?.dropped).toBe(1);
    expect(same([0.9, 0.1, 0.3, 0.2], { weights: [1, -1, 1, 1] })).toEqual({ error: expect.stringMatching(/negative weight at row 1/) });
    expect(same([0.9, 0.1, 0.3, 0.2], { weights: [0, 0, 0, 0] })).toEqual({ error: expect.stringMatching(/Every weight in column `w` is zero/) });
    const weighted = same([0.9, 0.1, 0.3, 0.2], { weights: [1, 2, 0, 1] });
    expect('prepared' in weighted && [...(weighted.prepared?.rows.weights ?? [])]).toEqual([1, 2, 0, 1]);
  });

  it('refuses a --pos-label that is not among two classes, as the general path does', () => {
    const { fast, general } = bothWays([1, 0], new Int8(), [0.2, 0.8], { posLabel: 5 });
    expect(fast).toEqual(general);
    expect(fast).toEqual({ error: expect.stringMatching(/--pos-label 5 is not among the labels/) });
  });
});
