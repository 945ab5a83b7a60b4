import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordBatchStreamWriter, tableToIPC, type Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/evaluate/evaluate-file.js';
import type { EvaluationSpec } from '../../../src/evaluate/evaluation-spec.js';
import { evaluateBatchesParallel } from '../../../src/evaluate/parallel/evaluate-batches-parallel.js';
import {
  binaryPredictionsTable, multiclassPredictionsTable, multilabelPredictionsTable, rankingPredictionsTable, regressionPredictionsTable,
} from '../../../src/generate/index.js';
import { readBatches } from '../../../src/io/stream/read-batches.js';

const dir = mkdtempSync(join(tmpdir(), 'modelperf-recycled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An Arrow IPC stream of the table in `batches` record batches, each body over 1 MiB (the recycler's minimum). */
function writeStream(name: string, table: Table, batches: number): string {
  const rows = Math.ceil(table.numRows / batches);
  expect(tableToIPC(table.slice(0, rows), 'stream').length, 'batch bodies must be recyclable').toBeGreaterThan(1.1 * 2 ** 20);
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, table.schema);
  for (let at = 0; at < table.numRows; at += rows) {
    for (const batch of table.slice(at, Math.min(table.numRows, at + rows)).batches) writer.write(batch);
  }
  writer.finish();
  const path = join(dir, name);
  writeFileSync(path, writer.toUint8Array(true));
  return path;
}

describe('Arrow stream bodies reused once released', () => {
  it('reads later batches into released bodies and leaves held batches intact', async () => {
    const table = binaryPredictionsTable({ rows: 600_000, seed: 3 });
    const path = writeStream('reuse.arrows', table, 6);
    const reader = await readBatches(path);
    const held: Array<{ scores: Float64Array; copy: Float64Array }> = [];
    const buffers: ArrayBufferLike[] = [];
    let index = 0;
    for await (const batch of reader) {
      const scores = batch.getChild('score')!.toArray() as Float64Array;
      buffers.push(scores.buffer);
      // Every other batch is kept (never released): its bytes must never change.
      if (index % 2 === 0) held.push({ scores, copy: scores.slice() });
      else reader.release(batch);
      index++;
    }
    expect(index).toBe(6);
    // A later batch was read into batch 1's released body (batch 4: the next message is read ahead while a batch is
    // used, and the reader decodes one batch ahead); no batch ever went into a held batch's body. (Booleans: a failed
    // toBe on two 1.4 MB ArrayBuffers would make the diff for minutes.)
    expect(buffers[4] === buffers[1]).toBe(true);
    for (const h of [0, 2, 4]) expect(buffers.slice(h + 1).includes(buffers[h])).toBe(false);
    for (const { scores, copy } of held) expect(Buffer.from(scores.buffer, scores.byteOffset, scores.byteLength).equals(Buffer.from(copy.buffer))).toBe(true);
  });

  it('keeps one body fewer in circulation without the read ahead, with the same batches', async () => {
    const table = binaryPredictionsTable({ rows: 600_000, seed: 6 });
    const path = writeStream('circulation.arrows', table, 6);
    const bodies = async (readAhead: boolean) => {
      const reader = await readBatches(path, { readAhead });
      const buffers = new Set<ArrayBufferLike>();
      const sums: number[] = [];
      for await (const batch of reader) {
        const scores = batch.getChild('score')!.toArray() as Float64Array;
        buffers.add(scores.buffer);
        sums.push(scores.reduce((a, b) => a + b, 0));
        reader.release(batch);
      }
      return { count: buffers.size, sums };
    };
    const ahead = await bodies(true);
    const plain = await bodies(false);
    expect(plain.sums).toEqual(ahead.sums);
    expect(plain.sums.length).toBe(6);
    expect(ahead.count).toBe(3);
    expect(plain.count).toBe(2);
  });

  it('does not reuse a body while a slice over it is still held', async () => {
    const path = writeStream('slices.arrows', binaryPredictionsTable({ rows: 400_000, seed: 4 }), 4);
    const reader = await readBatches(path, { batchRows: 50_000 });
    const seen: ArrayBufferLike[] = [];
    let slices = 0;
    let kept: { scores: Float64Array; copy: Float64Array } | undefined;
    for await (const batch of reader) {
      const scores = batch.getChild('score')!.toArray() as Float64Array;
      seen.push(scores.buffer);
      // The first slice of the first body is never released: that body must never be read into again.
      if (slices === 0) kept = { scores, copy: scores.slice() };
      else reader.release(batch);
      slices++;
    }
    expect(slices).toBe(8);
    expect(seen.slice(2).includes(seen[0])).toBe(false);
    expect(Array.from(kept!.scores)).toEqual(Array.from(kept!.copy));
  });

  // Every task's streamed report with batches released as soon as their leaf is evaluated (what evaluateFile does)
  // equals the same stream evaluated without releasing: no state keeps a view of a batch's columns.
  it.each([
    ['binary exact', () => binaryPredictionsTable({ rows: 500_000, seed: 5 }), { task: 'binary', label: 'label', score: 'score' }, undefined],
    ['binary binned', () => binaryPredictionsTable({ rows: 500_000, seed: 5 }), { task: 'binary', label: 'label', score: 'score' }, 'binned'],
    ['multiclass', () => multiclassPredictionsTable({ rows: 200_000, seed: 5 }), { task: 'multiclass', label: 'label', scores: ['p0', 'p1', 'p2', 'p3'], topK: 2 }, undefined],
    ['multilabel', () => multilabelPredictionsTable({ rows: 200_000, seed: 5 }), { task: 'multilabel', labels: ['y0', 'y1', 'y2'], scores: ['s0', 's1', 's2'] }, undefined],
    ['regression', () => regressionPredictionsTable({ rows: 400_000, seed: 5 }), { task: 'regression', label: 'target', pred: 'prediction' }, undefined],
    ['ranking', () => rankingPredictionsTable({ rows: 500_000, seed: 5 }), { task: 'ranking', query: 'query', label: 'relevance', score: 'score' }, undefined],
  ] as Array<[string, () => Table, EvaluationSpec, 'binned' | undefined]>)('%s: the same report with released batches', async (name, table, spec, curveMode) => {
    const path = writeStream(`${name.replace(/ /g, '-')}.arrows`, table(), 5);
    // Leaves of one batch each, so that released bodies are read into again within the stream.
    const options = { curveMode, leafRows: 1 };
    const released = await evaluateFile(path, { ...spec, stream: true, ...options });
    const kept = await evaluateBatchesParallel(await readBatches(path), spec, { threads: 1, ...options });
    const strip = ({ timing_ms: _t, input: _i, ...rest }: typeof released): unknown => rest;
    expect(strip(released)).toEqual(strip(kept));
  }, 60_000);
});
