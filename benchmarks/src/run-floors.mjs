#!/usr/bin/env node
// Floor benchmarks (see floors.mjs): `node benchmarks/src/run-floors.mjs [--rows 1e7] [--runs 3] [--no-record]`,
// or `pnpm --filter @modelperf/benchmarks bench:floors`. Needs `pnpm build` first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { binaryPredictionsTable, evaluateTable, regressionPredictionsTable } from '@modelperf/core';
import { radixSortFloat64 } from '@modelperf/core/internal';
import { describeCommit, describeMachine } from './describe-machine.mjs';
import { ensureBinaryDataset } from './ensure-dataset.mjs';
import { floorCase, minTime, renderFloorsTable, sumLoop } from './floors.mjs';
import { updateResultsTable } from './results-table.mjs';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1e7' }, runs: { type: 'string', default: '3' }, 'no-record': { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
if (!Number.isSafeInteger(rows) || rows < 1000 || !Number.isSafeInteger(runs) || runs < 1) {
  process.stderr.write('usage: run-floors.mjs [--rows N >= 1000] [--runs N >= 1] [--no-record]\n');
  process.exit(2);
}
const log = (m) => process.stderr.write(`${m}\n`);

// Binary: the benchmark's Arrow file (made once, shared with `pnpm bench`).
const dataset = ensureBinaryDataset({ rows, dataDir: join(benchDir, 'data'), binaryPredictionsTable, tableToIPC, log });
const table = tableFromIPC(readFileSync(dataset.path));
const scores = table.getChild('score').toArray();
const spec = { task: 'binary', label: 'label', score: 'score', backend: 'js' };
log(`binary ${rows} rows: full exact report x${runs}`);
const binaryMs = await minTime(() => evaluateTable(table, spec), runs);
log(`binary ${rows} rows: bare radix argsort x${runs}`);
let keys;
let order;
const sortMs = await minTime(() => radixSortFloat64(keys, order), runs, () => {
  keys = scores.slice();
  order = new Float64Array(keys.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
});

// Regression: a seeded table in memory.
const regression = regressionPredictionsTable({ rows, seed: 42 });
const y = regression.getChild('target').toArray();
const p = regression.getChild('prediction').toArray();
log(`regression ${rows} rows: full report x${runs}`);
const regressionMs = await minTime(() => evaluateTable(regression, { task: 'regression', label: 'target', pred: 'prediction' }), runs);
log(`regression ${rows} rows: plain float64 summation loop x${runs}`);
let sink = 0;
const loopMs = await minTime(() => { sink += sumLoop(y, p); }, runs);

const result = {
  schema: 'modelperf/bench-floors@1',
  date: new Date().toISOString().slice(0, 10),
  machine: describeMachine(),
  commit: describeCommit(benchDir),
  cases: [
    floorCase({ task: 'binary', rows, evaluateMs: binaryMs, floorMs: sortMs, floor: 'radix argsort of the scores' }),
    floorCase({ task: 'regression', rows, evaluateMs: regressionMs, floorMs: loopMs, floor: 'one float64 summation loop' }),
  ],
  checksum: Number.isFinite(sink),
};
process.stdout.write(`${renderFloorsTable([result])}\n`);
if (!values['no-record']) {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${result.date}-floors.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  const readme = join(benchDir, 'README.md');
  if (existsSync(readme)) updateResultsTable(readme, renderFloorsTable([result]), { start: '<!-- floors:start -->', end: '<!-- floors:end -->' });
  log(`recorded ${path}; README floors table updated`);
}
