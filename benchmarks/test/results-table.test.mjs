import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadResults, recordResults } from '../src/results-files.mjs';
import { formatRows, renderResultsTable, renderSklearnTable, sklearnMarkers, tableMarkers, updateResultsTable } from '../src/results-table.mjs';
import { computeRowsPerSecond, judgeSklearn, judgeTargets, requestedBackend, targets, withThreadsSpeedups } from '../src/targets.mjs';

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

function modeCase(mode, rows, computeMs, bytesPerRow, peakKb, threads = 1) {
  const c = {
    task: 'binary',
    mode,
    rows,
    runs: 3,
    threads,
    wall_ms: { min: computeMs + 300, median: computeMs + 310, runs: [] },
    timing_ms: { compute: computeMs, total: computeMs },
    memory: { peak_rss_kb: peakKb, baseline_rss_kb: 60_000, bytes_per_row: bytesPerRow },
  };
  return { ...c, targets: judgeTargets(c) };
}

test('judgeTargets: stream memory from 1e7 rows; binned throughput from 1e6 rows and peak RSS at 1e8', () => {
  assert.deepEqual(judgeTargets(modeCase('stream', 1e7, 2000, 15.9, 0)), { stream_memory: 'pass', threads_speedup: null });
  assert.deepEqual(judgeTargets(modeCase('stream', 1e8, 2000, 16.1, 0)), { stream_memory: 'fail', threads_speedup: null });
  assert.deepEqual(judgeTargets(modeCase('stream', 1e6, 2000, 99, 0)), { stream_memory: null, threads_speedup: null });
  // 1e7 rows in 50 ms = 200 M rows/s; in 100 ms = 100 M rows/s.
  assert.deepEqual(judgeTargets(modeCase('binned', 1e7, 50, 1, 2 ** 20)), { binned_throughput: 'pass', binned_peak: null });
  assert.deepEqual(judgeTargets(modeCase('binned', 1e7, 100, 1, 2 ** 20)), { binned_throughput: 'fail', binned_peak: null });
  assert.deepEqual(judgeTargets(modeCase('binned', 1e8, 500, 1, 2 ** 20 - 1)), { binned_throughput: 'pass', binned_peak: 'pass' });
  assert.deepEqual(judgeTargets(modeCase('binned', 1e8, 500, 1, 2 ** 20)), { binned_throughput: 'pass', binned_peak: 'fail' });
  assert.deepEqual(judgeTargets(modeCase('binned', 1e5, 1, 1, 0)), { binned_throughput: null, binned_peak: null });
  // Per core = rows/s / threads: 1e7 rows in 25 ms on 2 threads = 200 M rows/s per core; on 4 threads 100.
  assert.equal(judgeTargets(modeCase('binned', 1e7, 25, 1, 0, 2)).binned_throughput, 'pass');
  assert.equal(judgeTargets(modeCase('binned', 1e7, 25, 1, 0, 4)).binned_throughput, 'fail');
  assert.equal(judgeTargets({ ...modeCase('binned', 1e7, 50, 1, 0), threads: undefined }).binned_throughput, 'pass', 'no threads: 1');
  assert.equal(computeRowsPerSecond({ rows: 1e7, timing_ms: { compute: 50 } }), 2e8);
  assert.ok(Number.isNaN(computeRowsPerSecond({ rows: 1e7, timing_ms: {} })));
});

test('withThreadsSpeedups: the most-threaded case of each streamed mode and size gets compute(1 thread) / its compute', () => {
  const cases = [
    fakeCase(1e7, 1200, 31),
    modeCase('stream', 1e7, 2000, 15, 0, 1),
    modeCase('stream', 1e7, 1500, 15, 0, 2),
    modeCase('stream', 1e7, 1000, 15, 0, 4),
    modeCase('binned', 1e7, 300, 1, 0, 1),
    modeCase('binned', 1e7, 200, 1, 0, 2),
    modeCase('binned', 1e6, 30, 1, 0, 2), // no 1-thread case of this size
    modeCase('stream', 1e6, 300, 15, 0, 1), // no multi-thread case
  ];
  const before = JSON.stringify(cases);
  const out = withThreadsSpeedups(cases);
  assert.equal(JSON.stringify(cases), before, 'the input cases are not changed');
  assert.deepEqual(out.map((c) => c.speedup_vs_one_thread), [undefined, undefined, undefined, 2, undefined, 1.5, undefined, undefined]);
  assert.equal(out[0], cases[0]);
  // Judged on stream at 1e7 rows only: >= 1.6 passes.
  const judged = (mode, rows, one, many, threads = 2) => {
    const [, c] = withThreadsSpeedups([modeCase(mode, rows, one, 15, 0, 1), modeCase(mode, rows, many, 15, 0, threads)]);
    return [c.speedup_vs_one_thread, judgeTargets(c)];
  };
  assert.deepEqual(judged('stream', 1e7, 1600, 1000), [1.6, { stream_memory: 'pass', threads_speedup: 'pass' }]);
  assert.deepEqual(judged('stream', 1e7, 1599, 1000), [1.599, { stream_memory: 'pass', threads_speedup: 'fail' }]);
  assert.deepEqual(judged('stream', 1e7, 1000, 1200, 16), [0.833, { stream_memory: 'pass', threads_speedup: 'fail' }]);
  assert.deepEqual(judged('stream', 1e6, 1600, 100), [16, { stream_memory: null, threads_speedup: null }]);
  assert.deepEqual(judged('stream', 1e8, 1600, 100), [16, { stream_memory: 'pass', threads_speedup: null }]);
  // The binned mode records the speed-up, unjudged (1e7 rows in 100 ms on 2 threads: 50 M rows/s per core).
  assert.deepEqual(judged('binned', 1e7, 1600, 100), [16, { binned_throughput: 'fail', binned_peak: null }]);
  // Exact: the js cases of each thread count get the same speed-up (unjudged), in a group of their own backend; the
  // tfjs case (one thread) is neither a base nor a target of it; the exact targets are judged on every js case.
  const js = (threads, compute) => ({ ...fakeCase(1e7, 1200, 31), threads, timing_ms: { read: 80, compute, total: 80 + compute }, backend: { requested: 'js', name: 'js', device: 'cpu' } });
  const tfjs = { ...fakeCase(1e7, 9000, 50), threads: 1, timing_ms: { read: 80, compute: 8800, total: 8880 }, backend: { requested: 'tfjs', name: 'tfjs', device: 'cpu' } };
  const exact = withThreadsSpeedups([js(1, 1000), tfjs, js(2, 700), js(4, 400)]);
  assert.deepEqual(exact.map((c) => c.speedup_vs_one_thread), [undefined, undefined, undefined, 2.5]);
  assert.deepEqual(judgeTargets(exact[3]), { time: 'pass', memory: 'pass' });
  assert.deepEqual(judgeTargets({ ...exact[3], wall_ms: { median: 1600 } }), { time: 'fail', memory: 'pass' });
  assert.equal(withThreadsSpeedups([tfjs, js(2, 700)])[1].speedup_vs_one_thread, undefined, 'no 1-thread js case');
  // An exact case without threads or backend (older results) is the 1-thread js base.
  const { threads: _, backend: __, ...old } = js(1, 1000);
  assert.equal(withThreadsSpeedups([old, js(2, 500)])[1].speedup_vs_one_thread, 2);
  // Missing compute times give no speed-up.
  const [, noTime] = withThreadsSpeedups([{ mode: 'stream', rows: 1e7, threads: 1, timing_ms: {} }, { mode: 'stream', rows: 1e7, threads: 2, timing_ms: { compute: 5 } }]);
  assert.equal(noTime.speedup_vs_one_thread, undefined);
  assert.equal(targets.threadsSpeedup, 1.6);
  assert.equal(targets.threadsRows, 1e7);
});

test('judgeSklearn: at 1e7 rows only, on compute and on wall', () => {
  assert.deepEqual(judgeSklearn({ rows: 1e7, speedup_compute: 12, speedup_wall: 9.9 }), { compute: 'pass', wall: 'fail' });
  assert.deepEqual(judgeSklearn({ rows: 1e6, speedup_compute: 12, speedup_wall: 20 }), { compute: null, wall: null });
});

test('renderResultsTable: one line per case and mode, escaped cells, verdicts; results without modes are exact', () => {
  const table = renderResultsTable([fakeResult('2026-01-02', [fakeCase(1e6, 300, 35), fakeCase(1e7, 1600, 31)])]);
  const lines = table.split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^\| Date \| Machine/);
  assert.equal(lines[0].split(' | ').length, lines[2].split(' | ').length);
  assert.equal(
    lines[2],
    '| 2026-01-02 | Fake CPU \\| 3 GHz, 8 cores, 32 GiB, linux | v20.20.2 | 1e6 | exact | 1 | js | 280 ms / 300 ms | 120 ms / 831 ms | 1.2 M/s (1.2 M/s) | — | 812 ms | 92 MiB / 33 MiB | 35.0 | — | pass | — | — | — | — |',
  );
  assert.match(lines[3], /\| 1e7 \| exact \| 1 \| js \| 1580 ms \/ 1600 ms \|.*\| 31\.0 \| \*\*fail\*\* \| pass \| — \| — \| — \| — \|$/);
  assert.equal(renderResultsTable([]).split('\n').length, 2);

  const modes = renderResultsTable([fakeResult('2026-01-02', [modeCase('stream', 1e7, 2000, 15, 300_000), modeCase('binned', 1e7, 100, 1, 80_000)])]).split('\n');
  assert.match(modes[2], /\| 1e7 \| stream \| 1 \| js \| 2300 ms \/ 2310 ms \| — \/ 2000 ms \| 5\.0 M\/s \(5\.0 M\/s\) \| — \| — \| 293 MiB \/ 234 MiB \| 15\.0 \| — \| — \| pass \| — \| — \| — \|$/);
  assert.match(modes[3], /\| 1e7 \| binned \| 1 \| js \|.*\| 100\.0 M\/s \(100\.0 M\/s\) \|.*\| — \| — \| — \| \*\*fail\*\* \| — \| — \|$/);

  // Threads, per core and the speed-up: 2000 ms on one thread, 1000 ms on two.
  const threaded = withThreadsSpeedups([modeCase('stream', 1e7, 2000, 15, 300_000, 1), modeCase('stream', 1e7, 1000, 15, 300_000, 2)])
    .map((c) => ({ ...c, targets: judgeTargets(c) }));
  const rows = renderResultsTable([fakeResult('2026-01-02', threaded)]).split('\n');
  assert.match(rows[2], /\| stream \| 1 \| js \| .* \| 5\.0 M\/s \(5\.0 M\/s\) \| — \| .* \| pass \| — \| — \| — \|$/);
  assert.match(rows[3], /\| stream \| 2 \| js \| .* \| 10\.0 M\/s \(5\.0 M\/s\) \| 2\.00× \| .* \| pass \| — \| — \| pass \|$/);
  assert.equal(rows[0].split(' | ').length, rows[3].split(' | ').length);
  assert.equal(rows[1].split('|').length, rows[3].split(' | ').length + 2);
  // A case without threads (results from before the thread pool) shows 1 and per core = rows/s.
  const { threads: _, ...old } = modeCase('binned', 1e7, 100, 1, 80_000, 4);
  assert.match(renderResultsTable([fakeResult('2026-01-02', [old])]).split('\n')[2], /\| binned \| 1 \| js \| .* \| 100\.0 M\/s \(100\.0 M\/s\) \|/);
});

test('judgeTargets: the exact targets are judged on the js backend only (js when a case has none)', () => {
  const tfjs = { ...fakeCase(1e7, 1200, 31), backend: { requested: 'tfjs', name: 'tfjs', device: 'cpu' } };
  assert.deepEqual(judgeTargets(tfjs), { time: null, memory: null });
  assert.deepEqual(judgeTargets({ ...tfjs, backend: { requested: 'js', name: 'js', device: 'cpu' } }), { time: 'pass', memory: 'pass' });
  assert.deepEqual(judgeTargets({ ...fakeCase(1e7, 1600, 45), backend: undefined }), { time: 'fail', memory: 'fail' });
  assert.equal(requestedBackend({}), 'js');
  assert.equal(requestedBackend(tfjs), 'tfjs');
});

test('renderResultsTable: a Backend column: js, or tfjs with its device; js for cases without one', () => {
  const withBackend = (c, backend) => ({ ...c, backend, targets: judgeTargets({ ...c, backend }) });
  const js = withBackend(fakeCase(1e7, 1200, 31), { requested: 'js', name: 'js', device: 'cpu' });
  const tfjs = withBackend({ ...fakeCase(1e7, 9000, 50), timing_ms: { read: 80, compute: 8800, total: 8880 } }, { requested: 'tfjs', name: 'tfjs', device: 'cpu' });
  const gpu = withBackend(fakeCase(1e7, 900, 31), { requested: 'tfjs', name: 'tfjs', device: 'gpu' });
  const odd = withBackend(fakeCase(1e7, 1200, 31), { requested: 'tfjs', name: 'js', device: 'cpu' });
  const lines = renderResultsTable([fakeResult('2026-01-02', [js, tfjs, gpu, odd, fakeCase(1e6, 300, 35)])]).split('\n');
  assert.equal(lines[0].split(' | ')[6], 'Backend');
  for (const line of lines.slice(2)) assert.equal(line.split(' | ').length, lines[0].split(' | ').length);
  assert.match(lines[2], /\| 1e7 \| exact \| 1 \| js \| 1180 ms \/ 1200 ms \|.* \| pass \| pass \| — \| — \| — \| — \|$/);
  assert.match(lines[3], /\| 1e7 \| exact \| 1 \| tfjs \(cpu\) \| 8980 ms \/ 9000 ms \| 80\.0 ms \/ 8800 ms \| 1\.1 M\/s \(1\.1 M\/s\) \|.* \| — \| — \| — \| — \| — \| — \|$/);
  assert.match(lines[4], /\| tfjs \(gpu\) \|/);
  assert.match(lines[5], /\| js, asked tfjs \|/);
  assert.match(lines[6], /\| 1e6 \| exact \| 1 \| js \|/);
});

test('renderSklearnTable: a line per compared size, one for a skipped run, none without a comparison', () => {
  const comparison = {
    rows: 1e7,
    sklearn: '1.2.1',
    numpy: '1.24.2',
    sklearn_roc_auc_s: { min: 2.1, median: 2.2, runs: [2.1, 2.2, 2.3] },
    sklearn_full_set_s: { min: 20.5, median: 20.5, runs: [20.5] },
    modelperf_compute_s: 1.5,
    modelperf_wall_s: 1.8,
    speedup_compute: 2.2 / 1.5,
    speedup_wall: 2.2 / 1.8,
    roc_auc_abs_diff: 0,
  };
  comparison.targets = judgeSklearn(comparison);
  const ran = { ...fakeResult('2026-01-02', []), sklearn: { status: 'ran', cases: [comparison] } };
  const skipped = { ...fakeResult('2026-01-01', []), sklearn: { status: 'skipped', note: 'no | sklearn', cases: [] } };
  const lines = renderSklearnTable([ran, skipped, fakeResult('2025-12-31', [])]).split('\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[0].split(' | ').length, lines[2].split(' | ').length);
  assert.equal(
    lines[2],
    '| 2026-01-02 | Fake CPU \\| 3 GHz, 8 cores, 32 GiB, linux | 1e7 | 1.2.1 (numpy 1.24.2) | 2.10 s / 2.20 s | 20.5 s | 1.50 s / 1.80 s | 1.47× | 1.22× | 0.0e+0 | **fail** | **fail** |',
  );
  assert.match(lines[3], /\| 2026-01-01 \| .* \| — \| skipped: no \\\| sklearn \|/);

  // Against the exact case on more than one thread: its thread count beside the times, the 1-thread ratio beside its own.
  const threaded = { ...comparison, threads: 2, modelperf_compute_s: 0.5, speedup_compute: 4.4, modelperf_compute_one_thread_s: 1.5, speedup_compute_one_thread: 2.2 / 1.5 };
  const one = { ...comparison, threads: 1, modelperf_compute_one_thread_s: 1.5, speedup_compute_one_thread: 2.2 / 1.5 };
  const [, , multi, single] = renderSklearnTable([{ ...fakeResult('2026-01-03', []), sklearn: { status: 'ran', cases: [threaded, one] } }]).split('\n');
  assert.match(multi, /\| 0\.50 s \/ 1\.80 s \(2 threads\) \| 4\.40× \(1 thread: 1\.47×\) \| 1\.22× \|/);
  assert.equal(single, lines[2].replace('2026-01-02', '2026-01-03'), 'one thread: as before exact took threads');
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
  writeFileSync(readme, `${tableMarkers.start}\nA\n${tableMarkers.end}\n${sklearnMarkers.start}\nB\n${sklearnMarkers.end}\n`);
  assert.equal(updateResultsTable(readme, '| sk |', sklearnMarkers), true);
  assert.equal(readFileSync(readme, 'utf8'), `${tableMarkers.start}\nA\n${tableMarkers.end}\n${sklearnMarkers.start}\n| sk |\n${sklearnMarkers.end}\n`);
  writeFileSync(readme, 'no markers\n');
  assert.throws(() => updateResultsTable(readme, 'x'), /expected the markers/);
  assert.throws(() => updateResultsTable(readme, 'x', sklearnMarkers), /sklearn:start/);
});

test('the committed README has both pairs of markers, and its modes table is the committed results rendered', () => {
  const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const markers of [tableMarkers, sklearnMarkers]) {
    assert.ok(text.indexOf(markers.start) >= 0 && text.indexOf(markers.end) > text.indexOf(markers.start));
  }
  const table = renderResultsTable(loadResults(fileURLToPath(new URL('../results', import.meta.url))));
  assert.ok(text.includes(`${tableMarkers.start}\n${table}\n${tableMarkers.end}`), 'pnpm bench regenerates the same table');
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

test('recordResults keys cases by mode and size, and merges scikit-learn comparisons by size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  const sk = (rows, median) => ({ rows, sklearn_roc_auc_s: { min: median, median, runs: [median] } });
  const first = recordResults({
    dir,
    result: { ...fakeResult('2026-01-02', [fakeCase(1e7, 1400, 30), modeCase('binned', 1e7, 100, 1, 1), modeCase('stream', 1e6, 50, 20, 1)]), sklearn: { status: 'ran', sklearn: '1.2.1', cases: [sk(1e6, 0.3), sk(1e7, 3)] } },
  });
  assert.deepEqual(JSON.parse(readFileSync(first, 'utf8')).cases.map((c) => `${c.mode ?? 'exact'}:${c.rows}`), ['stream:1000000', 'exact:10000000', 'binned:10000000']);
  recordResults({ dir, result: { ...fakeResult('2026-01-02', [modeCase('binned', 1e7, 80, 1, 1)]), sklearn: { status: 'ran', sklearn: '1.2.1', cases: [sk(1e7, 2.5)] } } });
  let merged = JSON.parse(readFileSync(first, 'utf8'));
  assert.deepEqual(merged.cases.map((c) => [c.mode ?? 'exact', c.rows, c.timing_ms.compute]), [['stream', 1e6, 50], ['exact', 1e7, 830.6], ['binned', 1e7, 80]]);
  assert.deepEqual(merged.sklearn.cases.map((c) => [c.rows, c.sklearn_roc_auc_s.median]), [[1e6, 0.3], [1e7, 2.5]]);
  // A run that skipped scikit-learn keeps the earlier comparisons and status.
  recordResults({ dir, result: { ...fakeResult('2026-01-02', [modeCase('binned', 1e7, 70, 1, 1)]), sklearn: { status: 'skipped', note: 'none', cases: [] } } });
  merged = JSON.parse(readFileSync(first, 'utf8'));
  assert.equal(merged.sklearn.status, 'ran');
  assert.equal(merged.sklearn.cases.length, 2);
});

test('recordResults keys cases by thread count too (1 when absent) and sorts them by it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  const { threads: _, ...old } = modeCase('stream', 1e7, 2000, 15, 1);
  const path = recordResults({ dir, result: fakeResult('2026-01-02', [modeCase('stream', 1e7, 900, 15, 1, 4), old]) });
  recordResults({ dir, result: fakeResult('2026-01-02', [modeCase('stream', 1e7, 1900, 15, 1, 1), modeCase('stream', 1e7, 1100, 15, 1, 2)]) });
  const merged = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(merged.cases.map((c) => [c.threads, c.timing_ms.compute]), [[1, 1900], [2, 1100], [4, 900]]);
});

test('recordResults keys cases by backend too (js when absent) and sorts js before tfjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  const tfjs = (median) => ({ ...fakeCase(1e7, median, 50), backend: { requested: 'tfjs', name: 'tfjs', device: 'cpu' } });
  const js = (median) => ({ ...fakeCase(1e7, median, 31), backend: { requested: 'js', name: 'js', device: 'cpu' } });
  const path = recordResults({ dir, result: fakeResult('2026-01-02', [tfjs(9000), fakeCase(1e7, 1500, 31), fakeCase(1e6, 300, 35)]) });
  let merged = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(merged.cases.map((c) => [c.rows, c.backend?.requested, c.wall_ms.median]), [[1e6, undefined, 300], [1e7, undefined, 1500], [1e7, 'tfjs', 9000]]);
  // A js case replaces the earlier one without a backend; the tfjs case stays until a tfjs case replaces it.
  recordResults({ dir, result: fakeResult('2026-01-02', [js(1400)]) });
  merged = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(merged.cases.map((c) => [c.rows, c.backend?.requested, c.wall_ms.median]), [[1e6, undefined, 300], [1e7, 'js', 1400], [1e7, 'tfjs', 9000]]);
  recordResults({ dir, result: fakeResult('2026-01-02', [tfjs(8000)]) });
  merged = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(merged.cases.map((c) => [c.rows, c.backend?.requested, c.wall_ms.median]), [[1e6, undefined, 300], [1e7, 'js', 1400], [1e7, 'tfjs', 8000]]);
});
