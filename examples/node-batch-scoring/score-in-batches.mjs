#!/usr/bin/env node
// Scores a model's predictions in batches as they are produced, keeping a running, mergeable evaluation state:
//   node examples/node-batch-scoring/score-in-batches.mjs [--rows N] [--batch N] [--checkpoint state.json]
// A toy "model" scores a seeded stream of examples batch by batch; after each batch the state is updated and the running
// ROC AUC printed. Half way the state is checkpointed to JSON and restored (as after a restart), and the second half is
// scored by a separate state and merged in (as if another process had scored it). The last line is the final report.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createState, EvaluationState, reportToJson } from '@modelperf/core';

/** Spec of the evaluation: binary labels `y`, the model's probabilities `p`, weights `w`. */
export const SPEC = { task: 'binary', label: 'y', score: 'p', weight: 'w', threshold: 0.5, backend: 'js' };

/**
 * A deterministic stream of labelled examples, scored by a toy logistic model: yields one batch of columns at a time.
 * @param {number} rows - examples in all
 * @param {number} batchSize - examples per batch
 * @param {number} seed - seed of the example stream
 */
export function* predictionBatches(rows, batchSize, seed = 42) {
  let state = seed >>> 0;
  // mulberry32: small, seeded, the same on every platform.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let start = 0; start < rows; start += batchSize) {
    const n = Math.min(batchSize, rows - start);
    const y = new Int32Array(n);
    const p = new Float64Array(n);
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const feature = random() * 2 - 1;
      y[i] = random() < 1 / (1 + Math.exp(-3 * feature)) ? 1 : 0;
      p[i] = 1 / (1 + Math.exp(-(2.5 * feature + 0.5 * (random() - 0.5))));
      w[i] = 1 + Math.floor(random() * 3);
    }
    yield { y, p, w };
  }
}

/**
 * Runs the example.
 * @param {{ rows?: number, batch?: number, checkpoint?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ report: object, batches: number }>}
 */
export async function main({ rows = 200_000, batch = 10_000, checkpoint, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const scratch = checkpoint === undefined ? mkdtempSync(join(tmpdir(), 'modelperf-example-')) : undefined;
  const path = checkpoint ?? join(scratch, 'state.json');
  let state = createState(SPEC);
  const late = createState(SPEC);
  let batches = 0;
  for (const columns of predictionBatches(rows, batch)) {
    batches += 1;
    const target = batches * batch <= rows / 2 ? state : late;
    target.update(columns);
    if (target === state) log(`batch ${batches}: ${state.rows} rows, running ROC AUC ${state.compute().metrics.roc_auc.toFixed(6)}`);
    if (batches * batch === rows / 2) {
      // Checkpoint and restore: the state is plain JSON, lossless.
      writeFileSync(path, JSON.stringify(state.toJSON()));
      state = EvaluationState.fromJSON(JSON.parse(readFileSync(path, 'utf8')));
      log(`checkpointed ${state.rows} rows to ${path} and restored them`);
    }
  }
  state.merge(late);
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  const report = state.compute();
  log(`merged the second half (${late.rows} rows): ROC AUC ${report.metrics.roc_auc.toFixed(6)} over ${report.rows} rows`);
  return { report, batches };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, batch: { type: 'string' }, checkpoint: { type: 'string' } } });
  const { report } = await main({
    rows: values.rows !== undefined ? Number(values.rows) : undefined,
    batch: values.batch !== undefined ? Number(values.batch) : undefined,
    checkpoint: values.checkpoint,
  });
  process.stdout.write(`${reportToJson(report, 0)}\n`);
}
