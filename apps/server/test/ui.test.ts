import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { binaryTable, encoded } from './fixtures.js';

const table = binaryTable(400);
const QUERY = '/v1/evaluate?task=binary&label=y&score=p&curves=true';

describe('web page and its API', () => {
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'modelperf-ui-'));
    writeFileSync(join(root, 'preds.parquet'), await encoded(table, 'parquet'));
    app = createServer({ dataDir: root });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the page and its script without a build step', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script src="/app.js" defer></script>');
    expect(page.body).toContain('for="file"');
    expect(page.body).not.toContain('id="token"');
    const script = await app.inject({ method: 'GET', url: '/app.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(() => new Function(script.body)).not.toThrow();
  });

  it('asks for the token when the server has one, and still guards /v1', async () => {
    const guarded = createServer({ token: 's3cret' });
    try {
      expect((await guarded.inject({ method: 'GET', url: '/' })).body).toContain('id="token"');
      expect((await guarded.inject({ method: 'GET', url: '/v1/jobs' })).statusCode).toBe(401);
      expect((await guarded.inject({ method: 'GET', url: '/v1/jobs', headers: { authorization: 'Bearer s3cret' } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it.each([
    ['application/vnd.apache.arrow.stream', 'arrows'],
    ['application/vnd.apache.arrow.file', 'arrow'],
    ['application/vnd.apache.parquet', 'parquet'],
    ['text/csv', 'csv'],
  ] as const)('POST /v1/schema reads the columns of %s', async (contentType, format) => {
    const res = await app.inject({ method: 'POST', url: '/v1/schema', headers: { 'content-type': contentType }, payload: await encoded(table, format) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { columns: Array<{ name: string; type: string }>; rows: number };
    expect(body.columns.map((c) => c.name)).toEqual(['y', 'p', 'segment']);
    expect(body.rows).toBe(400);
  });

  it('POST /v1/schema refuses JSON and corrupt files with JSON errors', async () => {
    const json = await app.inject({ method: 'POST', url: '/v1/schema', payload: { columns: {} } });
    expect(json.statusCode).toBe(415);
    const corrupt = await app.inject({ method: 'POST', url: '/v1/schema', headers: { 'content-type': 'application/vnd.apache.parquet' }, payload: Buffer.from('not parquet') });
    expect(corrupt.statusCode).toBeGreaterThanOrEqual(400);
    expect(corrupt.json()).toHaveProperty('error.code');
  });

  it('format=html answers the HTML report; POST /v1/report.html renders a report JSON', async () => {
    const payload = await encoded(table, 'parquet');
    const headers = { 'content-type': 'application/vnd.apache.parquet' };
    const html = await app.inject({ method: 'POST', url: `${QUERY}&format=html`, headers, payload });
    expect(html.statusCode, html.body).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('id="chart-roc"');
    const json = await app.inject({ method: 'POST', url: QUERY, headers, payload });
    const rendered = await app.inject({ method: 'POST', url: '/v1/report.html', headers: { 'content-type': 'application/json' }, payload: json.body });
    expect(rendered.statusCode, rendered.body).toBe(200);
    expect(rendered.body).toContain('id="chart-roc"');
    const bad = await app.inject({ method: 'POST', url: '/v1/report.html', payload: { hello: 1 } });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.json()).toHaveProperty('error.message');
  });

  it('GET /v1/jobs lists jobs without reports; a done job has an HTML report', async () => {
    const started = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'preds.parquet', options: { label: 'y', score: 'p' } } });
    expect(started.statusCode, started.body).toBe(202);
    const id = (started.json() as { id: string }).id;
    let job: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      const list = (await app.inject({ method: 'GET', url: '/v1/jobs' })).json() as { jobs: Array<Record<string, unknown>> };
      job = list.jobs.find((j) => j.id === id) as Record<string, unknown>;
      if (job.status === 'done' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(job).toMatchObject({ status: 'done', hasReport: true, path: 'preds.parquet' });
    expect(job).not.toHaveProperty('report');
    const html = await app.inject({ method: 'GET', url: `/v1/jobs/${id}/report.html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<figure class="chart"');
  });
});
