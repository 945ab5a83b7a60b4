import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script shared with the README's size measurement
import { bundleBrowser } from '../../scripts/bundle-browser.mjs';
import { createState } from '../../src/api/evaluation-state.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { EvaluationSpec } from '../../src/evaluate/evaluation-spec.js';
import { binaryPredictionsTable, rankingPredictionsTable } from '../../src/generate/index.js';
import { writeParquetBytes } from '../../src/io/write-parquet-bytes.js';
import { reportToJson } from '../../src/report/report-to-json.js';
import { serveStatic, type StaticServer } from './static-server.js';

// The browser build (esbuild bundle of dist/index.js) run in Debian's Chromium on files fetched from a local server:
// the same reports as Node, in a page and in Web Workers. Skipped where Chromium is not installed.
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const DIST = join(import.meta.dirname, '..', '..', 'dist', 'index.js');
if (!HAVE_CHROMIUM) console.warn(`browser bundle tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);

// What the page sees of the bundle (window.modelperf); typed loosely since it is the built artifact.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Modelperf = any;

/** The browser's Worker, typed here because the package's type check has no DOM library. */
type BrowserWorkerClass = new (url: string, options: { type: 'module' }) => {
  onmessage: (event: { data: { error?: string; json?: unknown } }) => void;
  onerror: (event: { message: string }) => void;
  postMessage(message: unknown): void;
  terminate(): void;
};

interface Bundle { main: string; minified: number; gzipped: number; lazy: Record<string, number>; inputs: string[] }

const BINARY: EvaluationSpec = { task: 'binary', label: 'label', score: 'score', backend: 'js', curves: true };
const RANKING: EvaluationSpec = { task: 'ranking', query: 'query', label: 'relevance', score: 'score' };

// A worker scoring its share of the rows into a mergeable state and posting it back (zero-copy buffers).
const WORKER = `
import { readTableBytes, createState, toTransferable } from './modelperf.js';
onmessage = async (event) => {
  const { url, format, spec, start, end } = event.data;
  try {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const table = await readTableBytes(bytes, format);
    const { json, transfer } = toTransferable(createState(spec).update(table.slice(start, end)));
    postMessage({ json }, transfer);
  } catch (error) {
    postMessage({ error: String(error && error.stack || error) });
  }
};
`;

describe.skipIf(!HAVE_CHROMIUM)('browser build in Chromium', () => {
  let dir: string;
  let bundle: Bundle;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const binary = binaryPredictionsTable({ rows: 20_000, seed: 11 });
  const ranking = rankingPredictionsTable({ rows: 3_000, seed: 11 });

  beforeAll(async () => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: build @modelperf/core first (pnpm --filter @modelperf/core build).`);
    dir = mkdtempSync(join(tmpdir(), 'modelperf-bundle-'));
    bundle = await bundleBrowser(dir) as Bundle;
    server = await serveStatic(dir, {
      '/index.html': '<!doctype html><meta charset="utf-8"><title>modelperf</title><p>modelperf browser test</p>' +
        '<script type="module">import * as modelperf from "./modelperf.js"; window.modelperf = modelperf;</script>',
      '/worker.js': WORKER,
      '/binary.arrow': tableToIPC(binary, 'file'),
      '/binary.parquet': await writeParquetBytes(binary),
      '/ranking.arrow': tableToIPC(ranking, 'file'),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.base}/index.html`);
    await page.waitForFunction(() => 'modelperf' in globalThis);
    expect(problems).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps tfjs and Node built-ins out of the bundle and is of a recorded size', () => {
    expect(bundle.inputs.filter((p) => p.includes('@tensorflow'))).toEqual([]);
    expect(bundle.inputs.filter((p) => p.startsWith('node:'))).toEqual([]);
    // The README records the size; a jump means something heavy slipped into the default bundle.
    expect(bundle.gzipped).toBeLessThan(200_000);
    console.log(`browser bundle: ${bundle.minified} bytes minified, ${bundle.gzipped} gzipped; lazy chunks ${JSON.stringify(bundle.lazy)}`);
  });

  it('evaluates an Arrow file fetched by the page exactly as Node does', async () => {
    const inBrowser = await page.evaluate(async ([spec]) => {
      const mp = (globalThis as unknown as { modelperf: Modelperf }).modelperf;
      const bytes = new Uint8Array(await (await fetch('/binary.arrow')).arrayBuffer());
      const report = await mp.evaluate(await mp.readTableBytes(bytes, 'arrow'), spec);
      const auto = await mp.evaluate(await mp.readTableBytes(bytes, 'arrow'), { ...spec, backend: 'auto' });
      return { report: mp.reportToJson(report), backend: auto.backend.name };
    }, [BINARY] as const);
    const inNode = await evaluate(binary, BINARY);
    const fromBrowser = JSON.parse(inBrowser.report);
    expectSameMetrics(fromBrowser.metrics, JSON.parse(reportToJson(inNode.metrics)), await sameLogarithms(page), 'binary');
    expect(fromBrowser.curves).toEqual(JSON.parse(reportToJson(inNode.curves)));
    expect(fromBrowser.confusion_matrix).toEqual(inNode.confusion_matrix);
    expect(inBrowser.backend).toBe('js');
  });

  it('reads Parquet in the browser (parquet-wasm loaded on demand)', async () => {
    const metrics = await page.evaluate(async ([spec]) => {
      const mp = (globalThis as unknown as { modelperf: Modelperf }).modelperf;
      const bytes = new Uint8Array(await (await fetch('/binary.parquet')).arrayBuffer());
      return mp.reportToJson((await mp.evaluate(await mp.readTableBytes(bytes, 'parquet'), spec)).metrics);
    }, [BINARY] as const);
    expect(JSON.parse(metrics)).toEqual(JSON.parse(reportToJson((await evaluate(binary, BINARY)).metrics)));
  });

  it('merges the states of several Web Workers into the whole-file result', async () => {
    const sameLog = await sameLogarithms(page);
    for (const [file, table, spec] of [['/binary.arrow', binary, BINARY], ['/ranking.arrow', ranking, RANKING]] as const) {
      const { curves: _curves, ...stateSpec } = spec as EvaluationSpec & { curves?: boolean };
      const merged = await page.evaluate(async ([url, s, rows]) => {
        const mp = (globalThis as unknown as { modelperf: Modelperf }).modelperf;
        const parts = 3;
        const cut = (i: number): number => Math.round((rows * i) / parts);
        const states = await Promise.all(Array.from({ length: parts }, (_, i) => new Promise((resolve, reject) => {
          const worker = new (globalThis as unknown as { Worker: BrowserWorkerClass }).Worker('/worker.js', { type: 'module' });
          worker.onmessage = (e) => { worker.terminate(); if (e.data.error) reject(new Error(e.data.error)); else resolve(e.data.json); };
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ url, format: 'arrow', spec: s, start: cut(i), end: cut(i + 1) });
        })));
        const total = mp.createState(s);
        for (const json of states) total.merge(mp.EvaluationState.fromJSON(json));
        return mp.reportToJson(total.compute().metrics);
      }, [file, stateSpec, table.numRows] as const);
      // Node, the same three states merged: identical bits (the whole table in one state agrees to ~1e-15).
      const inNode = createState(stateSpec);
      for (let i = 0; i < 3; i++) {
        inNode.merge(createState(stateSpec).update(table.slice(Math.round((table.numRows * i) / 3), Math.round((table.numRows * (i + 1)) / 3))));
      }
      expectSameMetrics(JSON.parse(merged), JSON.parse(reportToJson(inNode.compute().metrics)), sameLog, file);
    }
  });
});

/**
 * Whether Chromium's Math.log returns Node's bits for 2..4999 (NDCG's discounts). Chromium 156's V8 differs from
 * Node 20's in the last bit for ~1% of them, so metrics built on logarithms may differ in the last bits there.
 */
async function sameLogarithms(page: Page): Promise<boolean> {
  const inBrowser = await page.evaluate(() => Array.from({ length: 4998 }, (_, i) => Math.log(i + 2)));
  return inBrowser.every((v, i) => v === Math.log(i + 2));
}

/** Equal metrics; with different engine logarithms, log-based ones (ndcg, log loss) to 1e-14 relative. */
function expectSameMetrics(actual: Record<string, number>, expected: Record<string, number>, sameLog: boolean, what: string): void {
  expect(Object.keys(actual).sort(), what).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (sameLog || !/ndcg|log_loss/.test(key)) expect(actual[key], `${what} ${key}`).toEqual(value);
    else expect(Math.abs(actual[key] - value), `${what} ${key}`).toBeLessThanOrEqual(1e-14 * Math.abs(value));
  }
}
