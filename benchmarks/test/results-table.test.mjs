import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults, recordResults } from '../src/results-files.mjs';
import { formatRows, renderResultsTable, tableMarkers, updateResultsTable } from '../src/results-table.mjs';
import { judgeTargets, targets } from '../src/targets.mjs';

const machine = { cpu: 'Fake CPU | 3 GHz', cores: 8, memory_gib: 32, os: 'linux 6.8.0 x64', node: 'v20.20.2' };

function fakeCase(rows, medianMs, bytesPerRow) {
  const c = {
    task: 'binary',
    rows,
    file: `binary-${rows}-seed42.arrow`,
    file_bytes: rows * 14,
    runs: 3,
    wall_ms: { min: medianMs - 20, median: medianMs, runs: [medianMs - 20, medianMs, medianMs + 5] },
    timing_ms: { read: 120.4, compute: 830.6, total: 951 },
    memory: { peak_rss_kb: 60_000 + (bytesPerRow * rows) / 1024, baseline_rss_kb: 60_000, bytes_per_row: bytesPerRow },
    sort_floor_ms: 812.3,
  };
  return { ...c, targets: judgeTargets(c) };
}

function fakeResult(date, cases, m = machine) {
  return { date, machine: m, commit: 'abc1234', targets, dataset: { seed: 42 }, cases };
}

test('judgeTargets: time only at 1e7 rows, memory from 1e6 rows', () => {
  assert.deepEqual(judgeTargets(fakeCase(1e7, 1200, 31)), { time: 'pass', memory: 'pass' });
  assert.deepEqual(judgeTargets(fakeCase(1e7, 1600, 45)), { time: 'fail', memory: 'fail' });
  assert.deepEqual(judgeTargets(fakeCase(1e6, 300, 39.9)), { time: null, memory: 'pass' });
  assert.deepEqual(judgeTargets(fakeCase(1e5, 100, 400)), { time: null, memory: null });
});

test('renderResultsTable: one line per case, escaped cells, verdicts', () => {
  const table = renderResultsTable([fakeResult('2026-01-02', [fakeCase(1e6, 300, 35), fakeCase(1e7, 1600, 31)])]);
  const lines = table.split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^\| Date \| Machine/);
  assert.equal(
    lines[2],
    '| 2026-01-02 | Fake CPU \\| 3 GHz, 8 cores, 32 GiB, linux | v20.20.2 | 1e6 | 280 ms / 300 ms | 120 ms / 831 ms | 812 ms | 33 MiB | 35.0 | — | pass |',
  );
  assert.match(lines[3], /\| 1e7 \| 1580 ms \/ 1600 ms \|.*\| 31\.0 \| \*\*fail\*\* \| pass \|$/);
  assert.equal(renderResultsTable([]).split('\n').length, 2);
});

test('formatRows', () => {
  assert.equal(formatRows(1e5), '1e5');
  assert.equal(formatRows(2e6), '2e6');
  assert.equal(formatRows(1234567), '1,234,567');
  assert.equal(formatRows(500), '500');
});

test('updateResultsTable replaces only the text between the markers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-readme-'));
  const readme = join(dir, 'README.md');
  writeFileSync(readme, `# T\n\nbefore\n${tableMarkers.start}\nold\n${tableMarkers.end}\nafter\n`);
  assert.equal(updateResultsTable(readme, '| new |'), true);
  assert.equal(readFileSync(readme, 'utf8'), `# T\n\nbefore\n${tableMarkers.start}\n| new |\n${tableMarkers.end}\nafter\n`);
  assert.equal(updateResultsTable(readme, '| new |'), false);
  writeFileSync(readme, 'no markers\n');
  assert.throws(() => updateResultsTable(readme, 'x'), /expected the markers/);
});

test('the committed README has the markers', () => {
  const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  assert.ok(text.indexOf(tableMarkers.start) >= 0 && text.indexOf(tableMarkers.end) > text.indexOf(tableMarkers.start));
});

test('recordResults merges a day on one machine and keeps other machines apart; loadResults reads newest first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  const first = recordResults({ dir, result: fakeResult('2026-01-02', [fakeCase(1e6, 300, 35), fakeCase(1e7, 1400, 30)]) });
  assert.equal(first, join(dir, '2026-01-02.json'));
  recordResults({ dir, result: fakeResult('2026-01-02', [fakeCase(1e7, 1300, 29)]) });
  const merged = JSON.parse(readFileSync(first, 'utf8'));
  assert.equal(merged.schema, 'modelperf/bench@1');
  assert.deepEqual(merged.cases.map((c) => [c.rows, c.wall_ms.median]), [[1e6, 300], [1e7, 1300]]);
  const other = recordResults({ dir, result: fakeResult('2026-01-02', [fakeCase(1e6, 500, 35)], { ...machine, cores: 4 }) });
  assert.equal(other, join(dir, '2026-01-02-2.json'));
  recordResults({ dir, result: fakeResult('2026-02-01', [fakeCase(1e6, 250, 35)]) });
  writeFileSync(join(dir, 'unrelated.json'), '{"schema":"other"}');
  assert.deepEqual(loadResults(dir).map((r) => r.file), ['2026-02-01.json', '2026-01-02.json', '2026-01-02-2.json']);
  assert.deepEqual(loadResults(join(dir, 'missing')), []);
});
