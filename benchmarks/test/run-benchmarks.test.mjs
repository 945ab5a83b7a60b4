import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { datasetOptions, ensureBinaryDataset } from '../src/ensure-dataset.mjs';
import { runBenchmarks } from '../src/run-benchmarks.mjs';
import { fakeBinaryPredictionsTable } from './fixtures/fake-generator.mjs';

const fixture = (name) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const readme = join(dir, 'README.md');
  copyFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), readme);
  return {
    cli: fixture('fake-cli.mjs'),
    evalChildScript: fixture('fake-eval-child.mjs'),
    binaryPredictionsTable: fakeBinaryPredictionsTable,
    tableToIPC,
    dataDir: join(dir, 'data'),
    resultsDir: join(dir, 'results'),
    readme,
    now: () => new Date('2026-03-04T05:06:07Z'),
  };
}

test('ensureBinaryDataset writes an Arrow IPC file once and reuses it while options and generator match', () => {
  const deps = sandbox();
  const args = { rows: 5000, dataDir: deps.dataDir, binaryPredictionsTable: fakeBinaryPredictionsTable, tableToIPC };
  const first = ensureBinaryDataset(args);
  assert.equal(first.generated, true);
  assert.equal(first.path, join(deps.dataDir, 'binary-5000-seed42.arrow'));
  assert.equal(tableFromIPC(readFileSync(first.path)).numRows, 5000);
  assert.deepEqual(first.options, { rows: 5000, ...datasetOptions });
  const sidecar = JSON.parse(readFileSync(`${first.path}.json`, 'utf8'));
  assert.equal(sidecar.bytes, statSync(first.path).size);
  assert.equal(ensureBinaryDataset(args).generated, false);

  // Another generator (different first rows) or a truncated file: regenerated.
  const shifted = (options) => fakeBinaryPredictionsTable({ ...options, seed: options.seed + 1 });
  assert.equal(ensureBinaryDataset({ ...args, binaryPredictionsTable: shifted }).generated, true);
  writeFileSync(first.path, 'truncated');
  assert.equal(ensureBinaryDataset(args).generated, true);
  assert.equal(tableFromIPC(readFileSync(first.path)).numRows, 5000);
});

test('runBenchmarks with a fake CLI and probe: measures, records and regenerates the README table', async () => {
  const deps = sandbox();
  const messages = [];
  const { result, table, recordedPath } = await runBenchmarks(
    { rows: [2000, 1e6], runs: 2, record: true },
    { ...deps, log: (m) => messages.push(m) },
  );
  assert.equal(result.date, '2026-03-04');
  assert.equal(typeof result.machine.cpu, 'string');
  assert.deepEqual(result.cases.map((c) => c.rows), [2000, 1e6]);
  for (const c of result.cases) {
    assert.equal(c.wall_ms.runs.length, 2);
    assert.ok(c.wall_ms.min > 0 && c.wall_ms.min <= c.wall_ms.median);
    assert.deepEqual(c.timing_ms, { read: 1.5, compute: 2.5, total: 4 });
    assert.ok(c.memory.peak_rss_kb > 0 && c.memory.baseline_rss_kb > 0);
    assert.equal(typeof c.memory.bytes_per_row, 'number');
    assert.ok(c.sort_floor_ms >= 0);
  }
  assert.equal(result.cases[0].targets.memory, null);
  assert.ok(['pass', 'fail'].includes(result.cases[1].targets.memory));
  assert.equal(recordedPath, join(deps.resultsDir, '2026-03-04.json'));
  assert.equal(JSON.parse(readFileSync(recordedPath, 'utf8')).cases.length, 2);
  const readme = readFileSync(deps.readme, 'utf8');
  assert.ok(readme.includes(table.split('\n')[2]), 'README holds the new line');
  assert.ok(messages.some((m) => m.startsWith('generating')));
});

test('runBenchmarks without record writes nothing; a missing CLI is a clear error', async () => {
  const deps = sandbox();
  const before = readFileSync(deps.readme, 'utf8');
  await runBenchmarks({ rows: [1000], runs: 1, record: false }, deps);
  assert.equal(existsSync(deps.resultsDir), false);
  assert.equal(readFileSync(deps.readme, 'utf8'), before);
  await assert.rejects(
    runBenchmarks({ rows: [1000], runs: 1, record: false }, { ...deps, cli: join(deps.dataDir, 'nope.js') }),
    /not found: build the CLI first/,
  );
});

test('a failing CLI or a wrong row count stops the run with the CLI command in the message', async () => {
  const deps = sandbox();
  const failing = join(deps.dataDir, '..', 'failing-cli.mjs');
  writeFileSync(failing, "process.stderr.write('error: boom\\n'); process.exit(2);\n");
  await assert.rejects(
    runBenchmarks({ rows: [1000], runs: 1, record: false }, { ...deps, cli: failing }),
    /CLI failed \(exit 2\): node .*evaluate .*binary-1000-seed42\.arrow --task binary[\s\S]*error: boom/,
  );
  const lying = join(deps.dataDir, '..', 'lying-cli.mjs');
  writeFileSync(lying, "process.stdout.write(JSON.stringify({ rows: 7, timing_ms: { read: 1, compute: 1 } }));\n");
  await assert.rejects(runBenchmarks({ rows: [1000], runs: 1, record: false }, { ...deps, cli: lying }), /rows = 7, expected 1000/);
});
