import { Float64, Int32, Table, makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/check-spec.js';
import { evaluate } from '../../src/api/evaluate.js';
import { evaluateBinary } from '../../src/api/evaluate-binary-columns.js';
import { evaluateMulticlass } from '../../src/api/evaluate-multiclass.js';
import { evaluateMultilabel } from '../../src/api/evaluate-multilabel.js';
import { evaluateRanking } from '../../src/api/evaluate-ranking.js';
import { evaluateRegression } from '../../src/api/evaluate-regression.js';
import { toTable } from '../../src/api/table-input.js';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import {
  binaryPredictionsTable, multiclassPredictionsTable, multilabelPredictionsTable, rankingPredictionsTable,
  regressionPredictionsTable,
} from '../../src/generate/index.js';
import { binaryFixtureNames, expectArrayClose, expectClose, loadBinaryFixture } from '../support/fixtures.js';

const column = (table: Table, name: string): Float64Array | Int32Array => table.getChild(name)!.toArray() as Float64Array | Int32Array;

describe('evaluate and the per-task entry points', () => {
  it('give evaluateTable\'s metrics for every kind of input', async () => {
    const table = binaryPredictionsTable({ rows: 3000, seed: 2 });
    const spec = { task: 'binary', label: 'label', score: 'score', backend: 'js' } as const;
    const expected = (await evaluateTable(table, spec)).metrics;
    const label = column(table, 'label');
    const score = column(table, 'score');
    const inputs = {
      table,
      'record batch': table.batches[0],
      'record batches': table.slice(0, 1000).batches.concat(table.slice(1000).batches),
      'typed arrays': { label, score },
      'plain arrays': { label: Array.from(label), score: Array.from(score) },
      vectors: { label: makeVector(label), score: makeVector(score) },
    };
    for (const [name, data] of Object.entries(inputs)) {
      expect((await evaluate(data, spec)).metrics, name).toEqual(expected);
    }
    expect((await evaluateBinary({ label: Array.from(label), score }, { backend: 'js' })).metrics).toEqual(expected);
  });

  it('match scikit-learn\'s fixtures through plain arrays (binary)', async () => {
    for (const name of binaryFixtureNames()) {
      const f = loadBinaryFixture(name);
      const { labels, scores, weights, pos_label: posLabel, threshold, beta } = f.inputs;
      const report = await evaluateBinary(
        { label: labels as number[], score: scores, ...(weights ? { weight: weights } : {}) },
        { threshold, beta, backend: 'js', ...(posLabel !== null ? { posLabel } : {}) },
      );
      for (const [metric, value] of Object.entries(f.expected.metrics)) {
        if (metric in report.metrics) expectClose(report.metrics[metric], value, 1e-9, `${name} ${metric}`);
      }
      expectArrayClose(report.confusion_matrix!.matrix.flat(), f.expected.confusion_matrix.flat(), 1e-9, `${name} confusion`);
    }
  });

  it('per-task entry points equal evaluate over the same columns', async () => {
    const reg = regressionPredictionsTable({ rows: 500, seed: 3 });
    expect((await evaluateRegression({ label: column(reg, 'target'), pred: column(reg, 'prediction') })).metrics)
      .toEqual((await evaluateTable(reg, { task: 'regression', label: 'target', pred: 'prediction' })).metrics);
    const mc = multiclassPredictionsTable({ rows: 500, seed: 3 });
    const p = ['p0', 'p1', 'p2', 'p3'];
    expect((await evaluateMulticlass({ label: column(mc, 'label'), scores: p.map((n) => column(mc, n)) }, { backend: 'js' })).metrics)
      .toEqual((await evaluateTable(mc, { task: 'multiclass', label: 'label', scores: p, backend: 'js' })).metrics);
    const ml = multilabelPredictionsTable({ rows: 500, seed: 3 });
    const ys = ['y0', 'y1', 'y2'];
    const ss = ['s0', 's1', 's2'];
    expect((await evaluateMultilabel({ labels: ys.map((n) => column(ml, n)), scores: ss.map((n) => column(ml, n)) })).metrics)
      .toEqual((await evaluateTable(ml, { task: 'multilabel', labels: ys, scores: ss })).metrics);
    const rk = rankingPredictionsTable({ rows: 500, seed: 3 });
    expect((await evaluateRanking({ query: column(rk, 'query'), label: column(rk, 'relevance'), score: column(rk, 'score') })).metrics)
      .toEqual((await evaluateTable(rk, { task: 'ranking', query: 'query', label: 'relevance', score: 'score' })).metrics);
  });

  it('reads nulls in plain arrays as missing values (an error naming the row, or dropped)', async () => {
    await expect(evaluateBinary({ label: [0, 1, null, 1], score: [0.1, 0.9, 0.3, 0.7] })).rejects.toThrow(/`label`.*row 2/);
    const dropped = await evaluateBinary({ label: [0, 1, null, 1], score: [0.1, 0.9, 0.3, 0.7] }, { nan: 'drop', backend: 'js' });
    expect(dropped.rows).toBe(3);
    expect(dropped.dropped_rows).toBe(1);
  });
});

describe('input and spec validation', () => {
  it('names the columns of different lengths', () => {
    expect(() => toTable({ y: [0, 1, 1], p: [0.5, 0.2] })).toThrow(/`y` has 3 rows and `p` 2/);
  });

  it('names the column and row of a value of another kind', () => {
    expect(() => toTable({ y: [0, 1, 'x'] as never })).toThrow(/`y` mixes number and string values \(row 2/);
    expect(() => toTable({ y: [0, {}] as never })).toThrow(/`y` holds an object \(Object\) at row 1/);
  });

  it('refuses things that are not tables or columns', () => {
    expect(() => toTable(42 as never)).toThrow(/Arrow Table/);
    expect(() => toTable({})).toThrow(/no columns/);
    expect(() => toTable([] as never)).toThrow(/record batches/);
    expect(() => toTable(vectorFromArray([1, 2], new Int32()) as never)).toThrow(/object of named columns/);
  });

  it('keeps strings, booleans and int64 as such', () => {
    const t = toTable({ s: ['a', null], b: [true, false], i: [1n, 2n], f: [1.5, null] });
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Bool', 'Int64', 'Float64']);
    expect(t.getChild('f')!.nullCount).toBe(1);
    expect(toTable({ f: new Float64Array([1, 2]) }).getChild('f')!.type).toBeInstanceOf(Float64);
  });

  it('rejects unknown tasks, misspelt options, missing columns and bad enum values', () => {
    expect(() => checkSpec({ task: 'clustering' })).toThrow(/Unknown task "clustering"; expected one of: binary/);
    expect(() => checkSpec({ task: 'binary', label: 'y', score: 'p', treshold: 0.3 })).toThrow(/Unknown option `treshold`/);
    expect(() => checkSpec({ task: 'binary', label: 'y' })).toThrow(/`score` must name a column/);
    expect(() => checkSpec({ task: 'multilabel', labels: [], scores: ['s'] })).toThrow(/`labels` must list column names/);
    expect(() => checkSpec({ task: 'multiclass', label: 'y' })).toThrow(/either `scores`/);
    expect(() => checkSpec({ task: 'binary', label: 'y', score: 'p', nan: 'skip' })).toThrow(/`nan` must be one of "error", "drop"/);
    expect(() => checkSpec({ task: 'binary', label: 'y', score: 'p', threshold: '0.5' })).toThrow(/`threshold` must be a number/);
    expect(() => checkSpec(null)).toThrow(/must be an object/);
    expect(checkSpec({ task: 'regression', label: 'y', pred: 'p', quantile: 0.9 })).toEqual({ task: 'regression', label: 'y', pred: 'p', quantile: 0.9 });
  });

  it('evaluate checks the spec before reading data', async () => {
    await expect(evaluate({ y: [0, 1] }, { task: 'binary', label: 'y', score: 'p', curve: true } as never))
      .rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/Unknown option `curve`/) });
    await expect(evaluate({ y: [0, 1] }, { task: 'binary', label: 'y', score: 'p' }))
      .rejects.toMatchObject({ code: 'missing_column' });
  });
});
