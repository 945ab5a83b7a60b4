import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateTable, reportToJson } from '@modelperf/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { binaryTable, comparable, encoded } from './fixtures.js';

const table = binaryTable(800);

async function waitFor(app: FastifyInstance, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const res = await app.inject({ method: 'GET', url: `/v1/jobs/${id}` });
    const job = res.json() as Record<string, unknown>;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('job did not finish');
}

describe('/v1/jobs', () => {
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'modelperf-jobs-'));
    const data = join(root, 'data');
    mkdirSync(join(data, 'runs'), { recursive: true });
    writeFileSync(join(data, 'runs', 'preds.parquet'), await encoded(table, 'parquet'));
    writeFileSync(join(data, 'preds.arrow'), await encoded(table, 'arrow'));
    writeFileSync(join(root, 'secret.arrow'), await encoded(table, 'arrow'));
    symlinkSync(join(root, 'secret.arrow'), join(data, 'escape.arrow'));
    symlinkSync(join(data, 'preds.arrow'), join(data, 'inside.arrow'));
    app = createServer({ dataDir: data });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['runs/preds.parquet', 'preds.arrow', 'inside.arrow'])('evaluates %s in the background equal to evaluateTable', async (path) => {
    const res = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path, options: { task: 'binary', label: 'y', score: 'p' } } });
    expect(res.statusCode, res.body).toBe(202);
    const { id, status } = res.json() as { id: string; status: string };
    expect(['queued', 'running']).toContain(status);
    expect(res.headers.location).toBe(`/v1/jobs/${id}`);
    const job = await waitFor(app, id);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    expect(job.progress).toMatchObject({ rows: 800 });
    const want = comparable(JSON.parse(reportToJson(await evaluateTable(table, { task: 'binary', label: 'y', score: 'p' }))));
    expect(comparable(job.report as Record<string, unknown>)).toEqual(want);
  });

  it('runs slices and intervals on the whole file', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'preds.arrow', options: { label: 'y', score: 'p', by: ['segment'] } } });
    const job = await waitFor(app, res.json().id);
    expect(job.status).toBe('done');
    expect((job.report as { slices: unknown[] }).slices).toHaveLength(2);
  });

  it('records a failed evaluation with its error', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'preds.arrow', options: { label: 'nope', score: 'p' } } });
    const job = await waitFor(app, res.json().id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'missing_column' });
  });

  it.each([['../secret.arrow'], ['runs/../../secret.arrow'], ['/etc/passwd'], ['escape.arrow']])('refuses %s with 403', async (path) => {
    const res = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path, options: { label: 'y', score: 'p' } } });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('forbidden_path');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers a missing file, an unknown job and a bad body with 4xx', async () => {
    const missing = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'none.parquet', options: { label: 'y', score: 'p' } } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('file_not_found');
    expect((await app.inject({ method: 'GET', url: '/v1/jobs/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/v1/jobs/nope' })).statusCode).toBe(404);
    const noPath = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { options: {} } });
    expect(noPath.statusCode).toBe(400);
    const badOption = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'preds.arrow', options: { label: 'y' } } });
    expect(badOption.statusCode).toBe(400);
  });

  it('cancels a queued job', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'runs/preds.parquet', options: { label: 'y', score: 'p' } } });
      ids.push(res.json().id);
    }
    const last = ids[4];
    const res = await app.inject({ method: 'DELETE', url: `/v1/jobs/${last}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    await waitFor(app, ids[3]);
    expect((await waitFor(app, last)).status).toBe('cancelled');
  });

  it('refuses jobs without a data directory', async () => {
    const bare = createServer();
    const res = await bare.inject({ method: 'POST', url: '/v1/jobs', payload: { path: 'preds.arrow', options: { label: 'y', score: 'p' } } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('no_data_dir');
    await bare.close();
  });
});
