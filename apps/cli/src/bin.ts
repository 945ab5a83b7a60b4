#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

/**
 * On glibc Linux, big typed arrays are cheapest with transparent huge pages: an evaluation allocates a few hundred MB
 * (file, keys, sort scratch), and with 4 KiB pages first-touch page faults cost more than the sort itself (measured on
 * the 2-core reference VM, 1e7-row Arrow file, CLI wall time: 2.7 s -> 1.7-2.0 s; reading the file 540 -> 60 ms).
 * glibc reads the tunable only at start-up, so the CLI starts itself once more with it set (one bare Node start-up,
 * ~0.1 s). MODELPERF_NO_REEXEC=1 turns this off.
 */
async function rerunWithHugePages(): Promise<number | undefined> {
  const tunables = process.env.GLIBC_TUNABLES ?? '';
  if (process.platform !== 'linux' || tunables.includes('glibc.malloc.hugetlb') || process.env.MODELPERF_NO_REEXEC === '1') {
    return undefined;
  }
  const env = { ...process.env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES}` : HUGE_PAGES };
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
const rerun = await rerunWithHugePages();
if (rerun !== undefined) {
  process.exitCode = rerun;
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(process.argv.slice(2));
}
