import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../../src/evaluate/parallel/worker-exec-argv.js';

describe('workerExecArgv', () => {
  it('keeps the parent\'s options and turns require(esm) off in workers where Node has it', async () => {
    const argv = workerExecArgv();
    expect(argv.slice(0, process.execArgv.length)).toEqual(process.execArgv);
    const hasRequireEsm = (process.features as { require_module?: boolean }).require_module === true;
    expect(argv.includes('--no-experimental-require-module')).toBe(hasRequireEsm);
    // A worker started with them cannot require() an ES module (piscina then imports it).
    const esm = join(mkdtempSync(join(tmpdir(), 'modelperf-esm-')), 'task.mjs');
    writeFileSync(esm, 'export default function task() { return 1; }\n');
    const code = await new Promise<string>((resolve, reject) => {
      const w = new Worker(
        "const { parentPort, workerData } = require('node:worker_threads');" +
        "try { require(workerData); parentPort.postMessage('required'); } catch (e) { parentPort.postMessage(String(e.code)); }",
        { eval: true, execArgv: argv, workerData: esm },
      );
      w.once('message', (m: string) => { void w.terminate(); resolve(m); });
      w.once('error', reject);
    });
    expect(code).toBe('ERR_REQUIRE_ESM');
  });
});
