#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { mallocTunables } from './malloc-tunables.js';

/**
 * glibc reads its tunables only at start-up, so the CLI starts itself once more with them set (one bare Node
 * start-up, ~0.1 s), unless every one is already set (a tunable the caller set is left as it is).
 * MODELPERF_NO_REEXEC=1 turns this off.
 */
async function rerunWithTunedMalloc(): Promise<number | undefined> {
  const tunables = mallocTunables(process.argv[2], process.env.GLIBC_TUNABLES);
  if (process.platform !== 'linux' || tunables === undefined || process.env.MODELPERF_NO_REEXEC === '1') {
    return undefined;
  }
  const env = { ...process.env, GLIBC_TUNABLES: tunables };
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  // Signals sent to this process (e.g. SIGTERM to `modelperf serve`) go to the child, which does the real work.
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', () => resolve(undefined));
    child.on('exit', (code, signal) => {
      resolve(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}

// The CLI (and the engine behind it) is imported only in the process that runs it, so the re-start costs one bare
// Node start-up (~0.1 s), not two module loads.
const rerun = await rerunWithTunedMalloc();
if (rerun !== undefined) {
  process.exitCode = rerun;
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(process.argv.slice(2));
}
