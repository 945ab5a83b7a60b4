// Thread scaling of `modelperf evaluate --stream --threads N`: run by .devbench/run.sh (see scripts/device/run.sh) with
// the bundled CLI and the unpacked Node, which is also the Node that runs this file. Standalone: Node built-ins only.
//
//   node thread-bench.mjs --cli .devbench/cli/dist/bin.js --stream-file x.arrows --file x.arrow --rows 10000000 \
//     --ns "1 2 4 8 16" --runs 3 --out "$OUT/threads.json"
//
// For each mode (exact: `--stream`; binned: `--stream --curve-mode binned`) and each N: one untimed warm-up, then
// `runs` timed runs (wall time of the whole CLI process, spawn to exit). Every report of every N must equal the N=1
// report of its mode once `timing_ms` and `options.threads` are removed; any difference, failed run or wrong row count
// exits 1. The whole-file evaluation of the `.arrow` file (one thread) is timed as a reference. threads.json is
// rewritten after every measurement, so a run cut short still leaves what it measured.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';

let result = null;
const { values: args } = parseArgs({
  options: {
    cli: { type: 'string' },
    'stream-file': { type: 'string' },
    file: { type: 'string' },
    rows: { type: 'string' },
    ns: { type: 'string', default: '1 2 4 8 16' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
    'run-timeout-s': { type: 'string', default: '300' },
  },
  strict: true,
});
for (const name of ['cli', 'stream-file', 'file', 'rows', 'out']) {
  if (!args[name]) fail(`--${name} is required`);
}
const rows = Number(args.rows);
const runs = Number(args.runs);
const ns = args.ns.trim().split(/[\s,]+/).map(Number);
const runTimeoutMs = Number(args['run-timeout-s']) * 1000;
if (!Number.isSafeInteger(rows) || rows <= 0) fail(`--rows must be a whole number > 0, got ${args.rows}`);
if (!Number.isSafeInteger(runs) || runs <= 0) fail(`--runs must be a whole number > 0, got ${args.runs}`);
if (ns.length === 0 || ns.some((n) => !Number.isSafeInteger(n) || n <= 0) || ns[0] !== 1) {
  fail(`--ns must be thread counts > 0 starting with 1 (the reference), got "${args.ns}"`);
}

const BASE = ['evaluate', '--task', 'binary', '--label', 'label', '--score', 'score', '--quiet', '--format', 'json'];
const MODES = [
  { name: 'exact', file: args['stream-file'], flags: ['--stream'] },
  { name: 'binned', file: args['stream-file'], flags: ['--stream', '--curve-mode', 'binned'] },
];

result = {
  machine: describeMachine(),
  bundle: readBundleInfo(),
  rows,
  runs_per_point: runs,
  ns,
  started: new Date().toISOString(),
  file_reference: null,
  modes: {},
  ok: false,
};
save();

const references = {};
for (const mode of MODES) {
  result.modes[mode.name] = { args: [...BASE, ...mode.flags], points: [] };
  let reference;
  for (const n of ns) {
    const extra = [...mode.flags, '--threads', String(n)];
    const label = `${mode.name} threads=${n}`;
    const point = await measure(mode.file, extra, label);
    const normalized = point.reports.map(normalize);
    for (const [i, report] of normalized.entries()) {
      if (!isDeepStrictEqual(report, normalized[0])) fail(`${label}: run ${i + 1} reported differently from run 1 (not deterministic)`);
    }
    if (n === 1) reference = references[mode.name] = normalized[0];
    else if (!isDeepStrictEqual(normalized[0], reference)) {
      fail(`${label}: the report differs from threads=1 (timing_ms and options.threads ignored): ${firstDifference(normalized[0], reference)}`);
    }
    const last = point.reports.at(-1);
    if (last.options?.threads !== n) fail(`${label}: the report says options.threads=${last.options?.threads}`);
    const base = result.modes[mode.name].points[0];
    result.modes[mode.name].points.push({
      threads: n,
      runs_ms: point.wallMs.map(round1),
      median_ms: round1(median(point.wallMs)),
      min_ms: round1(Math.min(...point.wallMs)),
      ratio_to_1: base ? round3(median(point.wallMs) / base.median_ms) : 1,
      speedup: base ? round3(base.median_ms / median(point.wallMs)) : 1,
      report_timing_ms: last.timing_ms ?? null,
      same_report_as_1: true,
    });
    save();
  }
}

// Reference: the whole-file (not streamed) exact evaluation of the same rows as one Arrow IPC file, one thread.
{
  const point = await measure(args.file, [], 'file (whole-file exact, 1 thread)');
  const exact1 = references.exact;
  const file = normalize(point.reports.at(-1));
  result.file_reference = {
    args: [...BASE],
    runs_ms: point.wallMs.map(round1),
    median_ms: round1(median(point.wallMs)),
    min_ms: round1(Math.min(...point.wallMs)),
    report_timing_ms: point.reports.at(-1).timing_ms ?? null,
    same_metrics_as_stream: isDeepStrictEqual(file.metrics, exact1.metrics) && isDeepStrictEqual(file.confusion_matrix, exact1.confusion_matrix),
  };
}
result.ok = true;
result.finished = new Date().toISOString();
save();
printTable();

/** One untimed warm-up, then the timed runs. */
async function measure(file, extra, label) {
  const cliArgs = [args.cli, ...BASE.slice(0, 1), file, ...BASE.slice(1), ...extra];
  await runOnce(cliArgs, `${label} warm-up`);
  const wallMs = [];
  const reports = [];
  for (let i = 0; i < runs; i += 1) {
    const { ms, report } = await runOnce(cliArgs, `${label} run ${i + 1}`);
    wallMs.push(ms);
    reports.push(report);
  }
  console.log(`${label.padEnd(36)} ${wallMs.map((ms) => `${ms.toFixed(0)} ms`).join('  ')}`);
  return { wallMs, reports };
}

function runOnce(cliArgs, label) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, cliArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), runTimeoutMs);
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => fail(`${label}: could not start ${process.execPath}: ${error.message}`));
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString('utf8').trim();
      if (code !== 0) fail(`${label}: the CLI exited ${code ?? signal}: ${process.execPath} ${cliArgs.join(' ')}\n${err}`);
      let report;
      try {
        report = JSON.parse(Buffer.concat(stdout).toString('utf8'));
      } catch {
        fail(`${label}: the CLI printed no JSON report\n${Buffer.concat(stdout).toString('utf8').slice(0, 300)}\n${err}`);
      }
      if (report.rows !== rows) fail(`${label}: the report has ${report.rows} rows, expected ${rows}`);
      resolve({ ms, report });
    });
  });
}

/** The report without what may differ between thread counts: `timing_ms` and `options.threads`. */
function normalize(report) {
  const { timing_ms: _timing, ...rest } = report;
  const { threads: _threads, ...options } = rest.options ?? {};
  return { ...rest, options };
}

function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return 'none';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!isDeepStrictEqual(a[key], b[key])) return firstDifference(a[key], b[key], `${path}.${key}`);
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** bundle.json beside this file (written by build-bundle.sh): the commit the bundled CLI was built from. */
function readBundleInfo() {
  const path = new URL('./bundle.json', import.meta.url);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function describeMachine() {
  let lscpuModel = null;
  try {
    const text = execFileSync('lscpu', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    lscpuModel = /^Model name:\s*(.+)$/m.exec(text)?.[1].trim() ?? null;
  } catch {
    lscpuModel = null;
  }
  let nproc = null;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    nproc = null;
  }
  return {
    nproc,
    available_parallelism: os.availableParallelism(),
    lscpu_model: lscpuModel,
    cpu: os.cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? null,
    memory_gib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    glibc_tunables_inherited: process.env.GLIBC_TUNABLES ?? null,
  };
}

function printTable() {
  console.log(`\n${result.machine.lscpu_model ?? result.machine.cpu}, nproc ${result.machine.nproc}, node ${result.machine.node}, ${rows} rows, median of ${runs}`);
  console.log(`${'mode'.padEnd(8)} ${'threads'.padStart(7)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)} ${'x of N=1'.padStart(9)} ${'speedup'.padStart(8)}  same`);
  for (const [name, mode] of Object.entries(result.modes)) {
    for (const p of mode.points) {
      console.log(
        `${name.padEnd(8)} ${String(p.threads).padStart(7)} ${p.median_ms.toFixed(0).padStart(10)} ${p.min_ms.toFixed(0).padStart(9)} ` +
          `${p.ratio_to_1.toFixed(3).padStart(9)} ${p.speedup.toFixed(2).padStart(8)}  ${p.same_report_as_1 ? 'yes' : 'NO'}`,
      );
    }
  }
  const f = result.file_reference;
  console.log(`file     ${'1'.padStart(7)} ${f.median_ms.toFixed(0).padStart(10)} ${f.min_ms.toFixed(0).padStart(9)}  (whole-file exact; metrics equal to exact stream: ${f.same_metrics_as_stream ? 'yes' : 'NO'})`);
}

function save() {
  const temporary = `${args.out}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(temporary, args.out);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

function round3(x) {
  return Math.round(x * 1000) / 1000;
}

function fail(message) {
  console.error(`thread-bench: FAILED: ${message}`);
  if (args?.out && result) {
    result.error = message;
    try {
      save();
    } catch {
      // the message above is what matters
    }
  }
  process.exit(1);
}
