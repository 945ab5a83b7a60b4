import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

  it('load test: 200 JSON and 200 Arrow-stream evaluations, no errors, no non-2xx, memory back near its start', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, signals: [], maxConcurrent: 64 });
    const arrowBody = await encoded(binaryTable(10_000), 'arrows');
    const arrowQuery = `${server.url}${QUERY}`;
    const load = async (amount: number, headers: Record<string, string>, body: string | Buffer): Promise<void> => {
      const result = await autocannon({ url: arrowQuery, method: 'POST', connections: 10, amount, duration: 10, headers, body });
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result['2xx']).toBe(amount);
    };
    // Warm up (module loading, JIT), then take the baseline.
    await load(20, { 'content-type': 'application/vnd.apache.arrow.stream' }, arrowBody);
    const before = await settledMemory();
    await load(200, { 'content-type': 'application/json' }, JSON.stringify(small));
    await load(200, { 'content-type': 'application/vnd.apache.arrow.stream' }, arrowBody);
    const after = await settledMemory();
    const MiB = 2 ** 20;
    expect((after.heapUsed - before.heapUsed) / MiB, `heapUsed ${before.heapUsed / MiB} -> ${after.heapUsed / MiB} MiB`).toBeLessThan(64);
    expect((after.rss - before.rss) / MiB, `rss ${before.rss / MiB} -> ${after.rss / MiB} MiB`).toBeLessThan(256);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('modelperf_evaluations_in_flight 0');
    await server.close();
  });

  it('answers the 4xx JSON to a streamed body refused early, over a real socket, and keeps serving', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, signals: [] });
    const tight = await startServer({ host: '127.0.0.1', port: 0, signals: [], bodyLimit: 2 ** 20 });
    const body = await encoded(binaryTable(200_000), 'arrows'); // about 4 MB, sent in 64 KiB pieces
    // A bad option is refused before the body is read; a body over the limit is refused while it streams.
    for (const [base, query, status, code] of [
      [server.url, '/v1/evaluate?task=binary&label=y&score=p&threshold=abc', 400, 'invalid_argument'],
      [server.url, '/v1/evaluate?task=binary&label=y&score=p&nope=1', 400, 'invalid_argument'],
      [server.url, '/v1/evaluate?task=binary&label=missing&score=p', 422, 'missing_column'],
      [tight.url, QUERY, 413, 'body_too_large'],
    ] as const) {
      const res = await slowPost(`${base}${query}`, 'application/vnd.apache.arrow.stream', body);
      expect(res.status, `${query}: ${res.text}`).toBe(status);
      expect(JSON.parse(res.text).error.code).toBe(code);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    }
    expect(await tight.close()).toBe(true);
    const ok = await fetch(`${server.url}${QUERY}`, {
      method: 'POST', headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, body: await encoded(binaryTable(1000), 'arrows'),
    });
    expect(ok.status).toBe(200);
    expect(await server.close()).toBe(true);
  });
});


/** Memory after a forced full GC (exposed through V8 flags, no `--expose-gc` needed) and a short settle. */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process.memoryUsage();
}

/**
 * POSTs a body in 64 KiB pieces over a plain TCP socket (HTTP/1.1, keep-alive), reading the response as soon as it
 * comes, even mid-upload; resolves once the whole response is in and the whole body was written.
 */
function slowPost(url: string, contentType: string, body: Buffer): Promise<{ status: number; text: string }> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let response: { status: number; text: string } | undefined;
    let written = false;
    const finish = (): void => {
      if (response !== undefined && written) {
        socket.end();
        resolve(response);
      }
    };
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0 || response !== undefined) return;
      const head = received.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
      if (received.length - end - 4 < length) return;
      response = { status: Number(head.split(' ')[1]), text: received.subarray(end + 4, end + 4 + length).toString('utf8') };
      finish();
    });
    socket.write(`POST ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${contentType}\r\n` +
      `Content-Length: ${body.length}\r\n\r\n`);
    let at = 0;
    const writeMore = (): void => {
      if (at >= body.length) {
        written = true;
        finish();
        return;
      }
      const piece = body.subarray(at, at + 65536);
      at += piece.length;
      socket.write(piece, (error) => (error ? reject(error) : writeMore()));
    };
    writeMore();
  });
}
