import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import * as arrow from 'apache-arrow';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { datasetOptions, ensureBinaryDataset, ensureBinaryStream, ensureRawColumns, streamBatchRows } from '../src/ensure-dataset.mjs';
import { modeRuns, modeSetup } from '../src/modes.mjs';
import { runBenchmarks, usedBackend, usedThreads } from '../src/run-benchmarks.mjs';
import { defaultPython, detectSklearn, runSklearnScript } from '../src/sklearn.mjs';
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
    arrow,
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

test('runBenchmarks with a fake CLI and probe: every mode once per thread count; records and regenerates the README tables', async () => {
  const deps = sandbox();
  const messages = [];
  const specLog = join(deps.dataDir, '..', 'specs.jsonl');
  process.env.FAKE_EVAL_CHILD_LOG = specLog;
  let run;
  try {
    run = await runBenchmarks({ rows: [2000, 1e6], runs: 2, record: true, threads: [1, 2] }, { ...deps, log: (m) => messages.push(m) });
  } finally {
    delete process.env.FAKE_EVAL_CHILD_LOG;
  }
  const { result, table, sklearnTable, recordedPath } = run;
  assert.equal(result.date, '2026-03-04');
  assert.equal(typeof result.machine.cpu, 'string');
  assert.deepEqual(result.cases.map((c) => `${c.mode}:${c.rows}:${c.threads}`), [
    'exact:2000:1', 'exact:2000:2', 'stream:2000:1', 'stream:2000:2', 'binned:2000:1', 'binned:2000:2',
    'exact:1000000:1', 'exact:1000000:2', 'stream:1000000:1', 'stream:1000000:2', 'binned:1000000:1', 'binned:1000000:2',
  ]);
  for (const c of result.cases) {
    assert.equal(c.wall_ms.runs.length, 2);
    assert.ok(c.wall_ms.min > 0 && c.wall_ms.min <= c.wall_ms.median);
    // The fake CLI: 0.5 + 2 / threads ms of compute on js, whole file (after a 1.5 ms read) or streamed.
    const computeMs = 0.5 + 2 / c.threads;
    assert.deepEqual(c.timing_ms, c.mode === 'exact' ? { read: 1.5, compute: computeMs, total: 1.5 + computeMs } : { compute: computeMs });
    assert.equal(c.throughput.compute_rows_per_s, Math.round(c.rows / (computeMs / 1000)));
    assert.equal(c.throughput.compute_rows_per_s_per_core, Math.round(c.rows / (computeMs / 1000) / c.threads));
    assert.ok(c.memory.peak_rss_kb > 0 && c.memory.baseline_rss_kb > 0);
    assert.equal(typeof c.memory.bytes_per_row, 'number');
    assert.equal(c.file.endsWith('.arrows'), c.mode !== 'exact');
    assert.deepEqual(c.cli_args, modeSetup(c.mode, { threads: c.threads, backend: 'js' }).cliArgs);
    if (c.mode === 'exact') assert.deepEqual(c.cli_args, ['--threads', String(c.threads), '--backend', 'js']);
    assert.deepEqual(c.backend, { requested: 'js', name: 'js', device: 'cpu' });
    assert.equal(c.roc_auc, 0.75);
    assert.equal(c.sort_floor_ms !== undefined, c.mode === 'exact');
    if (c.mode === 'exact') assert.ok(c.sort_floor_ms >= 0);
    assert.equal(c.roc_auc_max_error, c.mode === 'binned' ? 1e-4 : undefined);
    // 2.5 ms on one thread / 1.5 ms on two, recorded on the two-thread case only.
    assert.equal(c.speedup_vs_one_thread, c.threads === 2 ? 1.667 : undefined);
  }
  // The memory probe got each case's mode, threads and backend; the js baseline was measured once (3 probes).
  const probes = readFileSync(specLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(probes.slice(0, 3), [{ baseline: 'js' }, { baseline: 'js' }, { baseline: 'js' }]);
  assert.equal(probes.filter((p) => p.baseline !== undefined).length, 3);
  assert.deepEqual(probes.slice(3, 9), [
    { threads: 1, backend: 'js' },
    { threads: 2, backend: 'js' },
    { stream: true, threads: 1, backend: 'js' },
    { stream: true, threads: 2, backend: 'js' },
    { stream: true, curveMode: 'binned', threads: 1, backend: 'js' },
    { stream: true, curveMode: 'binned', threads: 2, backend: 'js' },
  ]);
  const at = (mode, rows, threads = 1) => result.cases.find((c) => c.mode === mode && c.rows === rows && c.threads === threads);
  assert.equal(at('exact', 2000).targets.memory, null);
  // The exact targets are judged on each thread count.
  assert.ok(['pass', 'fail'].includes(at('exact', 1e6).targets.memory));
  assert.ok(['pass', 'fail'].includes(at('exact', 1e6, 2).targets.memory));
  assert.deepEqual(Object.keys(at('exact', 1e6, 2).targets), ['time', 'memory']);
  // The speed-up is judged at 1e7 rows only.
  assert.deepEqual(at('stream', 1e6, 2).targets, { stream_memory: null, threads_speedup: null });
  // The fake CLI says 2.5 ms for 1e6 rows on one thread: 400 M rows/s; 1.5 ms on two: 333 M rows/s per core.
  assert.deepEqual(at('binned', 1e6).targets, { binned_throughput: 'pass', binned_peak: null });
  assert.deepEqual(at('binned', 1e6, 2).targets, { binned_throughput: 'pass', binned_peak: null });
  assert.equal(result.sklearn, undefined);
  assert.equal(sklearnTable, null);
  assert.equal(recordedPath, join(deps.resultsDir, '2026-03-04.json'));
  assert.equal(JSON.parse(readFileSync(recordedPath, 'utf8')).cases.length, 12);
  const readme = readFileSync(deps.readme, 'utf8');
  const lines = table.split('\n');
  assert.equal(lines.length, 14);
  for (const line of lines.slice(2)) assert.ok(readme.includes(line), `README holds ${line}`);
  assert.match(lines[3], /\| 2e3 \| exact \| 2 \| js \| .* \| 1\.5 ms \/ 1\.5 ms \| .* \| 1\.67× \| [0-9.]+ ms \|/);
  assert.match(lines[5], /\| 2e3 \| stream \| 2 \| js \| .* \| 1\.67× \|/);
  assert.ok(messages.some((m) => m.startsWith('generating') && m.includes('.arrows')));
  assert.ok(messages.some((m) => m.includes('[stream, 2 threads]: CLI')));
  assert.ok(messages.some((m) => m.includes('[exact, js, 2 threads]: CLI')));
  assert.ok(messages.some((m) => m.includes('[binned]: compute speed-up on 2 threads over 1: 1.667x')));
  assert.ok(messages.some((m) => m.includes('[exact, js]: compute speed-up on 2 threads over 1: 1.667x')));
  assert.ok(!messages.some((m) => m.startsWith('warning')), 'the same AUC on every thread count');
});

test('a case records the threads the report says it used, else those asked for (exact); without --threads the runner asks for 1', async () => {
  const deps = sandbox();
  process.env.FAKE_CLI_MAX_THREADS = '3';
  let run;
  try {
    run = await runBenchmarks({ rows: [1000], runs: 1, record: false, threads: [1, 8], modes: ['exact', 'stream'] }, deps);
  } finally {
    delete process.env.FAKE_CLI_MAX_THREADS;
  }
  // The whole-file report has no options.threads: the exact case records the 8 asked for.
  assert.deepEqual(run.result.cases.map((c) => `${c.mode}:${c.threads}:${c.cli_args.join(' ')}`), [
    'exact:1:--threads 1 --backend js', 'exact:8:--threads 8 --backend js',
    'stream:1:--stream --quiet --threads 1 --backend js', 'stream:3:--stream --quiet --threads 8 --backend js',
  ]);
  // 0.5 + 2 / 3 ms, recorded to 0.1 ms, on 3 threads.
  assert.equal(run.result.cases[3].timing_ms.compute, 1.2);
  assert.equal(run.result.cases[3].throughput.compute_rows_per_s_per_core, Math.round(1000 / 0.0012 / 3));
  assert.equal(run.result.cases[3].speedup_vs_one_thread, Number((2.5 / 1.2).toFixed(3)));
  // 0.5 + 2 / 8 ms, recorded to 0.1 ms, on 8 threads.
  assert.equal(run.result.cases[1].timing_ms.compute, 0.8);
  assert.equal(run.result.cases[1].throughput.compute_rows_per_s_per_core, Math.round(1000 / 0.0008 / 8));
  assert.equal(run.result.cases[1].speedup_vs_one_thread, Number((2.5 / 0.8).toFixed(3)));
  const { result } = await runBenchmarks({ rows: [1000], runs: 1, record: false, modes: ['binned'] }, deps);
  assert.deepEqual(result.cases.map((c) => [c.threads, c.cli_args.slice(-3).join(' '), c.speedup_vs_one_thread]), [[1, '1 --backend js', undefined]]);
  assert.equal(usedThreads({ options: { threads: 4 } }, 2), 4);
  assert.equal(usedThreads({ options: {} }, 2), 2);
  assert.equal(usedThreads(undefined, 1), 1);
  assert.equal(usedThreads({ options: { threads: 0 } }, 2), 2);
});

test('ensureBinaryStream writes the same rows as an Arrow stream in 2^20-row batches, once', async () => {
  const deps = sandbox();
  const rows = streamBatchRows + 5;
  const args = { rows, dataDir: deps.dataDir, binaryPredictionsTable: fakeBinaryPredictionsTable, tableToIPC, arrow };
  const first = await ensureBinaryStream(args);
  assert.equal(first.generated, true);
  assert.equal(first.path, join(deps.dataDir, `binary-${rows}-seed42.arrows`));
  const table = tableFromIPC(readFileSync(first.path));
  assert.deepEqual(table.batches.map((b) => b.numRows), [streamBatchRows, 5]);
  const expected = fakeBinaryPredictionsTable({ rows, seed: 42 });
  assert.deepEqual(table.getChild('score').toArray(), expected.getChild('score').toArray());
  assert.equal(statSync(first.path).size, first.bytes);
  assert.equal((await ensureBinaryStream(args)).generated, false);
  writeFileSync(first.path, 'truncated');
  assert.equal((await ensureBinaryStream(args)).generated, true);
});

test('ensureRawColumns writes the label and score buffers byte for byte, and only when stale', () => {
  const deps = sandbox();
  const dataset = ensureBinaryDataset({ rows: 3000, dataDir: deps.dataDir, binaryPredictionsTable: fakeBinaryPredictionsTable, tableToIPC });
  const raw = ensureRawColumns({ file: dataset.path, rows: 3000, tableFromIPC });
  assert.equal(raw.written, true);
  const expected = fakeBinaryPredictionsTable({ rows: 3000, seed: 42 });
  const label = readFileSync(`${dataset.path}.label.i8`);
  const score = readFileSync(`${dataset.path}.score.f64`);
  assert.deepEqual(new Int8Array(label.buffer, label.byteOffset, label.length), expected.getChild('label').toArray());
  assert.equal(score.readDoubleLE(8 * 17), expected.getChild('score').get(17));
  assert.equal(score.length, 8 * 3000);
  assert.equal(ensureRawColumns({ file: dataset.path, rows: 3000, tableFromIPC }).written, false);
  writeFileSync(`${dataset.path}.score.f64`, 'short');
  assert.equal(ensureRawColumns({ file: dataset.path, rows: 3000, tableFromIPC }).written, true);
  assert.throws(() => ensureRawColumns({ file: dataset.path, rows: 7, tableFromIPC }), /expected 7 rows/);
});

test('--huge adds the huge size in the streamed modes only (per thread count), one run without warm-up; --bins reaches CLI and probe', async () => {
  const deps = sandbox();
  const { result } = await runBenchmarks(
    { rows: [1000], runs: 2, record: false, huge: true, bins: 512, modes: ['exact', 'binned'], threads: [1, 2] },
    { ...deps, hugeRows: 3000 },
  );
  assert.deepEqual(result.cases.map((c) => `${c.mode}:${c.rows}:${c.threads}:${c.runs}:${c.warmup}`), [
    'exact:1000:1:2:true', 'exact:1000:2:2:true', 'binned:1000:1:2:true', 'binned:1000:2:2:true', 'binned:3000:1:1:false', 'binned:3000:2:1:false',
  ]);
  assert.equal(result.cases.at(-1).speedup_vs_one_thread, 1.667);
  const binned = result.cases.find((c) => c.mode === 'binned');
  assert.deepEqual(binned.cli_args, ['--curve-mode', 'binned', '--bins', '512', '--quiet', '--threads', '1', '--backend', 'js']);
  assert.equal(binned.bins, 512);
  assert.equal(existsSync(join(deps.dataDir, 'binary-3000-seed42.arrow')), false, 'no whole file for the huge size');
  const { result: only } = await runBenchmarks({ rows: [1000], runs: 1, record: false, modes: ['binned'] }, deps);
  assert.deepEqual(only.cases.map((c) => c.mode), ['binned']);
});

test('the scikit-learn comparison: fake script through the runner, and a skip with a note', async () => {
  const deps = sandbox();
  const sk = {
    python: process.execPath,
    sklearnScript: fixture('fake-sklearn.mjs'),
    detectSklearn: () => ({ available: true, sklearn: '0.0-fake' }),
  };
  const { result, sklearnTable, recordedPath } = await runBenchmarks(
    { rows: [2000], runs: 2, record: true, modes: ['exact', 'binned'], sklearn: true, python: process.execPath },
    { ...deps, ...sk },
  );
  assert.equal(result.sklearn.status, 'ran');
  assert.equal(result.sklearn.sklearn, '0.0-fake');
  const [c] = result.sklearn.cases;
  assert.equal(c.rows, 2000);
  // One thread count: compared with the 1-thread case, which is also the 1-thread ratio.
  assert.equal(c.threads, 1);
  assert.equal(c.modelperf_compute_one_thread_s, 0.0025);
  assert.equal(c.speedup_compute_one_thread, 200);
  assert.deepEqual(c.sklearn_roc_auc_s.runs, [0.5, 0.5]);
  assert.equal(c.sklearn_full_set_s.median, 2);
  const exact = result.cases.find((x) => x.mode === 'exact');
  assert.equal(c.modelperf_compute_s, exact.timing_ms.compute / 1000);
  assert.equal(c.modelperf_wall_s, Number((exact.wall_ms.median / 1000).toFixed(4)));
  assert.equal(c.speedup_compute, 200); // 0.5 s / 2.5 ms
  assert.ok(c.speedup_wall > 0 && c.speedup_wall < c.speedup_compute);
  assert.equal(c.modelperf_roc_auc, 0.75);
  assert.equal(c.roc_auc_abs_diff, Math.abs(0.75 - c.sklearn_roc_auc));
  assert.deepEqual(c.targets, { compute: null, wall: null });
  assert.ok(existsSync(join(deps.dataDir, 'binary-2000-seed42.arrow.label.i8')));
  assert.equal(sklearnTable.split('\n').length, 3);
  assert.ok(readFileSync(deps.readme, 'utf8').includes(sklearnTable.split('\n')[2]));
  assert.equal(JSON.parse(readFileSync(recordedPath, 'utf8')).sklearn.cases.length, 1);

  const skipped = await runBenchmarks(
    { rows: [1000], runs: 1, record: false, modes: ['exact'], sklearn: true, python: join(deps.dataDir, 'no-python') },
    deps,
  );
  assert.equal(skipped.result.sklearn.status, 'skipped');
  assert.match(skipped.result.sklearn.note, /no-python -c "import sklearn, numpy" failed/);
  assert.match(skipped.sklearnTable.split('\n')[2], /skipped:/);
  const noExact = await runBenchmarks({ rows: [1000], runs: 1, record: false, modes: ['stream'], sklearn: true }, { ...deps, ...sk });
  assert.match(noExact.result.sklearn.note, /needs the exact mode/);
});

const hasSklearn = detectSklearn(defaultPython).available;

test('scripts/bench/sklearn_auc.py reads the raw columns and agrees with the exact pairwise AUC', { skip: hasSklearn ? false : `${defaultPython} has no scikit-learn` }, async () => {
  const deps = sandbox();
  const dataset = ensureBinaryDataset({ rows: 1500, dataDir: deps.dataDir, binaryPredictionsTable: fakeBinaryPredictionsTable, tableToIPC });
  const raw = ensureRawColumns({ file: dataset.path, rows: 1500, tableFromIPC });
  const out = await runSklearnScript({ python: defaultPython, prefix: raw.prefix, runs: 2, fullRuns: 1 });
  assert.equal(out.rows, 1500);
  assert.equal(out.roc_auc_s.runs.length, 2);
  assert.equal(out.full_set_s.runs.length, 1);
  assert.equal(out.full_set.roc_auc, out.roc_auc);
  const fake = JSON.parse(execFileSync(process.execPath, [fixture('fake-sklearn.mjs'), raw.prefix, '--runs', '1', '--full-runs', '0'], { encoding: 'utf8' }));
  assert.ok(Math.abs(out.roc_auc - fake.roc_auc) < 1e-12, `${out.roc_auc} vs ${fake.roc_auc}`);
  const cm = out.full_set.confusion_matrix;
  assert.equal(cm.tn + cm.fp + cm.fn + cm.tp, 1500);
  await assert.rejects(runSklearnScript({ python: defaultPython, prefix: join(deps.dataDir, 'missing'), runs: 1, fullRuns: 0 }), /scikit-learn script failed/);
});

test('modeSetup: flags and specs of the three modes, threads for the streamed ones', () => {
  assert.deepEqual(modeSetup('exact'), { mode: 'exact', input: 'file', cliArgs: [], spec: {} });
  assert.deepEqual(modeSetup('stream'), { mode: 'stream', input: 'stream', cliArgs: ['--stream', '--quiet'], spec: { stream: true } });
  assert.deepEqual(modeSetup('binned', { bins: 64 }).spec, { stream: true, curveMode: 'binned', histogramBins: 64 });
  assert.deepEqual(modeSetup('binned').cliArgs, ['--curve-mode', 'binned', '--quiet']);
  assert.deepEqual(modeSetup('stream', { threads: 4 }), {
    mode: 'stream', input: 'stream', cliArgs: ['--stream', '--quiet', '--threads', '4'], spec: { stream: true, threads: 4 },
  });
  assert.deepEqual(modeSetup('binned', { bins: 64, threads: 1 }).cliArgs, ['--curve-mode', 'binned', '--bins', '64', '--quiet', '--threads', '1']);
  assert.deepEqual(modeSetup('binned', { threads: 2 }).spec, { stream: true, curveMode: 'binned', threads: 2 });
  assert.deepEqual(modeSetup('exact', { threads: 2 }), { mode: 'exact', input: 'file', cliArgs: ['--threads', '2'], spec: { threads: 2 } });
  assert.deepEqual(modeSetup('exact', { threads: 4, backend: 'js' }).spec, { threads: 4, backend: 'js' });
  assert.deepEqual(modeSetup('exact', { threads: 1, backend: 'tfjs' }).cliArgs, ['--threads', '1', '--backend', 'tfjs']);
  assert.throws(() => modeSetup('exact', { threads: 2, backend: 'tfjs' }), /the tfjs kernels run on one thread/);
  assert.throws(() => modeSetup('fast'), /unknown mode/);
});

test('modeSetup: --backend goes last, in the CLI flags and the probe spec; tfjs is for the exact mode only', () => {
  assert.deepEqual(modeSetup('exact', { backend: 'tfjs' }), { mode: 'exact', input: 'file', cliArgs: ['--backend', 'tfjs'], spec: { backend: 'tfjs' } });
  assert.deepEqual(modeSetup('exact', { backend: 'js' }).cliArgs, ['--backend', 'js']);
  assert.deepEqual(modeSetup('stream', { threads: 2, backend: 'js' }), {
    mode: 'stream', input: 'stream', cliArgs: ['--stream', '--quiet', '--threads', '2', '--backend', 'js'], spec: { stream: true, threads: 2, backend: 'js' },
  });
  assert.deepEqual(modeSetup('binned', { backend: 'js' }).spec, { stream: true, curveMode: 'binned', backend: 'js' });
  assert.throws(() => modeSetup('stream', { backend: 'tfjs' }), /the stream mode has js kernels only/);
  assert.throws(() => modeSetup('binned', { threads: 1, backend: 'tfjs' }), /the binned mode has js kernels only/);
  assert.throws(() => modeSetup('exact', { backend: 'auto' }), /unknown backend "auto" \(expected one of js, tfjs\)/);
});

/**
 * `runBenchmarks` in a sandbox with the fake CLI, the fake memory probe (its specs logged to `specLog`) and the fake
 * scikit-learn script.
 */
async function runWithFakeSklearn(options) {
  const deps = sandbox();
  const sk = { python: process.execPath, sklearnScript: fixture('fake-sklearn.mjs'), detectSklearn: () => ({ available: true, sklearn: '0.0-fake' }) };
  const specLog = join(deps.dataDir, '..', 'specs.jsonl');
  const messages = [];
  process.env.FAKE_EVAL_CHILD_LOG = specLog;
  try {
    const run = await runBenchmarks({ ...options, sklearn: true, python: process.execPath }, { ...deps, ...sk, log: (m) => messages.push(m) });
    return { deps, sk, specLog, messages, run };
  } finally {
    delete process.env.FAKE_EVAL_CHILD_LOG;
  }
}

test('backends: exact runs on each backend (tfjs without --threads), the streamed modes on js; scikit-learn, targets and the AUC check use the js case', async () => {
  const { deps, sk, specLog, messages, run } = await runWithFakeSklearn(
    { rows: [2000, 3000], runs: 2, record: true, modes: ['exact', 'stream'], threads: [1], backends: ['js', 'tfjs'] },
  );
  const { result, table, recordedPath } = run;
  assert.deepEqual(result.cases.map((c) => `${c.mode}:${c.rows}:${c.backend.requested}:${c.cli_args.join(' ')}`), [
    'exact:2000:js:--threads 1 --backend js', 'exact:2000:tfjs:--backend tfjs', 'stream:2000:js:--stream --quiet --threads 1 --backend js',
    'exact:3000:js:--threads 1 --backend js', 'exact:3000:tfjs:--backend tfjs', 'stream:3000:js:--stream --quiet --threads 1 --backend js',
  ]);
  const at = (rows, backend) => result.cases.find((c) => c.mode === 'exact' && c.rows === rows && c.backend.requested === backend);
  const tfjs = at(3000, 'tfjs');
  const js = at(3000, 'js');
  // The report's backend is recorded beside the requested one; the fake tfjs takes 12.5 ms of compute, js 2.5 ms.
  assert.deepEqual(tfjs.backend, { requested: 'tfjs', name: 'tfjs', device: 'cpu' });
  assert.deepEqual(tfjs.timing_ms, { read: 1.5, compute: 12.5, total: 14 });
  assert.equal(tfjs.throughput.compute_rows_per_s, 240_000);
  assert.equal(tfjs.roc_auc_abs_diff_vs_js, Math.abs(0.75 + 1e-12 - 0.75));
  assert.equal(js.roc_auc_abs_diff_vs_js, undefined);
  // One sort floor per size, shared by its exact cases.
  assert.equal(tfjs.sort_floor_ms, js.sort_floor_ms);
  // Too few rows for the exact targets (judgeTargets skips other backends: results-table.test.mjs).
  assert.deepEqual(tfjs.targets, { time: null, memory: null });
  // The tfjs probe is measured over an idle process that loaded tfjs too (the fake holds 64 MiB more for it).
  assert.ok(tfjs.memory.baseline_rss_kb >= js.memory.baseline_rss_kb + 48 * 1024, `${tfjs.memory.baseline_rss_kb} vs ${js.memory.baseline_rss_kb}`);
  assert.ok(tfjs.memory.peak_rss_kb >= js.memory.baseline_rss_kb + 48 * 1024, `the tfjs case holds the library too: ${tfjs.memory.peak_rss_kb} vs ${js.memory.baseline_rss_kb}`);
  const probes = readFileSync(specLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(probes.filter((p) => p.baseline !== undefined).map((p) => p.baseline), ['js', 'js', 'js', 'tfjs', 'tfjs', 'tfjs']);
  assert.deepEqual(probes.filter((p) => p.baseline === undefined && p.stream === undefined).map((p) => p.backend), ['js', 'tfjs', 'js', 'tfjs']);
  // scikit-learn is compared with the js exact case: 0.5 s / 2.5 ms.
  assert.deepEqual(result.sklearn.cases.map((c) => [c.rows, c.modelperf_compute_s, c.speedup_compute]), [[2000, 0.0025, 200], [3000, 0.0025, 200]]);
  assert.ok(messages.some((m) => m.includes('[exact, tfjs]: compute 5.00x, wall') && m.includes("the js case's")));
  // The table and the README show the backend of each case.
  const lines = table.split('\n');
  assert.match(lines[3], /\| 2e3 \| exact \| 1 \| tfjs \(cpu\) \| .* \| 1\.5 ms \/ 12\.5 ms \| .* \| — \| — \| — \| — \| — \| — \|$/);
  assert.match(lines[4], /\| 2e3 \| stream \| 1 \| js \|/);
  const readme = readFileSync(deps.readme, 'utf8');
  for (const line of lines.slice(2)) assert.ok(readme.includes(line), `README holds ${line}`);
  // A later js-only run replaces the js cases and keeps the tfjs ones.
  await runBenchmarks({ rows: [3000], runs: 1, record: true, modes: ['exact'], backends: ['js'] }, deps);
  const merged = JSON.parse(readFileSync(recordedPath, 'utf8')).cases;
  assert.deepEqual(merged.map((c) => `${c.mode}:${c.rows}:${c.backend.requested}:${c.runs}`), [
    'exact:2000:js:2', 'exact:2000:tfjs:2', 'stream:2000:js:2', 'exact:3000:js:1', 'exact:3000:tfjs:2', 'stream:3000:js:2',
  ]);
  // Without the js backend there is nothing to compare scikit-learn with.
  const tfjsOnly = await runBenchmarks({ rows: [1000], runs: 1, record: false, modes: ['exact'], backends: ['tfjs'], sklearn: true }, { ...deps, ...sk });
  assert.deepEqual(tfjsOnly.result.cases.map((c) => c.backend.requested), ['tfjs']);
  assert.equal(tfjsOnly.result.sklearn.status, 'skipped');
  assert.match(tfjsOnly.result.sklearn.note, /needs the js exact case \(--backends js,\.\.\.\)/);
  assert.equal(tfjsOnly.result.cases[0].roc_auc_abs_diff_vs_js, undefined);
});

test('modeRuns: exact on js per thread count and on tfjs once without threads, sorted as the results files; streamed on js', () => {
  assert.deepEqual(modeRuns('exact', [1, 2, 4], ['js', 'tfjs']), [
    { threads: 1, backend: 'js' }, { threads: undefined, backend: 'tfjs' }, { threads: 2, backend: 'js' }, { threads: 4, backend: 'js' },
  ]);
  // Without 1 in --threads the tfjs case still runs, once, on one thread.
  assert.deepEqual(modeRuns('exact', [2], ['js', 'tfjs']), [{ threads: undefined, backend: 'tfjs' }, { threads: 2, backend: 'js' }]);
  assert.deepEqual(modeRuns('exact', [1, 2], ['tfjs']), [{ threads: undefined, backend: 'tfjs' }]);
  assert.deepEqual(modeRuns('exact', [1, 2], ['js']), [{ threads: 1, backend: 'js' }, { threads: 2, backend: 'js' }]);
  for (const mode of ['stream', 'binned']) {
    assert.deepEqual(modeRuns(mode, [1, 2], ['js', 'tfjs']), [{ threads: 1, backend: 'js' }, { threads: 2, backend: 'js' }]);
  }
  // Every run makes a valid setup (tfjs gets no --threads).
  for (const { threads, backend } of modeRuns('exact', [1, 8], ['js', 'tfjs'])) modeSetup('exact', { threads, backend });
  assert.deepEqual(modeSetup('exact', modeRuns('exact', [1, 8], ['tfjs'])[0]).cliArgs, ['--backend', 'tfjs']);
});

test('exact per thread count: speed-up on js, tfjs once on one thread, scikit-learn against the most threads; old exact cases count as 1 thread', async () => {
  const { deps, sk, specLog, messages, run } = await runWithFakeSklearn(
    { rows: [2000], runs: 1, record: true, modes: ['exact'], threads: [1, 2, 4], backends: ['js', 'tfjs'] },
  );
  const { result, sklearnTable, recordedPath } = run;
  assert.deepEqual(result.cases.map((c) => `${c.threads}:${c.backend.requested}:${c.cli_args.join(' ')}:${c.timing_ms.compute}:${c.speedup_vs_one_thread}`), [
    '1:js:--threads 1 --backend js:2.5:undefined',
    '1:tfjs:--backend tfjs:12.5:undefined',
    '2:js:--threads 2 --backend js:1.5:undefined',
    // 2.5 ms on 1 thread / 1 ms on 4, on the most-threaded js case only; never against the tfjs case.
    '4:js:--threads 4 --backend js:1:2.5',
  ]);
  // The memory probe evaluates the whole file with the js cases' threads.
  const probes = readFileSync(specLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((p) => p.baseline === undefined);
  assert.deepEqual(probes, [{ threads: 1, backend: 'js' }, { backend: 'tfjs' }, { threads: 2, backend: 'js' }, { threads: 4, backend: 'js' }]);
  // The tfjs case is compared with the 1-thread js case.
  assert.equal(result.cases[1].roc_auc_abs_diff_vs_js, Math.abs(0.75 + 1e-12 - 0.75));
  assert.ok(messages.some((m) => m.includes("[exact, tfjs]: compute 5.00x") && m.includes("the js case's on 1 thread")));
  // scikit-learn against the 4-thread case (0.5 s / 1 ms), the 1-thread ratio beside it (0.5 s / 2.5 ms).
  const [c] = result.sklearn.cases;
  assert.equal(c.threads, 4);
  assert.equal(c.modelperf_compute_s, 0.001);
  assert.equal(c.modelperf_wall_s, Number((result.cases[3].wall_ms.median / 1000).toFixed(4)));
  assert.equal(c.speedup_compute, 500);
  assert.equal(c.speedup_full_set_compute, 2000);
  assert.equal(c.modelperf_compute_one_thread_s, 0.0025);
  assert.equal(c.speedup_compute_one_thread, 200);
  assert.equal(c.roc_auc_abs_diff, Math.abs(0.75 - c.sklearn_roc_auc));
  assert.match(sklearnTable.split('\n')[2], /\| 2e3 \| .* \| 0\.00 s \/ [0-9.]+ s \(4 threads\) \| 500× \(1 thread: 200×\) \|/);
  assert.ok(messages.some((m) => m.includes('modelperf full report on 4 threads: compute 0.001 s (500.00x)') && m.includes('compute on 1 thread 0.0025 s (200.00x)')));

  // Without 1 in --threads: the tfjs case still runs once, on one thread; nothing to compute a speed-up from.
  const { result: two } = await runBenchmarks(
    { rows: [2000], runs: 1, record: false, modes: ['exact'], threads: [2], backends: ['js', 'tfjs'], sklearn: true, python: process.execPath },
    { ...deps, ...sk },
  );
  assert.deepEqual(two.cases.map((x) => `${x.threads}:${x.backend.requested}:${x.speedup_vs_one_thread}`), ['1:tfjs:undefined', '2:js:undefined']);
  assert.equal(two.sklearn.cases[0].threads, 2);
  assert.equal(two.sklearn.cases[0].speedup_compute_one_thread, undefined);

  // A recorded exact case without threads (from before exact took them) counts as 1 thread: a 1-thread js case
  // replaces it, the 2- and 4-thread cases sit beside it.
  const recorded = JSON.parse(readFileSync(recordedPath, 'utf8'));
  for (const x of recorded.cases) delete x.threads;
  recorded.cases = recorded.cases.filter((x) => x.backend.requested === 'js').slice(0, 1);
  writeFileSync(recordedPath, JSON.stringify(recorded));
  await runBenchmarks({ rows: [2000], runs: 1, record: true, modes: ['exact'], threads: [2], backends: ['js'] }, deps);
  let merged = JSON.parse(readFileSync(recordedPath, 'utf8')).cases;
  assert.deepEqual(merged.map((x) => `${x.threads}:${x.backend.requested}`), ['undefined:js', '2:js']);
  await runBenchmarks({ rows: [2000], runs: 1, record: true, modes: ['exact'], threads: [1], backends: ['js'] }, deps);
  merged = JSON.parse(readFileSync(recordedPath, 'utf8')).cases;
  assert.deepEqual(merged.map((x) => `${x.threads}:${x.backend.requested}`), ['1:js', '2:js']);
});

test('usedBackend: the requested backend with the name and device the report says', () => {
  assert.deepEqual(usedBackend({ backend: { name: 'tfjs', device: 'gpu' } }, 'tfjs'), { requested: 'tfjs', name: 'tfjs', device: 'gpu' });
  assert.deepEqual(usedBackend({ backend: { name: 'js', device: 'cpu' } }, 'tfjs'), { requested: 'tfjs', name: 'js', device: 'cpu' });
  assert.deepEqual(usedBackend({}, 'js'), { requested: 'js', name: 'js', device: 'unknown' });
  assert.deepEqual(usedBackend(undefined, 'tfjs'), { requested: 'tfjs', name: 'tfjs', device: 'unknown' });
  assert.deepEqual(usedBackend({ backend: { name: 3 } }, 'js'), { requested: 'js', name: 'js', device: 'unknown' });
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
