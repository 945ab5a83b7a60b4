import { Float64, Table, Utf8, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { evaluateBatches } from '../../src/evaluate/evaluate-batches.js';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import type { EvaluationSpec } from '../../src/evaluate/evaluation-spec.js';
import {
  binaryPredictionsTable, multiclassPredictionsTable, multilabelPredictionsTable, rankingPredictionsTable,
  regressionPredictionsTable,
} from '../../src/generate/index.js';

/** The table's rows cut into record batches at the given row counts. */
async function* batchesOf(table: Table, cuts: number[]): AsyncIterable<RecordBatch> {
  let at = 0;
  for (const size of [...cuts, table.numRows]) {
    const end = Math.min(table.numRows, at + size);
    for (const batch of table.slice(at, end).batches) yield batch;
    at = end;
    if (at >= table.numRows) return;
  }
}

function expectSameMetrics(actual: Record<string, number>, expected: Record<string, number>, rel = 1e-12): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (Number.isNaN(value)) expect(actual[key], key).toBeNaN();
    else expect(Math.abs(actual[key] - value), `${key}: ${actual[key]} vs ${value}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(value)));
  }
}

const CASES: Array<[string, Table, EvaluationSpec]> = [
  ['binary', binaryPredictionsTable({ rows: 20_000, seed: 4 }), { task: 'binary', label: 'label', score: 'score', backend: 'js' }],
  ['regression', regressionPredictionsTable({ rows: 20_000, seed: 4 }), { task: 'regression', label: 'target', pred: 'prediction' }],
  ['multilabel', multilabelPredictionsTable({ rows: 20_000, seed: 4 }), { task: 'multilabel', labels: ['y0', 'y1', 'y2'], scores: ['s0', 's1', 's2'] }],
  ['multiclass', multiclassPredictionsTable({ rows: 20_000, seed: 4 }), { task: 'multiclass', label: 'label', scores: ['p0', 'p1', 'p2', 'p3'], topK: 2, backend: 'js' }],
  ['ranking', rankingPredictionsTable({ rows: 20_000, seed: 4 }), { task: 'ranking', query: 'query', label: 'relevance', score: 'score' }],
];

describe('evaluateBatches (streaming) equals evaluating the whole table', () => {
  it.each(CASES)('%s', async (_name, table, spec) => {
    const whole = await evaluateTable(table, spec);
    // Uneven cuts: a query or a tie group may straddle batches.
    const streamed = await evaluateBatches(batchesOf(table, [1, 4999, 3333, 7000]), spec);
    expect(streamed.rows).toBe(whole.rows);
    expectSameMetrics(streamed.metrics, whole.metrics);
    expect(streamed.options.streamed).toBe(true);
    if (whole.confusion_matrix) expect(streamed.confusion_matrix).toEqual(whole.confusion_matrix);
  });

  it('leaves of several batches (sorted in a joined copy) and of one batch (a view) leave the input as it was', async () => {
    const table = binaryPredictionsTable({ rows: 20_000, seed: 9 });
    const before = Float64Array.from(table.getChild('score')!.toArray() as Float64Array);
    const spec: EvaluationSpec = { task: 'binary', label: 'label', score: 'score' };
    const whole = await evaluateTable(table, spec);
    for (const leafRows of [1, 6_000, 50_000]) {
      const streamed = await evaluateBatches(batchesOf(table, [1, 4999, 3333, 7000]), spec, { leafRows });
      expectSameMetrics(streamed.metrics, whole.metrics);
      expect(Float64Array.from(table.getChild('score')!.toArray() as Float64Array)).toEqual(before);
    }
  });

  it('unweighted exact streams: leaves of one big batch each (held unsorted) give the report of 2^21-row leaves, to the bit', async () => {
    const table = binaryPredictionsTable({ rows: 300_000, seed: 12 });
    const spec: EvaluationSpec = { task: 'binary', label: 'label', score: 'score', backend: 'js' };
    const cuts = [70_000, 65_536, 100_000];
    const byDefault = await evaluateBatches(batchesOf(table, cuts), spec);
    const joined = await evaluateBatches(batchesOf(table, cuts), spec, { leafRows: 2 ** 21 });
    expect({ ...byDefault, timing_ms: undefined }).toEqual({ ...joined, timing_ms: undefined });
    expectSameMetrics(byDefault.metrics, (await evaluateTable(table, spec)).metrics);
  });

  it('resolves the positive label over all batches (string labels, first batch holds only the negative one)', async () => {
    const labels = ['ham', 'ham', 'spam', 'ham', 'spam', 'spam', 'ham', 'spam'];
    const scores = [0.1, 0.4, 0.35, 0.2, 0.8, 0.9, 0.7, 0.6];
    const table = new Table({ y: vectorFromArray(labels, new Utf8()), p: vectorFromArray(scores, new Float64()) });
    const spec: EvaluationSpec = { task: 'binary', label: 'y', score: 'p', backend: 'js' };
    const whole = await evaluateTable(table, spec);
    for (const mode of ['exact', 'binned'] as const) {
      const streamed = await evaluateBatches(batchesOf(table, [2, 3]), spec, { curveMode: mode });
      expect(streamed.options.pos_label).toBe('spam');
      expect(streamed.confusion_matrix).toEqual(whole.confusion_matrix);
      if (mode === 'exact') expectSameMetrics(streamed.metrics, whole.metrics);
      else expect(streamed.metrics.log_loss).toBeCloseTo(whole.metrics.log_loss, 12);
    }
  });

  it('binned mode stays within its stated AUC error and keeps exact log loss and Brier', async () => {
    const table = binaryPredictionsTable({ rows: 50_000, seed: 5 });
    const spec: EvaluationSpec = { task: 'binary', label: 'label', score: 'score', backend: 'js' };
    const exact = await evaluateTable(table, spec);
    const binned = await evaluateBatches(batchesOf(table, [10_000, 10_000]), spec, { curveMode: 'binned', histogramBins: 1024 });
    expect(Math.abs(binned.metrics.roc_auc - exact.metrics.roc_auc)).toBeLessThanOrEqual(binned.metrics.roc_auc_max_error);
    expect(binned.metrics.log_loss).toBeCloseTo(exact.metrics.log_loss, 12);
    expect(binned.metrics.brier_score_loss).toBeCloseTo(exact.metrics.brier_score_loss, 12);
    expect(binned.options.curve_mode).toBe('binned');
  });

  it('names the row in the whole input, refuses a third class in a later batch, and refuses --by', async () => {
    const scores = [0.1, 0.2, 0.3, NaN, 0.5];
    const table = new Table({ y: vectorFromArray([0, 1, 0, 1, 1], new Float64()), p: vectorFromArray(scores, new Float64()) });
    const spec: EvaluationSpec = { task: 'binary', label: 'y', score: 'p' };
    await expect(evaluateBatches(batchesOf(table, [2, 1]), spec)).rejects.toThrow(/`p` holds a null or NaN at row 3/);
    const three = new Table({ y: vectorFromArray([0, 1, 2], new Float64()), p: vectorFromArray([0.1, 0.2, 0.3], new Float64()) });
    await expect(evaluateBatches(batchesOf(three, [2]), spec)).rejects.toThrow(/3 distinct labels/);
    await expect(evaluateBatches(batchesOf(table, [2]), { ...spec, by: ['y'] })).rejects.toThrow(/--by and --ci/);
    const nothing = (async function* (): AsyncIterable<RecordBatch> {})();
    await expect(evaluateBatches(nothing, spec)).rejects.toThrow(/no rows/);
  });
});
