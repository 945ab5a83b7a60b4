import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../src/parse-args.mjs';
import { recordResults } from '../src/results-files.mjs';
import { renderServerTable, serverMarkers, updateResultsTable } from '../src/results-table.mjs';
import { runServerBenchmark, serverQuery } from '../src/server-bench.mjs';

const fakeServer = fileURLToPath(new URL('./fixtures/fake-server.mjs', import.meta.url));

test('--server and --server-only', () => {
  assert.equal(parseBenchArgs([]).server, false);
  assert.deepEqual([parseBenchArgs(['--server']).server, parseBenchArgs(['--server']).serverOnly], [true, false]);
  const only = parseBenchArgs(['--server-only']);
  assert.deepEqual([only.server, only.serverOnly, only.sklearn], [true, true, false]);
});

test('runServerBenchmark drives autocannon against a loopback child and records percentiles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const file = join(dir, 'binary-10-seed42.arrows');
  writeFileSync(file, Buffer.alloc(1000));
  const calls = [];
  const autocannon = async (options) => {
    calls.push(options);
    assert.match(options.url, /^http:\/\/127\.0\.0\.1:\d+\/v1\/evaluate\?/);
    assert.ok(options.url.endsWith(serverQuery));
    assert.equal((await fetch(options.url, { method: 'POST', body: options.body })).status, 200);
    return { errors: 0, timeouts: 0, non2xx: 0, '2xx': options.amount, latency: { p50: 5, p90: 7, p99: 9, max: 11, average: 5.5 } };
  };
  const cases = await runServerBenchmark({
    serverBin: fakeServer, autocannon, ensureStream: async () => ({ path: file, bytes: 1000 }),
    loads: [{ rows: 10, amount: 50, connections: 2, maxSeconds: 5 }],
  });
  assert.equal(calls.length, 2); // warm-up, then the measured run
  assert.equal(calls[1].amount, 50);
  assert.equal(calls[1].connections, 2);
  assert.equal(calls[1].headers['content-type'], 'application/vnd.apache.arrow.stream');
  assert.equal(cases.length, 1);
  assert.equal(cases[0].completed, 50);
  assert.equal(cases[0].body_bytes, 1000);
  assert.deepEqual(cases[0].latency_ms, { p50: 5, p90: 7, p99: 9, max: 11, mean: 5.5 });
  assert.ok(cases[0].requests_per_s > 0);
});

test('server cases merge into the results file and render between their markers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-results-'));
  const machine = { cpu: 'X', cores: 2, memory_gib: 8, os: 'linux 6 x64', node: 'v20' };
  const serverCase = (rows, rps) => ({
    endpoint: 'POST /v1/evaluate', content_type: 'application/vnd.apache.arrow.stream', rows, body_bytes: rows * 14,
    requests: 10, connections: 2, completed: 10, errors: 0, non_2xx: 0, requests_per_s: rps, rows_per_s: rows * rps,
    latency_ms: { p50: 10, p90: 20, p99: 30 },
  });
  const cliCase = { task: 'binary', mode: 'exact', rows: 1e6 };
  recordResults({ dir, result: { date: '2026-01-01', machine, cases: [cliCase], server: { tool: 'autocannon', cases: [serverCase(1e4, 100), serverCase(1e6, 2)] } } });
  const path = recordResults({ dir, result: { date: '2026-01-01', machine, cases: [], server: { tool: 'autocannon', cases: [serverCase(1e4, 300)] } } });
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(saved.cases, [cliCase]);
  assert.deepEqual(saved.server.cases.map((c) => [c.rows, c.requests_per_s]), [[1e4, 300], [1e6, 2]]);
  const table = renderServerTable([saved]);
  assert.equal(table.split('\n').length, 4);
  assert.match(table, /\| 1e4 \| .* \| 10 × 2 \| 10 \/ 0 \/ 0 \| 300 \| 3\.0 M\/s \| 10\.0 ms \/ 20\.0 ms \/ 30\.0 ms \|/);
  const readme = join(dir, 'README.md');
  writeFileSync(readme, `# x\n${serverMarkers.start}\n${serverMarkers.end}\n`);
  assert.equal(updateResultsTable(readme, table, serverMarkers), true);
  assert.ok(readFileSync(readme, 'utf8').includes('| 1e6 |'));
});
