#!/usr/bin/env node
// Evaluates a table on a pool of worker threads: each worker builds a mergeable state over its share of the rows and
// posts it back (its typed arrays transferred, not copied); the main thread merges the states and computes the report.
//   node examples/worker-pool/worker-pool.mjs [--rows N] [--workers N] [--task binary|regression|ranking]
// The last line on stdout is the report; the merged result equals evaluating the whole table in one thread.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  binaryPredictionsTable, createState, EvaluationState, rankingPredictionsTable, regressionPredictionsTable, reportToJson,
} from '@modelperf/core';
import { tableToIPC } from 'apache-arrow';

/** The seeded data set and the spec of each task the example runs. */
export const TASKS = {
  binary: { table: (rows) => binaryPredictionsTable({ rows, seed: 3 }), spec: { task: 'binary', label: 'label', score: 'score' } },
  regression: { table: (rows) => regressionPredictionsTable({ rows, seed: 3 }), spec: { task: 'regression', label: 'target', pred: 'prediction' } },
  ranking: { table: (rows) => rankingPredictionsTable({ rows, seed: 3 }), spec: { task: 'ranking', query: 'query', label: 'relevance', score: 'score' } },
};

const WORKER = new URL('./state-worker.mjs', import.meta.url);

/**
 * Evaluates `table` on `workers` threads.
 * @param {import('apache-arrow').Table} table - the data
 * @param {object} spec - the evaluation spec
 * @param {number} workers - number of worker threads (and of row ranges)
 * @returns {Promise<object>} the report
 */
export async function evaluateOnWorkers(table, spec, workers) {
  const bounds = Array.from({ length: workers + 1 }, (_, i) => Math.round((table.numRows * i) / workers));
  const states = await Promise.all(Array.from({ length: workers }, (_, i) => {
    // Each worker gets its rows as Arrow IPC bytes, transferred.
    const bytes = tableToIPC(table.slice(bounds[i], bounds[i + 1]), 'stream');
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { spec, bytes }, transferList: [bytes.buffer] });
      worker.once('message', (message) => {
        void worker.terminate();
        if (message.error) reject(new Error(message.error));
        else resolve(message.state);
      });
      worker.once('error', reject);
    });
  }));
  // Merge in row order: the same rows in the same order give the same bits as one thread.
  const total = createState(spec);
  for (const json of states) total.merge(EvaluationState.fromJSON(json));
  return total.compute();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, workers: { type: 'string' }, task: { type: 'string' } } });
  const task = TASKS[values.task ?? 'binary'];
  if (task === undefined) throw new Error(`--task must be one of ${Object.keys(TASKS).join(', ')}`);
  const workers = Number(values.workers ?? Math.max(2, availableParallelism()));
  const table = task.table(Number(values.rows ?? 1_000_000));
  const started = performance.now();
  const report = await evaluateOnWorkers(table, task.spec, workers);
  process.stderr.write(`${workers} workers, ${report.rows} rows: ${(performance.now() - started).toFixed(0)} ms\n`);
  process.stdout.write(`${reportToJson(report, 0)}\n`);
}
