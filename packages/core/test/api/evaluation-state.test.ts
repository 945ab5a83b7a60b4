import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createState, EvaluationState } from '../../src/api/evaluation-state.js';
import { evaluateTable } from '../../src/evaluate/evaluate-table.js';
import type { EvaluationSpec } from '../../src/evaluate/evaluation-spec.js';
import {
  binaryPredictionsTable, multiclassPredictionsTable, multilabelPredictionsTable, rankingPredictionsTable,
  regressionPredictionsTable,
} from '../../src/generate/index.js';
import { toTransferable } from '../../src/states/state-buffers.js';

function expectSameMetrics(actual: Record<string, number>, expected: Record<string, number>, rel = 1e-12): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (Number.isNaN(value)) expect(actual[key], key).toBeNaN();
    else expect(Math.abs(actual[key] - value), `${key}: ${actual[key]} vs ${value}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(value)));
  }
}

/** Row ranges [start, end) cutting `rows` unevenly (a query or tie group may straddle them). */
function cuts(rows: number, sizes: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const size of [...sizes, rows]) {
    const end = Math.min(rows, at + size);
    if (end > at) out.push([at, end]);
    at = end;
  }
  return out;
}

const CASES: Array<[string, Table, EvaluationSpec]> = [
  ['binary', binaryPredictionsTable({ rows: 12_000, seed: 5 }), { task: 'binary', label: 'label', score: 'score', backend: 'js' }],
  ['regression', regressionPredictionsTable({ rows: 12_000, seed: 5 }), { task: 'regression', label: 'target', pred: 'prediction' }],
  ['multilabel', multilabelPredictionsTable({ rows: 12_000, seed: 5 }), { task: 'multilabel', labels: ['y0', 'y1', 'y2'], scores: ['s0', 's1', 's2'] }],
  ['multiclass', multiclassPredictionsTable({ rows: 12_000, seed: 5 }), { task: 'multiclass', label: 'label', scores: ['p0', 'p1', 'p2', 'p3'], backend: 'js' }],
  ['ranking', rankingPredictionsTable({ rows: 12_000, seed: 5 }), { task: 'ranking', query: 'query', label: 'relevance', score: 'score' }],
];

describe('EvaluationState', () => {
  it.each(CASES)('%s: chunked updates, merged partial states and JSON round trips equal the whole table', async (_name, table, spec) => {
    const whole = await evaluateTable(table, spec);
    const parts = cuts(table.numRows, [1, 2999, 4000, 1500]);
    const chunked = createState(spec);
    for (const [a, b] of parts) chunked.update(table.slice(a, b));
    expect(chunked.rows).toBe(table.numRows);
    expectSameMetrics(chunked.compute().metrics, whole.metrics);

    // One state per part ("worker"), serialised, restored and merged in order.
    const merged = createState(spec);
    for (const [a, b] of parts) {
      const json = JSON.parse(JSON.stringify(createState(spec).update(table.slice(a, b).batches[0]).toJSON()));
      merged.merge(EvaluationState.fromJSON(json));
    }
    const report = merged.compute();
    expect(report.rows).toBe(whole.rows);
    expectSameMetrics(report.metrics, whole.metrics);
    if (whole.confusion_matrix) expect(report.confusion_matrix).toEqual(whole.confusion_matrix);

    // Structured-clone form (what a worker posts) reads back too.
    const { json } = toTransferable(merged);
    expectSameMetrics(EvaluationState.fromJSON(structuredClone(json)).compute().metrics, whole.metrics);
  });

  it('merging states in any grouping gives the same metrics (associative)', async () => {
    const [, table, spec] = CASES[0];
    const part = (a: number, b: number): EvaluationState => createState(spec).update(table.slice(a, b));
    const left = part(0, 4000).merge(part(4000, 8000)).merge(part(8000, 12_000));
    const right = part(0, 4000).merge(part(4000, 8000).merge(part(8000, 12_000)));
    expectSameMetrics(left.compute().metrics, right.compute().metrics, 0);
  });

  it('resolves binary labels over every state: workers that each saw one class agree on the positive one', () => {
    const spec: EvaluationSpec = { task: 'binary', label: 'y', score: 'p' };
    const negatives = createState(spec).update({ y: ['ham', 'ham'], p: [0.1, 0.4] });
    const positives = createState(spec).update({ y: ['spam', 'spam'], p: [0.35, 0.8] });
    const a = negatives.compute();
    expect(a.warnings.map((w) => w.code)).toContain('one_class');
    const report = createState(spec).merge(negatives).merge(positives).compute();
    expect(report.options.pos_label).toBe('spam');
    expect(report.metrics.roc_auc).toBe(0.75);
    expect(report.confusion_matrix).toEqual({ labels: ['ham', 'spam'], matrix: [[2, 0], [1, 1]] });
    // The other order: the merged-into state's provisional label is the positive class this time.
    const reversed = createState(spec).merge(positives).merge(negatives).compute();
    expect(reversed.metrics).toEqual(report.metrics);
    // Merging does not change the merged state.
    expect(negatives.compute().metrics).toEqual(a.metrics);
  });

  it('keeps a ranking query split across states as one query', () => {
    const spec: EvaluationSpec = { task: 'ranking', query: 'q', label: 'rel', score: 's', k: [1] };
    const all = { q: ['a', 'a', 'b', 'b'], rel: [0, 1, 1, 0], s: [0.9, 0.1, 0.3, 0.2] };
    const one = createState(spec).update(all).compute();
    const first = createState(spec).update({ q: ['b', 'a'], rel: [1, 0], s: [0.3, 0.9] });
    const second = createState(spec).update({ q: ['a', 'b'], rel: [1, 0], s: [0.1, 0.2] });
    const merged = first.merge(EvaluationState.fromJSON(JSON.parse(JSON.stringify(second.toJSON())))).compute();
    expect(merged.metrics).toEqual(one.metrics);
    expect(merged.metrics.precision_at_1).toBe(0.5);
  });

  it('names rows of everything seen in messages, and a failed update changes nothing', () => {
    const state = createState({ task: 'binary', label: 'y', score: 'p' }).update({ y: [0, 1], p: [0.2, 0.9] });
    expect(() => state.update({ y: [0, 1, 1], p: [0.3, Number.NaN, 0.5] })).toThrow(/row 3/);
    expect(() => state.update({ y: [2, 2], p: [0.3, 0.4] })).toThrow(/class/);
    expect(state.rows).toBe(2);
    expect(state.compute().confusion_matrix).toEqual({ labels: [0, 1], matrix: [[1, 0], [0, 1]] });
  });

  it('refuses bad specs, mismatched merges, empty computes and foreign JSON with clear errors', () => {
    expect(() => createState({ task: 'binary', label: 'y', score: 'p', ci: 0.95 })).toThrow(/need all rows/);
    expect(() => createState({ task: 'binary', label: 'y', score: 'p' }, { curveMode: 'fast' as 'exact' })).toThrow(/curveMode/);
    const a = createState({ task: 'binary', label: 'y', score: 'p' });
    const b = createState({ task: 'binary', label: 'y', score: 'p', threshold: 0.3 });
    expect(() => a.merge(b)).toThrow(/different specs/);
    expect(() => a.compute()).toThrow(expect.objectContaining({ code: 'empty_input' }));
    expect(() => EvaluationState.fromJSON({ kind: 'regression', version: 1 } as never)).toThrow(/evaluation-state/);
  });

  it('binned curve mode states merge and report their mode', () => {
    const [, table, spec] = CASES[0];
    const a = createState(spec, { curveMode: 'binned', histogramBins: 1024 }).update(table.slice(0, 6000));
    const b = createState(spec, { curveMode: 'binned', histogramBins: 1024 }).update(table.slice(6000));
    const report = a.merge(b).compute();
    expect(report.options.curve_mode).toBe('binned');
    expect(report.rows).toBe(table.numRows);
    expect(() => a.merge(createState(spec))).toThrow(/curve options/);
    // With the positive label given, states are built settled (never swapped); the numbers are the same.
    const settled = { ...spec, posLabel: 1 } as EvaluationSpec;
    const c = createState(settled, { curveMode: 'binned', histogramBins: 1024 }).update(table.slice(0, 6000));
    const d = createState(settled, { curveMode: 'binned', histogramBins: 1024 }).update(table.slice(6000));
    expect(c.merge(EvaluationState.fromJSON(JSON.parse(JSON.stringify(d.toJSON())))).compute().metrics).toEqual(report.metrics);
  });
});

describe('createState over a table equals one Table update', () => {
  it('accepts a Table, record batches and plain columns alike', () => {
    const spec: EvaluationSpec = { task: 'regression', label: 'y', pred: 'p' };
    const table = new Table({ y: regressionPredictionsTable({ rows: 50, seed: 1 }).getChild('target')!, p: regressionPredictionsTable({ rows: 50, seed: 1 }).getChild('prediction')! });
    const fromTable = createState(spec).update(table).compute().metrics;
    const fromBatches = createState(spec).update(table.batches).compute().metrics;
    const fromArrays = createState(spec).update({ y: table.getChild('y')!.toArray() as Float64Array, p: Array.from(table.getChild('p')!) as number[] }).compute().metrics;
    expect(fromBatches).toEqual(fromTable);
    expect(fromArrays).toEqual(fromTable);
  });
});
