import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { renderHtml, parseReportJson } from '@modelperf/report';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { binaryTable, encoded } from './fixtures.js';

// End-to-end tests in Debian's Chromium (apt install chromium); skipped where it is not installed.
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);
/** Screenshots land here (outside the repository, so never committed). */
const ARTIFACTS = join(tmpdir(), 'modelperf-test-artifacts');

describe.skipIf(!HAVE_CHROMIUM)('in Chromium', () => {
  let app: FastifyInstance;
  let base: string;
  let root: string;
  let context: BrowserContext;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'modelperf-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    app = createServer();
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
  });
  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('uploads a file, picks columns, runs, and shows the ROC chart with the API\'s AUC', async () => {
    const file = join(root, 'preds.parquet');
    const bytes = await encoded(binaryTable(600), 'parquet');
    writeFileSync(file, bytes);
    const api = await app.inject({
      method: 'POST', url: '/v1/evaluate?task=binary&label=y&score=p&curves=true',
      headers: { 'content-type': 'application/vnd.apache.parquet' }, payload: bytes,
    });
    const auc = (api.json() as { metrics: { roc_auc: number } }).metrics.roc_auc;

    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // Failed requests (the deliberate 4xx below) log console errors too; script errors are what matter.
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()); });
    await page.goto(`${base}/`);
    await page.setInputFiles('#file', file);
    await expect.poll(() => page.locator('#columns-set').isDisabled()).toBe(false);
    await page.getByLabel('Task').selectOption('binary');
    expect(await page.getByLabel('Label column', { exact: true }).inputValue()).toBe('y');
    await page.getByLabel('Score column', { exact: true }).selectOption('p');
    await page.getByRole('button', { name: 'Run evaluation' }).click();

    const frame = page.frameLocator('#report-frame');
    const roc = frame.locator('#chart-roc svg');
    await roc.waitFor({ state: 'visible', timeout: 30_000 });
    const box = await roc.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    expect(await frame.locator('#chart-roc').textContent()).toContain('AUC');
    expect(await page.locator('#metric-roc_auc').textContent()).toBe(String(Math.round(auc * 1e6) / 1e6));
    await expect.poll(() => page.locator('#error').isHidden()).toBe(true);
    const shot = join(ARTIFACTS, 'page.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);

    // A wrong column shows the server's JSON error in the page.
    await page.getByLabel('Score column', { exact: true }).selectOption('segment');
    await page.getByRole('button', { name: 'Run evaluation' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'segment' });
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/\(\w+, HTTP 4\d\d\)/);
    await page.screenshot({ path: join(ARTIFACTS, 'page-error.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a generated HTML report file and its charts render', async () => {
    const api = await app.inject({
      method: 'POST', url: '/v1/evaluate?task=binary&label=y&score=p&curves=true&by=segment',
      headers: { 'content-type': 'application/vnd.apache.parquet' }, payload: await encoded(binaryTable(600), 'parquet'),
    });
    const file = join(root, 'report.html');
    writeFileSync(file, await renderHtml(parseReportJson(api.body)));
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(file).href);
    const charts = page.locator('figure.chart svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    for (const svg of await charts.all()) {
      const box = await svg.boundingBox();
      expect(box?.width, await svg.getAttribute('aria-label') ?? '').toBeGreaterThan(0);
      expect(box?.height).toBeGreaterThan(0);
    }
    expect(await page.locator('#chart-roc').textContent()).toContain('AUC');
    expect(requests).toEqual([]);
    const shot = join(ARTIFACTS, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    await page.close();
  });
});
