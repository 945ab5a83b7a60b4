import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Float64, Table, Utf8, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateBatches } from '../../../src/evaluate/evaluate-batches.js';
import type { EvaluationSpec } from '../../../src/evaluate/evaluation-spec.js';
import { evaluateBatchesParallel } from '../../../src/evaluate/parallel/evaluate-batches-parallel.js';
import {
  binaryPredictionsTable, multiclassPredictionsTable, multilabelPredictionsTable, rankingPredictionsTable,
  regressionPredictionsTable,
} from '../../../src/generate/index.js';
import type { Report } from '../../../src/report/report.js';
import { expectClose } from '../../states/regression/state-laws.js';

// Worker threads run the built module (Node cannot load the TypeScript source in a worker): `pnpm build` first.
const workerUrl = new URL('../../../dist/evaluate-worker.js', import.meta.url);

beforeAll(() => {
  if (!existsSync(fileURLToPath(workerUrl))) throw new Error(`${fileURLToPath(workerUrl)} is missing: run \`pnpm --filter @modelperf/core build\` first.`);
});

/** The table's rows cut into record batches of `size` rows (the last one shorter). */
async function* batchesOf(table: Table, size: number): AsyncIterable<RecordBatch> {
  for (let at = 0; at < table.numRows; at += size) {
    for (const batch of table.slice(at, Math.min(table.numRows, at + size)).batches) yield batch;
  }
}

/** The report without what legitimately differs between runs (timings, the thread count). */
function comparable(report: Report): unknown {
  const { timing_ms: _t, options, ...rest } = report;
  const { threads: _threads, ...opts } = options as Record<string, unknown>;
  return JSON.parse(JSON.stringify({ ...rest, options: opts }));
}

const CASES: Array<[string, Table, EvaluationSpec, 'exact' | 'binned']> = [
  ['binary exact', binaryPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'binary', label: 'label', score: 'score', curves: true }, 'exact'],
  ['binary binned', binaryPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'binary', label: 'label', score: 'score' }, 'binned'],
  ['regression', regressionPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'regression', label: 'target', pred: 'prediction' }, 'exact'],
  ['multilabel', multilabelPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'multilabel', labels: ['y0', 'y1', 'y2'], scores: ['s0', 's1', 's2'] }, 'exact'],
  ['multiclass', multiclassPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'multiclass', label: 'label', scores: ['p0', 'p1', 'p2', 'p3'], topK: 2 }, 'exact'],
  ['ranking (runs on one thread)', rankingPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'ranking', query: 'query', label: 'relevance', score: 'score' }, 'exact'],
];

describe('evaluateBatchesParallel', () => {
  it.each(CASES)('%s: the report is identical to one thread, to the last bit', async (name, table, spec, curveMode) => {
    // 13 batches, each its own leaf: an odd count, so the merge tree has a partial last level.
    const one = await evaluateBatches(batchesOf(table, 2_400), spec, { curveMode, leafRows: 2_400 });
    const many = await evaluateBatchesParallel(batchesOf(table, 2_400), spec, { curveMode, threads: 3, workerUrl, leafRows: 2_400 });
    expect(comparable(many)).toEqual(comparable(one));
    expect(many.options.threads).toBe(name.startsWith('ranking') ? 1 : 3);
  });

  it.each(CASES.filter(([name]) => !name.startsWith('ranking')))('%s: leaves of several batches, the same report on 1 and 3 threads', async (_name, table, spec, curveMode) => {
    // Batches of 1 000 rows gathered into leaves of 3 000 (the last one shorter): 10 leaves.
    const one = await evaluateBatches(batchesOf(table, 1_000), spec, { curveMode, leafRows: 3_000 });
    const many = await evaluateBatchesParallel(batchesOf(table, 1_000), spec, { curveMode, threads: 3, workerUrl, leafRows: 3_000 });
    expect(comparable(many)).toEqual(comparable(one));
    expect(many.options.threads).toBe(3);
    // Leaves change only how rows are grouped: the metrics equal those of batch-sized leaves (float sums to 1e-12).
    const batchLeaves = await evaluateBatches(batchesOf(table, 1_000), spec, { curveMode, leafRows: 1 });
    expectClose(one.metrics, batchLeaves.metrics);
  });

  it('counts progress over every batch', async () => {
    const table = binaryPredictionsTable({ rows: 10_000, seed: 1 });
    const seen: number[] = [];
    await evaluateBatchesParallel(batchesOf(table, 1_000), { task: 'binary', label: 'label', score: 'score' }, { threads: 2, workerUrl, leafRows: 1_000, onBatch: (rows) => seen.push(rows) });
    expect(seen.at(-1)).toBe(10_000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('resolves the positive label from classes seen by the workers (first batches hold only one class)', async () => {
    // Binned: its leaves go to the workers (exact unweighted binary curves gather on this thread, see below).
    const n = 4_000;
    const labels = Array.from({ length: n }, (_, i) => (i < 1_500 ? 'ham' : i % 3 === 0 ? 'spam' : 'ham'));
    const scores = Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 1000);
    const table = new Table({ y: vectorFromArray(labels, new Utf8()), p: vectorFromArray(scores, new Float64()) });
    const spec: EvaluationSpec = { task: 'binary', label: 'y', score: 'p' };
    const one = await evaluateBatches(batchesOf(table, 500), spec, { leafRows: 500, curveMode: 'binned' });
    const many = await evaluateBatchesParallel(batchesOf(table, 500), spec, { threads: 2, workerUrl, leafRows: 500, curveMode: 'binned' });
    expect(many.options.pos_label).toBe('spam');
    expect(comparable(many)).toEqual(comparable(one));
  });

  it('reports the first bad batch in input order, naming the row in the whole input', async () => {
    const n = 6_000;
    const scores = Array.from({ length: n }, (_, i) => (i === 4_321 || i === 5_500 ? NaN : (i % 97) / 97));
    const table = new Table({ y: vectorFromArray(Array.from({ length: n }, (_, i) => i % 2), new Float64()), p: vectorFromArray(scores, new Float64()) });
    const spec: EvaluationSpec = { task: 'binary', label: 'y', score: 'p' };
    for (const curveMode of ['binned', 'exact'] as const) {
      await expect(evaluateBatchesParallel(batchesOf(table, 1_000), spec, { threads: 2, workerUrl, leafRows: 1_000, curveMode }))
        .rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/`p` holds a null or NaN at row 4321/) });
    }
    const three = new Table({
      y: vectorFromArray(Array.from({ length: n }, (_, i) => (i === 5_000 ? 2 : i % 2)), new Float64()),
      p: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 89) / 89), new Float64()),
    });
    await expect(evaluateBatchesParallel(batchesOf(three, 1_000), spec, { threads: 2, workerUrl, leafRows: 1_000, curveMode: 'binned' })).rejects.toThrow(/3 distinct labels/);
  });

  it('exact binary streams of 2^20 rows and more: gathered here, the final sort split across 2 and 3 threads, the same report', async () => {
    const table = binaryPredictionsTable({ rows: 1_300_000, seed: 5 });
    // Default sections (curves: true would add ~1e6 points, slow to compare here).
    const spec: EvaluationSpec = { task: 'binary', label: 'label', score: 'score' };
    const one = await evaluateBatches(batchesOf(table, 1 << 18), spec);
    for (const threads of [2, 3]) {
      const many = await evaluateBatchesParallel(batchesOf(table, 1 << 18), spec, { threads, workerUrl });
      expect(comparable(many)).toEqual(comparable(one));
      expect(many.options.threads).toBe(threads);
    }
  });

  it('refuses a bad thread count and what streaming cannot do; one batch or no rows need no workers', async () => {
    const table = binaryPredictionsTable({ rows: 100, seed: 1 });
    const spec: EvaluationSpec = { task: 'binary', label: 'label', score: 'score' };
    await expect(evaluateBatchesParallel(batchesOf(table, 50), spec, { threads: 0, workerUrl })).rejects.toThrow(/threads must be a positive integer/);
    await expect(evaluateBatchesParallel(batchesOf(table, 50), { ...spec, ci: 0.95 }, { threads: 2, workerUrl })).rejects.toThrow(/--by and --ci/);
    // A worker URL that does not exist is never used for a single batch.
    const single = await evaluateBatchesParallel(batchesOf(table, 100), spec, { threads: 2, workerUrl: new URL('file:///nonexistent/worker.js') });
    expect(single.rows).toBe(100);
    const nothing = (async function* (): AsyncIterable<RecordBatch> {})();
    await expect(evaluateBatchesParallel(nothing, spec, { threads: 2, workerUrl })).rejects.toThrow(/no rows/);
  });
});

describe('evaluateBatchesParallel without a usable worker module', () => {
  it('fails with a clear error instead of hanging or crashing', async () => {
    const table = binaryPredictionsTable({ rows: 4_000, seed: 2 });
    const run = evaluateBatchesParallel(batchesOf(table, 1_000), { task: 'binary', label: 'label', score: 'score' }, {
      threads: 2, workerUrl: new URL('file:///nonexistent/evaluate-worker.js'), leafRows: 1_000, curveMode: 'binned',
    });
    await expect(run).rejects.toThrow(/worker thread failed .*--threads 1/);
    // An exact stream big enough to split its final sort.
    const big = binaryPredictionsTable({ rows: 1_100_000, seed: 2 });
    const exact = evaluateBatchesParallel(batchesOf(big, 1 << 18), { task: 'binary', label: 'label', score: 'score' }, {
      threads: 2, workerUrl: new URL('file:///nonexistent/evaluate-worker.js'),
    });
    await expect(exact).rejects.toThrow(/worker thread failed .*--threads 1/);
  });
});
