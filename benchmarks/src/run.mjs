#!/usr/bin/env node
// Benchmark runner entry: `node benchmarks/src/run.mjs [--rows 1e6,1e7] [--runs 3] [--huge] [--quick] ...`, or `pnpm bench`.
// See ../README.md for what is measured.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, usage } from './parse-args.mjs';
import { runBenchmarks } from './run-benchmarks.mjs';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(benchDir, '..');

async function main(argv) {
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`error: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  const arrow = await import('apache-arrow');
  const { table, sklearnTable, serverTable } = await runBenchmarks(options, {
    serverBin: join(repoRoot, 'apps/server/dist/bin.js'),
    autocannon: options.server ? (await import('autocannon')).default : undefined,
    cli: join(repoRoot, 'apps/cli/dist/bin.js'),
    binaryPredictionsTable: await loadGenerator(),
    tableToIPC: arrow.tableToIPC,
    arrow,
    dataDir: join(benchDir, 'data'),
    resultsDir: join(benchDir, 'results'),
    readme: join(benchDir, 'README.md'),
    repoRoot,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  if (!options.serverOnly) process.stdout.write(`${table}\n`);
  if (serverTable !== null) process.stdout.write(`\n${serverTable}\n`);
  if (sklearnTable !== null) process.stdout.write(`\n${sklearnTable}\n`);
  return 0;
}

async function loadGenerator() {
  let core;
  try {
    core = await import('@modelperf/core');
  } catch (error) {
    throw new Error('cannot load @modelperf/core: build it first (pnpm build)', { cause: error });
  }
  if (typeof core.binaryPredictionsTable !== 'function') {
    throw new Error('@modelperf/core does not export binaryPredictionsTable: export src/generate from src/index.ts');
  }
  return core.binaryPredictionsTable;
}

// `pnpm run` may pass a literal `--` before the forwarded flags.
const argv = process.argv.slice(2);
if (argv[0] === '--') argv.shift();

main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const cause = error.cause instanceof Error ? ` (${error.cause.message.split('\n')[0]})` : '';
    process.stderr.write(`error: ${error.message}${cause}\n`);
    process.exitCode = 1;
  },
);
