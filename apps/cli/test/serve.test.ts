import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built CLI, as a user runs it: `node apps/cli/dist/bin.js serve` (which re-executes itself once on glibc Linux).
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'modelperf-serve-'));
const csv = join(dir, 'preds.csv');
const EVAL_ARGS = ['--task', 'binary', '--label', 'label', '--score', 'score', '--threshold', '0.4'];

/** Pids whose parent is `pid` (Linux /proc; empty elsewhere). */
function childrenOf(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A report without what differs between a file and a request body. */
function comparable(report: Record<string, unknown>): Record<string, unknown> {
  const { timing_ms: _t, input: _i, options: _o, backend: _b, ...rest } = report;
  return rest;
}

describe.skipIf(!existsSync(bin))('modelperf serve (built CLI, child process)', () => {
  let child: ChildProcess | undefined;

  beforeAll(() => {
    const generated = spawnSync(process.execPath, [bin, 'generate', '--rows', '3000', '--seed', '11', '--out', csv], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
  });

  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('listens, answers /healthz and /v1/evaluate like `modelperf evaluate`, and exits 0 on SIGTERM without orphans', async () => {
    const server = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--log-level', 'silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = server;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
      server.on('exit', (code, signal) => resolveExit({ code, signal }));
    });
    let stderr = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line within 20 s; stderr: ${stderr}`)), 20_000);
      server.stderr?.setEncoding('utf8');
      server.stderr?.on('data', (chunk: string) => {
        stderr += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match !== null) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      server.on('exit', () => reject(new Error(`serve exited before listening; stderr: ${stderr}`)));
    });
    expect(url).not.toMatch(/:0$/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const query = new URLSearchParams({ task: 'binary', label: 'label', score: 'score', threshold: '0.4' });
    const res = await fetch(`${url}/v1/evaluate?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: readFileSync(csv) });
    expect(res.status).toBe(200);
    const served = (await res.json()) as Record<string, unknown>;
    const cli = spawnSync(process.execPath, [bin, 'evaluate', csv, ...EVAL_ARGS, '--format', 'json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect(served.rows).toBe(3000);
    expect(comparable(served)).toEqual(comparable(fromCli));

    // The huge-pages re-execution (glibc Linux) makes the real server a child of `server`: it must end too.
    const descendants = childrenOf(server.pid ?? -1);
    const reexecs = process.platform === 'linux' && !(process.env.GLIBC_TUNABLES ?? '').includes('glibc.malloc.hugetlb') &&
      process.env.MODELPERF_NO_REEXEC !== '1';
    if (reexecs) expect(descendants.length).toBeGreaterThan(0);
    server.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    const deadline = Date.now() + 5_000;
    while (descendants.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(descendants.filter(alive)).toEqual([]);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
