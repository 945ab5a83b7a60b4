import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordBatchStreamWriter, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { binaryPredictionsTable } from '@modelperf/core';

// The built CLI, as a user runs it (it re-executes itself once on glibc Linux and forwards signals).
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');

/**
 * Pipes a never-ending Arrow stream into `modelperf evaluate -` until `rows` rows went in, samples the process's
 * memory, then presses Ctrl-C (SIGINT).
 */
async function interruptEndlessStream(args: string[], rows: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; rssKb: number[] }> {
  const child = spawn(process.execPath, [bin, 'evaluate', '-', '--label', 'label', '--score', 'score', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  child.stdin.on('error', () => undefined); // EPIPE once the CLI is gone
  const batch = binaryPredictionsTable({ rows: 50_000, seed: 3 }).batches[0];
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, new Table(batch).schema);
  const rssKb: number[] = [];
  let sent = 0;
  const write = (bytes: Uint8Array): Promise<void> => new Promise((ok) => (child.stdin.write(bytes) ? ok() : child.stdin.once('drain', ok)));
  // The schema message, then the same batch again and again: the stream never ends.
  writer.write(batch);
  await write(writer.toUint8Array(true));
  const oneBatch = (() => {
    const w = new RecordBatchStreamWriter();
    w.reset(undefined, new Table(batch).schema);
    const schemaOnly = w.toUint8Array(true).length;
    w.write(batch);
    const all = w.toUint8Array(true);
    return all.subarray(schemaOnly);
  })();
  while (sent < rows) {
    await write(oneBatch);
    sent += batch.numRows;
    if (sent % 2_000_000 === 0) rssKb.push(await rssOfTree(child.pid!));
  }
  child.kill('SIGINT');
  const { code, signal } = await exited;
  return { code, signal, stdout, stderr, rssKb };
}

/** Resident memory (kB) of a process and its children (the CLI's re-executed worker process). */
async function rssOfTree(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between the reads
    }
  }
  return total;
}

describe.skipIf(process.platform !== 'linux' || !existsSync(bin))('a stream that never ends (built CLI)', () => {
  it('binned mode holds bounded memory, and Ctrl-C ends it cleanly with exit 130 and no partial output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelperf-endless-'));
    const out = join(dir, 'report.json');
    const result = await interruptEndlessStream(['--curve-mode', 'binned', '--quiet', '--format', 'json', '--out', out], 30_000_000);
    expect(result.code ?? 128 + 2).toBe(130);
    expect(result.stdout).toBe('');
    // Nothing half-written: neither the report nor a temporary file is left behind.
    expect(readdirSync(dir)).toEqual([]);
    // Memory sampled every 2e6 rows (parent, re-executed child and its worker threads together): after warm-up it
    // stays flat. Holding even 9 bytes of each of the last 1.5e7 rows would add over 128 MiB; allow 64 MiB of heap
    // growth and GC slack, and stay under 1 GiB overall.
    const samples = result.rssKb;
    expect(samples.length).toBe(15);
    expect(samples[14] - samples[7]).toBeLessThan(64 * 1024);
    expect(Math.max(...samples)).toBeLessThan(1024 * 1024);
  }, 180_000);
});
