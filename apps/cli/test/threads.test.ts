import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordBatchStreamWriter, tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { binaryPredictionsTable, regressionPredictionsTable } from '@modelperf/core';
import { availableParallelism } from 'node:os';
import { WHOLE_FILE_DEFAULT_THREADS, withDefaultThreads } from '../src/commands/evaluate.js';
import { cli } from './run-cli-captured.js';

const dir = mkdtempSync(join(tmpdir(), 'modelperf-threads-'));

/** An Arrow IPC stream of the table in record batches of `batchRows` rows. */
function writeStream(name: string, table: Table, batchRows: number): string {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, table.schema);
  for (let at = 0; at < table.numRows; at += batchRows) {
    for (const batch of table.slice(at, Math.min(table.numRows, at + batchRows)).batches) writer.write(batch);
  }
  writer.finish();
  const path = join(dir, name);
  writeFileSync(path, writer.toUint8Array(true));
  return path;
}

/** The report without what may differ between runs: timings and the thread count. */
function comparable(stdout: string): unknown {
  const { timing_ms: _t, options, input, ...rest } = JSON.parse(stdout);
  const { threads: _n, ...opts } = options;
  return { ...rest, input, options: opts };
}

describe('modelperf evaluate --threads', () => {
  const binary = writeStream('binary.arrows', binaryPredictionsTable({ rows: 60_000, seed: 5 }), 7_000);
  const regression = writeStream('regression.arrows', regressionPredictionsTable({ rows: 60_000, seed: 5 }), 7_000);

  it.each([
    ['binary exact', binary, ['--label', 'label', '--score', 'score', '--stream', '--curves']],
    ['binary binned', binary, ['--label', 'label', '--score', 'score', '--curve-mode', 'binned']],
    ['regression', regression, ['--task', 'regression', '--label', 'target', '--pred', 'prediction', '--stream']],
  ])('%s: the same report on one thread and on three', async (_name, file, args) => {
    // Leaves of one 7 000-row batch each (the default would gather the whole input into one leaf: one thread).
    const one = await cli(['evaluate', file, ...args, '--threads', '1', '--leaf-rows', '7000', '--quiet', '--format', 'json']);
    const three = await cli(['evaluate', file, ...args, '--threads', '3', '--leaf-rows', '7000', '--quiet', '--format', 'json']);
    expect(one.code, one.stderr).toBe(0);
    expect(three.code, three.stderr).toBe(0);
    expect(JSON.parse(one.stdout).options.threads).toBe(1);
    expect(JSON.parse(three.stdout).options.threads).toBe(3);
    expect(comparable(three.stdout)).toEqual(comparable(one.stdout));
  });

  it('binary exact, whole file: the same report on one thread and on two (the sort split by score range)', async () => {
    // 2^20 rows and more split the sort (PARALLEL_CURVE_MIN_ROWS); the file is read into shared memory and its score
    // column sorted in place.
    const path = join(dir, 'binary-big.arrow');
    writeFileSync(path, tableToIPC(binaryPredictionsTable({ rows: 1_100_000, seed: 6 }), 'file'));
    const args = ['evaluate', path, '--label', 'label', '--score', 'score', '--format', 'json', '--backend', 'js'];
    const one = await cli([...args, '--threads', '1']);
    const two = await cli([...args, '--threads', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(one.stdout).options.threads).toBeUndefined();
    expect(comparable(two.stdout)).toEqual(comparable(one.stdout));
    // Slices and intervals read the rows again: the rows are not sorted in place then, and the results still agree.
    const sliced = ['--by', 'segment', '--ci', '0.9', '--bootstrap', '2'];
    const oneSliced = await cli([...args, ...sliced, '--threads', '1']);
    const twoSliced = await cli([...args, ...sliced, '--threads', '2']);
    expect(twoSliced.code, twoSliced.stderr).toBe(0);
    expect(comparable(twoSliced.stdout)).toEqual(comparable(oneSliced.stdout));
    expect(JSON.parse(oneSliced.stdout).metrics).toEqual(JSON.parse(one.stdout).metrics);
  }, 60_000);

  it('defaults to every core for a whole file and to one thread for a stream', () => {
    const spec = { task: 'binary', label: 'y', score: 'p' } as const;
    expect(withDefaultThreads('preds.arrow', spec).threads).toBe(Math.min(availableParallelism(), WHOLE_FILE_DEFAULT_THREADS));
    expect(withDefaultThreads('preds.parquet', { ...spec, threads: 1 }).threads).toBe(1);
    expect(withDefaultThreads('preds.arrows', { ...spec, stream: true }).threads).toBeUndefined();
    expect(withDefaultThreads('-', spec).threads).toBeUndefined();
    expect(withDefaultThreads('preds.arrow', { ...spec, curveMode: 'binned' }).threads).toBeUndefined();
  });

  it('refuses a thread count that is not a positive integer', async () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      const r = await cli(['evaluate', binary, '--label', 'label', '--score', 'score', '--stream', '--threads', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--threads must be a positive integer/);
    }
    const r = await cli(['evaluate', binary, '--label', 'label', '--score', 'score', '--stream', '--leaf-rows', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--leaf-rows must be a positive integer/);
  });
});
