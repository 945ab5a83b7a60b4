import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryPredictionsTable, evaluate, regressionPredictionsTable, writeParquetBytes } from '@modelperf/core';
import { tableToIPC } from 'apache-arrow';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../browser-drop/build.mjs';
import { servePage } from '../browser-drop/serve.mjs';
import { main as scoreInBatches, predictionBatches, SPEC } from '../node-batch-scoring/score-in-batches.mjs';
import { evaluateOnWorkers, TASKS } from '../worker-pool/worker-pool.mjs';

const HERE = import.meta.dirname;

/** Concatenates the batches of the batch-scoring example into whole columns. */
function allRows(rows, batch) {
  const parts = [...predictionBatches(rows, batch)];
  const concat = (key, Ctor) => {
    const out = new Ctor(rows);
    let at = 0;
    for (const p of parts) { out.set(p[key], at); at += p[key].length; }
    return out;
  };
  return { y: concat('y', Int32Array), p: concat('p', Float64Array), w: concat('w', Float64Array) };
}

describe('node-batch-scoring: a running state over batches as they are produced', () => {
  it('ends with the report of all rows at once, through a checkpoint and a merge', async () => {
    const lines = [];
    const { report, batches } = await scoreInBatches({ rows: 60_000, batch: 5_000, log: (l) => lines.push(l) });
    expect(batches).toBe(12);
    expect(lines.some((l) => l.startsWith('checkpointed 30000 rows'))).toBe(true);
    const whole = await evaluate(allRows(60_000, 5_000), SPEC);
    expect(report.rows).toBe(60_000);
    for (const [key, value] of Object.entries(whole.metrics)) {
      expect(Math.abs(report.metrics[key] - value), key).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
    }
    expect(report.confusion_matrix).toEqual(whole.confusion_matrix);
  });

  it('runs from the command line and prints the report as the last line', () => {
    const out = execFileSync(process.execPath, [join(HERE, '..', 'node-batch-scoring', 'score-in-batches.mjs'), '--rows', '20000', '--batch', '2000'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const report = JSON.parse(out.trim().split('\n').pop());
    expect(report.rows).toBe(20_000);
    expect(report.metrics.roc_auc).toBeGreaterThan(0.8);
  });
});

describe('worker-pool: states from several worker threads, merged', () => {
  for (const [name, { table, spec }] of Object.entries(TASKS)) {
    it(`${name}: the merged report equals evaluating the whole table`, async () => {
      const data = table(30_000);
      const merged = await evaluateOnWorkers(data, spec, 3);
      const whole = await evaluate(data, { ...spec, backend: 'js' });
      expect(merged.rows).toBe(whole.rows);
      for (const [key, value] of Object.entries(whole.metrics)) {
        if (Number.isNaN(value)) expect(merged.metrics[key], key).toBeNaN();
        else expect(Math.abs(merged.metrics[key] - value), key).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
      }
    });
  }
});

// The browser page in Debian's Chromium: a file chosen (as a drop would) is read and evaluated in the page.
const CHROMIUM = '/usr/bin/chromium';
describe.skipIf(!existsSync(CHROMIUM))('browser-drop: the page evaluates a dropped Arrow or Parquet file', () => {
  let dir;
  let out;
  let server;
  let browser;
  let page;
  const binary = binaryPredictionsTable({ rows: 5_000, seed: 9 });
  const regression = regressionPredictionsTable({ rows: 2_000, seed: 9 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modelperf-drop-'));
    out = await buildPage(join(HERE, '..', 'browser-drop', 'dist'));
    server = await servePage(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the metrics of an Arrow file, as Node computes them', async () => {
    const file = join(dir, 'preds.arrow');
    writeFileSync(file, tableToIPC(binary, 'file'));
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#metrics:not([hidden])');
    const node = await evaluate(binary, { task: 'binary', label: 'label', score: 'score' });
    expect(await page.textContent('#metric-roc_auc')).toBe(String(node.metrics.roc_auc));
    expect(await page.textContent('#metric-accuracy')).toBe(String(node.metrics.accuracy));
    expect(await page.textContent('#status')).toContain('5000 rows of preds.arrow evaluated (binary)');
  });

  it('reads Parquet too (loading parquet-wasm on demand), for another task', async () => {
    const file = join(dir, 'preds.parquet');
    writeFileSync(file, await writeParquetBytes(regression));
    await page.selectOption('#task', 'regression');
    await page.fill('#label', 'target');
    await page.fill('#score', 'prediction');
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('preds.parquet'));
    const node = await evaluate(regression, { task: 'regression', label: 'target', pred: 'prediction' });
    expect(await page.textContent('#metric-r2')).toBe(String(node.metrics.r2));
    expect(await page.textContent('#metric-mae')).toBe(String(node.metrics.mae));
  });

  it('shows a clear error for a missing column', async () => {
    await page.selectOption('#task', 'binary');
    await page.fill('#label', 'label');
    await page.fill('#score', 'nope');
    const file = join(dir, 'again.arrow');
    writeFileSync(file, tableToIPC(binary, 'file'));
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toMatch(/Column `nope` not found; available columns: .*score/);
    expect(out).toContain('dist');
  });
});
