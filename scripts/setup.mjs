#!/usr/bin/env node
// One entry point for a fresh machine with only Node 20 and npm:
//   node scripts/setup.mjs demo   install, build, generate the seeded sample set, evaluate it, print the report
//   node scripts/setup.mjs test   install, build, typecheck and run every test suite
// It uses the pinned pnpm (package.json "packageManager"): an installed pnpm of that version; if there is none it
// installs it (`npm install -g`), and where that is not allowed it runs it through `npx pnpm@<version>`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };

function log(message) {
  process.stderr.write(`\n> ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args) {
  const status = run(cmd, args);
  if (status !== 0) {
    process.stderr.write(`\nsetup: \`${[cmd, ...args].join(' ')}\` failed with exit code ${status}\n`);
    process.exit(status);
  }
}

function installedPnpmIsPinned() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  return probe.status === 0 && probe.stdout.trim() === pnpmVersion;
}

/** The command that runs the pinned pnpm. */
function pnpmCommand() {
  if (installedPnpmIsPinned()) return ['pnpm', []];
  log(`installing pnpm ${pnpmVersion} (npm install -g pnpm@${pnpmVersion})`);
  const status = run('npm', ['install', '--global', `pnpm@${pnpmVersion}`]);
  if (status === 0 && installedPnpmIsPinned()) return ['pnpm', []];
  log(`could not install pnpm globally; running pnpm ${pnpmVersion} through npx instead`);
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

const [pnpmBin, pnpmPrefix] = pnpmCommand();
const pnpm = (...args) => must(pnpmBin, [...pnpmPrefix, ...args]);

const mode = process.argv[2];
if (mode !== 'demo' && mode !== 'test') {
  process.stderr.write('usage: node scripts/setup.mjs demo|test\n');
  process.exit(2);
}

log('installing dependencies (pnpm install)');
pnpm('install', '--frozen-lockfile');
log('building (turbo run build)');
pnpm('exec', 'turbo', 'run', 'build', '--output-logs=errors-only');

if (mode === 'demo') {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const demo = join('data', 'demo.arrow');
  log('generating the seeded sample prediction set: 1,000,000 rows -> data/demo.arrow');
  must(process.execPath, ['apps/cli/dist/bin.js', 'generate', '--task', 'binary', '--rows', '1e6', '--seed', '7', '--out', demo]);
  log(`modelperf evaluate ${demo} --task binary --label label --score score`);
  must(process.execPath, [
    'apps/cli/dist/bin.js', 'evaluate', demo, '--task', 'binary', '--label', 'label', '--score', 'score', '--format', 'table',
  ]);
  process.stderr.write('\nNext: `pnpm exec modelperf evaluate --help` (or `npm run modelperf -- evaluate --help`); add `--format json` for the full report.\n');
} else {
  log('type-checking (turbo run typecheck)');
  pnpm('exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only');
  log('testing (turbo run test)');
  const results = ['packages/core', 'apps/cli', 'apps/server', 'packages/report', 'examples'].map((p) => join(root, p, '.vitest-results.json'));
  const tapResults = [join(root, 'benchmarks', '.node-test-results.tap')];
  for (const f of [...results, ...tapResults]) if (existsSync(f)) rmSync(f);
  const status = run(pnpmBin, [...pnpmPrefix, 'exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue']);
  let passed = 0;
  let failed = 0;
  for (const f of results) {
    if (!existsSync(f)) continue;
    const r = JSON.parse(readFileSync(f, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  for (const f of tapResults) {
    if (!existsSync(f)) continue;
    const tap = readFileSync(f, 'utf8');
    passed += Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
    failed += Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 0);
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
}
