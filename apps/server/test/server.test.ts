import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { evaluateTable, reportToJson } from '@modelperf/core';
import { describe, expect, it } from 'vitest';
import { createServer, serverConfigFromEnv, specFromParams, startServer } from '../src/index.js';
import { binaryTable, comparable, encoded } from './fixtures.js';

const QUERY = '/v1/evaluate?task=binary&label=y&score=p';
const small = { columns: { y: [0, 1, 1, 0], p: [0.1, 0.8, 0.6, 0.4] } };

describe('health, metrics and docs', () => {
  it('answers /healthz, /readyz, /metrics, /openapi.json and /docs', async () => {
    const app = createServer();
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    await app.inject({ method: 'POST', url: QUERY, payload: small });
    await app.inject({ method: 'POST', url: QUERY, headers: { 'content-type': 'text/plain' }, payload: 'x' });
    const metrics = await app.inject('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('modelperf_http_requests_total{method="POST",route="/v1/evaluate",status="200"} 1');
    expect(metrics.body).toContain('modelperf_http_requests_total{method="POST",route="/v1/evaluate",status="415"} 1');
    expect(metrics.body).toContain('modelperf_rows_evaluated_total 4');
    expect(metrics.body).toMatch(/modelperf_http_request_duration_seconds_count\{method="GET",route="\/healthz"\} 1/);
    expect(metrics.body).toMatch(/modelperf_jobs\{status="done"\} 0/);
    expect(metrics.body).toMatch(/process_resident_memory_bytes \d+/);
    const openapi = (await app.inject('/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/metrics', '/v1/evaluate', '/v1/jobs', '/v1/jobs/{id}']));
    expect(openapi.paths['/v1/evaluate'].post).toMatchObject({ security: [{ bearer: [] }] });
    const docs = await app.inject('/docs');
    expect([200, 302]).toContain(docs.statusCode);
    expect((await app.inject('/docs/')).statusCode).toBe(200);
    const notFound = await app.inject('/nope');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error.code).toBe('not_found');
    await app.close();
  });
});

describe('bearer token', () => {
  it('guards every /v1 route and leaves health open', async () => {
    const app = createServer({ token: 's3cret-token', dataDir: tmpdir() });
    for (const [method, url] of [['POST', QUERY], ['POST', '/v1/jobs'], ['GET', '/v1/jobs/x'], ['DELETE', '/v1/jobs/x']] as const) {
      for (const authorization of [undefined, 'Bearer wrong', 'Basic s3cret-token', 'Bearer s3cret-token-and-more']) {
        const res = await app.inject({ method, url, headers: authorization ? { authorization } : {}, payload: method === 'POST' ? small : undefined });
        expect(res.statusCode, `${method} ${url} ${authorization}`).toBe(401);
        expect(res.json().error.code).toBe('unauthorized');
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    }
    const ok = await app.inject({ method: 'POST', url: QUERY, headers: { authorization: 'Bearer s3cret-token' }, payload: small });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });
});

describe('configuration', () => {
  it('reads flags over environment variables and the token file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelperf-config-'));
    writeFileSync(join(dir, 'token'), 'abc\n');
    const config = serverConfigFromEnv(['--port', '9000', '--token-file', join(dir, 'token')], {
      MODELPERF_PORT: '1', MODELPERF_HOST: '0.0.0.0', MODELPERF_BODY_LIMIT: '1000', MODELPERF_DATA_DIR: dir,
    });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9000, token: 'abc', bodyLimit: 1000, dataDir: dir });
    expect(serverConfigFromEnv([], {})).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(serverConfigFromEnv(['--', '--port', '7'], {})).toMatchObject({ port: 7 });
    expect(() => serverConfigFromEnv(['--port', 'x'], {})).toThrow(/--port/);
    expect(() => serverConfigFromEnv(['--nope', 'x'], {})).toThrow();
  });

  it('parses options like the CLI', () => {
    expect(specFromParams({ task: 'binary', label: 'y', score: 'p', threshold: '0.3', by: 'a,b', 'pos-label': '1', 'curve-mode': 'binned', bins: '64' })).toEqual({
      spec: { task: 'binary', label: 'y', score: 'p', threshold: 0.3, by: ['a', 'b'], posLabel: '1' },
      curveMode: 'binned', histogramBins: 64,
    });
    expect(() => specFromParams({ task: 'ranking', label: 'y' })).toThrow(/query and score/);
  });
});

describe('real socket on 127.0.0.1', () => {
  it('serves an Arrow stream like evaluateTable, survives bad input, and shuts down gracefully', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, signals: [] });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const table = binaryTable(2000);
    const res = await fetch(`${server.url}${QUERY}`, {
      method: 'POST', headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, body: await encoded(table, 'arrows'),
    });
    expect(res.status).toBe(200);
    const want = comparable(JSON.parse(reportToJson(await evaluateTable(table, { task: 'binary', label: 'y', score: 'p' }))));
    expect(comparable(await res.json() as Record<string, unknown>)).toEqual(want);
    const bad = await fetch(`${server.url}${QUERY}`, { method: 'POST', headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, body: 'garbage garbage garbage' });
    expect(bad.status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.close()).toBe(true);
    expect(await server.closed).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('load test: 200 small JSON evaluations, no errors, no non-2xx', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, signals: [], maxConcurrent: 64 });
    const result = await autocannon({
      url: `${server.url}${QUERY}`, method: 'POST', connections: 10, amount: 200, duration: 2,
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(small),
    });
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBe(200);
    await server.close();
  });
});

