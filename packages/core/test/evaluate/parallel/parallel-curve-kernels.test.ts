import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BinaryClfCurve, BinaryRows } from '../../../src/kernels/binary-clf-curve.js';
import { jsBinaryClfCurve } from '../../../src/kernels/js/js-kernels.js';
import {
  createParallelCurveKernels, curveLossesJob, runCurveSegment, splitCurve, type CurveSegment, type CurveSegmentJob,
} from '../../../src/evaluate/parallel/parallel-curve-kernels.js';
import { binaryMetricsFromCurve, binaryMetricsSharingLosses } from '../../../src/evaluate/binary-result.js';
import { resolveBinaryOptions } from '../../../src/evaluate/binary-options.js';
import { curveLossSums } from '../../../src/metrics/binary/curve-summary.js';
import { InternalError } from '../../../src/errors.js';
import { seededRandom as random } from '../../states/binary/binary-state-helpers.js';
import { evaluateTable } from '../../../src/evaluate/evaluate-table.js';
import { binaryPredictionsTable, multiclassPredictionsTable } from '../../../src/generate/index.js';
import type { EvaluationSpec } from '../../../src/evaluate/evaluation-spec.js';

const workerUrl = new URL('../../../dist/evaluate-worker.js', import.meta.url);

/** Rows with ties (a third of the scores rounded), both zeros and a few negative scores. */
function rowsOf(n: number, seed: number, score: (r: () => number, i: number) => number = (r) => {
  const u = r();
  return u < 0.33 ? Math.round(r() * 100) / 100 : u < 0.36 ? (r() < 0.5 ? -0 : 0) : u < 0.4 ? -r() : r();
}): { scores: Float64Array; positive: Uint8Array } {
  const r = random(seed);
  const scores = new Float64Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = score(r, i);
    positive[i] = r() < 0.3 ? 1 : 0;
  }
  return { scores, positive };
}

/** The same rows in shared memory. */
function shared(rows: { scores: Float64Array; positive: Uint8Array }): { scores: Float64Array; positive: Uint8Array } {
  const scores = new Float64Array(new SharedArrayBuffer(8 * rows.scores.length));
  const positive = new Uint8Array(new SharedArrayBuffer(rows.positive.length));
  scores.set(rows.scores);
  positive.set(rows.positive);
  return { scores, positive };
}

const inProcess = async (job: CurveSegmentJob): Promise<CurveSegment> => runCurveSegment(job);

function expectSameCurve(actual: BinaryClfCurve, expected: BinaryClfCurve): void {
  expect(actual.thresholds.length).toBe(expected.thresholds.length);
  // Bit for bit: the same distinct scores (no -0 left) and the same integer counts.
  expect(Buffer.from(Float64Array.from(actual.thresholds).buffer).equals(Buffer.from(Float64Array.from(expected.thresholds).buffer))).toBe(true);
  expect(Array.from(actual.tps)).toEqual(Array.from(expected.tps));
  expect(Array.from(actual.fps)).toEqual(Array.from(expected.fps));
}

describe('splitCurve', () => {
  it.each([2, 3, 4, 7])('equals the one-thread curve on %i threads (copied rows and rows sorted in place)', async (threads) => {
    for (const n of [0, 1, 2, 5, 100, 20_000]) {
      const rows = rowsOf(n, n + threads);
      const expected = jsBinaryClfCurve(rows);
      expectSameCurve(await splitCurve(rows, threads, inProcess), expected);
      const given = shared(rows);
      const before = Float64Array.from(given.scores);
      expectSameCurve(await splitCurve({ ...given, consumeScores: true, consumeFlags: true }, threads, inProcess), expected);
      // Handed over in shared memory, the rows were reordered where they lay (no copy).
      if (n > 100) expect(Array.from(given.scores)).not.toEqual(Array.from(before));
    }
  });

  it('leaves rows it was not handed untouched, in shared memory or not', async () => {
    const rows = rowsOf(5_000, 9);
    const given = shared(rows);
    await splitCurve(given, 3, inProcess);
    await splitCurve({ ...rows, consumeScores: true, consumeFlags: true }, 3, inProcess);
    expect(Array.from(given.scores)).toEqual(Array.from(rows.scores));
    expect(Array.from(given.positive)).toEqual(Array.from(rows.positive));
    expect(Array.from(rows.scores)).toEqual(Array.from(rowsOf(5_000, 9).scores));
  });

  it('copies flags that are not in shared memory when it sorts the scores in place', async () => {
    const rows = rowsOf(10_000, 4);
    const expected = jsBinaryClfCurve(rows);
    const { scores } = shared(rows);
    const positive = rows.positive.slice();
    expectSameCurve(await splitCurve({ scores, positive, consumeScores: true, consumeFlags: true }, 2, inProcess), expected);
    expect(Array.from(positive)).toEqual(Array.from(rows.positive));
  });

  it('handles one score shared by most rows, a single distinct score and float32 scores', async () => {
    const skewed = rowsOf(10_000, 2, (r) => (r() < 0.9 ? 0.5 : r()));
    expectSameCurve(await splitCurve(skewed, 4, inProcess), jsBinaryClfCurve(skewed));
    // Most rows at the top score: the first range is empty, the runs go to new arrays.
    const topTie = rowsOf(10_000, 6, (r) => (r() < 0.6 ? 0.95 : r() * 0.5));
    expectSameCurve(await splitCurve(topTie, 2, inProcess), jsBinaryClfCurve(topTie));
    const flat = rowsOf(3_000, 3, () => 0.25);
    expectSameCurve(await splitCurve(flat, 3, inProcess), jsBinaryClfCurve(flat));
    const f64 = rowsOf(8_000, 5);
    const f32: BinaryRows = { scores: Float32Array.from(f64.scores), positive: f64.positive };
    expectSameCurve(await splitCurve(f32, 2, inProcess), jsBinaryClfCurve(f32));
  });

  it('gives the same curve whatever the order of the rows', async () => {
    const rows = rowsOf(30_000, 8);
    const reversed = { scores: rows.scores.slice().reverse(), positive: rows.positive.slice().reverse() };
    expectSameCurve(await splitCurve(reversed, 3, inProcess), await splitCurve(rows, 3, inProcess));
  });
});

describe('createParallelCurveKernels', () => {
  const ready = (): void => {
    if (!existsSync(fileURLToPath(workerUrl))) throw new Error(`${fileURLToPath(workerUrl)} is missing: run \`pnpm --filter @modelperf/core build\` first.`);
  };

  it('sorts on worker threads from minRows rows, and equals the js kernels', async () => {
    ready();
    const kernels = createParallelCurveKernels({ threads: 3, workerUrl, minRows: 1_000 });
    try {
      kernels.start();
      const rows = rowsOf(50_000, 11);
      expectSameCurve(await kernels.binaryClfCurve(rows), jsBinaryClfCurve(rows));
      // Concurrent calls each get their own shared buffers.
      const more = [rowsOf(20_000, 12), rowsOf(900, 13), rowsOf(30_000, 14)];
      const curves = await Promise.all(more.map((r) => kernels.binaryClfCurve(r)));
      curves.forEach((curve, i) => expectSameCurve(curve, jsBinaryClfCurve(more[i])));
      // Weighted rows stay on this thread (float sums in one order).
      const weighted = { ...rows, weights: Float64Array.from(rows.scores, (_s, i) => 1 + (i % 3)) };
      const w = await kernels.binaryClfCurve(weighted);
      const expected = jsBinaryClfCurve(weighted);
      expect(Array.from(w.tps)).toEqual(Array.from(expected.tps));
      expect(kernels.name).toBe('js');
      expect(kernels.threads).toBe(3);
    } finally {
      await kernels.close();
      await kernels.close();
    }
  });

  it.each([
    ['binary', () => binaryPredictionsTable({ rows: 40_000, seed: 3 }), { task: 'binary', label: 'label', score: 'score', curves: true }],
    ['binary, table given away', () => binaryPredictionsTable({ rows: 40_000, seed: 3 }), { task: 'binary', label: 'label', score: 'score' }],
    ['multiclass', () => multiclassPredictionsTable({ rows: 30_000, seed: 7 }), { task: 'multiclass', label: 'label', scores: ['p0', 'p1', 'p2', 'p3'] }],
  ] as Array<[string, () => ReturnType<typeof binaryPredictionsTable>, EvaluationSpec]>)('%s: evaluateTable reports the same with the split sort', async (name, table, spec) => {
    ready();
    const kernels = createParallelCurveKernels({ threads: 2, workerUrl, minRows: 1_000 });
    try {
      const consumeTable = name.includes('given away');
      const { timing_ms: _a, ...split } = await evaluateTable(table(), spec, { kernels, consumeTable });
      const { timing_ms: _b, ...one } = await evaluateTable(table(), { ...spec, backend: 'js' });
      expect(split).toEqual(one);
    } finally {
      await kernels.close();
    }
  });

  it('leaves a table it was not given untouched, and reads a given one only after slices and intervals', async () => {
    const table = binaryPredictionsTable({ rows: 20_000, seed: 4 });
    const before = { score: Array.from(table.getChild('score')!.toArray()), label: Array.from(table.getChild('label')!.toArray()) };
    const kernels = createParallelCurveKernels({ threads: 2, workerUrl, minRows: 1_000 });
    try {
      await evaluateTable(table, { task: 'binary', label: 'label', score: 'score' }, { kernels });
      await evaluateTable(table, { task: 'binary', label: 'label', score: 'score', backend: 'js' });
      expect(Array.from(table.getChild('score')!.toArray())).toEqual(before.score);
      expect(Array.from(table.getChild('label')!.toArray())).toEqual(before.label);
      // Given away with slices and intervals: the full evaluation must not reorder the rows they read afterwards.
      const spec: EvaluationSpec = { task: 'binary', label: 'label', score: 'score', by: ['segment'], ci: 0.9, bootstrap: 3, backend: 'js' };
      const { timing_ms: _a, ...given } = await evaluateTable(binaryPredictionsTable({ rows: 20_000, seed: 4 }), spec, { consumeTable: true });
      const { timing_ms: _b, ...kept } = await evaluateTable(table, spec);
      expect(given).toEqual(kept);
    } finally {
      await kernels.close();
    }
  });

  it('sums the losses of a long curve in shared memory on a worker thread, and the report is the same', async () => {
    ready();
    const kernels = createParallelCurveKernels({ threads: 2, workerUrl, minRows: 1_000 });
    try {
      // Ties (a third of the scores rounded) let the two ranges' runs join in their own shared buffers.
      const rows = rowsOf(500_000, 21, (r) => (r() < 0.33 ? Math.round(r() * 100) / 100 : r()));
      const curve = await kernels.binaryClfCurve(rows);
      expect(curve.thresholds.length).toBeGreaterThanOrEqual(2 ** 18);
      expect(curve.thresholds.buffer).toBeInstanceOf(SharedArrayBuffer);
      const remote = kernels.curveLossSums(curve);
      expect(remote).toBeInstanceOf(Promise);
      expect(await remote).toEqual(curveLossSums(curve));
      const labels = { positive: 1, negative: 0, positiveIndex: 1 };
      const opts = resolveBinaryOptions({});
      const extra = { bins: 7, costFp: 2, costFn: 3 };
      const shared = await binaryMetricsSharingLosses(curve, labels, opts, true, extra, (c) => kernels.curveLossSums(c));
      expect(shared).toEqual(binaryMetricsFromCurve(curve, labels, opts, true, extra));
      expect(Number.isFinite(shared.metrics.log_loss)).toBe(true);
      // Short curves, and curves outside shared memory, stay on this thread.
      const short = await kernels.binaryClfCurve(rowsOf(5_000, 22));
      expect(kernels.curveLossSums(short)).toBeUndefined();
      expect(kernels.curveLossSums(jsBinaryClfCurve(rows))).toBeUndefined();
      expect(curveLossesJob(jsBinaryClfCurve(rows))).toBeUndefined();
    } finally {
      await kernels.close();
    }
  });

  it('reports a failure of the thread summing the losses, and asks no thread for scores outside [0, 1]', async () => {
    const rows = rowsOf(2_000, 23, (r) => r());
    const curve = jsBinaryClfCurve(rows);
    const labels = { positive: 1, negative: 0, positiveIndex: 1 };
    const opts = resolveBinaryOptions({});
    await expect(binaryMetricsSharingLosses(curve, labels, opts, false, {}, () => Promise.reject(new Error('worker died')))).rejects.toThrow(/worker died/);
    let asked = 0;
    const negative = jsBinaryClfCurve({ ...rows, scores: rows.scores.map((x) => x - 0.5) });
    const result = await binaryMetricsSharingLosses(negative, labels, opts, false, {}, () => { asked++; return undefined; });
    expect(asked).toBe(0);
    expect(result).toEqual(binaryMetricsFromCurve(negative, labels, opts, false, {}));
  });

  it('fails with a clear error when the worker module cannot load', async () => {
    const kernels = createParallelCurveKernels({ threads: 2, workerUrl: new URL('./no-such-worker.js', import.meta.url), minRows: 100 });
    try {
      const error = await kernels.binaryClfCurve(rowsOf(5_000, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalError);
      expect(String((error as Error).message)).toMatch(/worker thread failed.*--threads 1/s);
    } finally {
      await kernels.close();
    }
  });
});
