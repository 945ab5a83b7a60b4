import { PassThrough } from 'node:stream';
import { tableFromArrays } from 'apache-arrow';
import { evaluateTable, reportToJson, type EvaluationSpec } from '@modelperf/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { binaryTable, comparable, encoded, jsonColumns } from './fixtures.js';

const table = binaryTable(600);
const spec: EvaluationSpec = { task: 'binary', label: 'y', score: 'p' };
const QUERY = '/v1/evaluate?task=binary&label=y&score=p';

async function expected(s: EvaluationSpec = spec, t = table): Promise<Record<string, unknown>> {
  return comparable(JSON.parse(reportToJson(await evaluateTable(t, s))) as Record<string, unknown>);
}

describe('POST /v1/evaluate', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = createServer({ bodyLimit: 64 * 1024, rowLimit: 5000 });
    await app.ready();
  });
  afterAll(async () => app.close());

  async function healthy(): Promise<void> {
    const res = await app.inject({ method: 'POST', url: QUERY, payload: { columns: { y: [0, 1], p: [0.2, 0.9] } } });
    expect(res.statusCode).toBe(200);
  }

  it.each([
    ['application/vnd.apache.arrow.stream', 'arrows'],
    ['application/vnd.apache.arrow.file', 'arrow'],
    ['application/vnd.apache.parquet', 'parquet'],
    ['text/csv', 'csv'],
  ] as const)('evaluates %s equal to evaluateTable', async (contentType, format) => {
    const res = await app.inject({ method: 'POST', url: QUERY, headers: { 'content-type': contentType }, payload: await encoded(table, format) });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Record<string, unknown>;
    expect(report.schema).toBe('modelperf/report@1');
    expect(report.input).toMatchObject({ format });
    expect(comparable(report)).toEqual(await expected());
  });

  it('evaluates JSON columns, with options from the body and the query', async () => {
    const res = await app.inject({
      method: 'POST', url: '/v1/evaluate?threshold=0.3',
      payload: { columns: jsonColumns(table), options: { task: 'binary', label: 'y', score: 'p', beta: 2 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const t = tableFromArrays({ y: Float64Array.from(table.getChild('y')!.toArray()), p: Float64Array.from(table.getChild('p')!.toArray()), segment: table.getChild('segment')!.toArray() as string[] });
    expect(comparable(res.json())).toEqual(await expected({ ...spec, threshold: 0.3, beta: 2 }, t));
  });

  it('streams a body that arrives in pieces', async () => {
    const bytes = await encoded(table, 'arrows');
    const body = new PassThrough();
    const sent = app.inject({ method: 'POST', url: QUERY, headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, payload: body });
    for (let i = 0; i < bytes.length; i += 1000) body.write(bytes.subarray(i, i + 1000));
    body.end();
    const res = await sent;
    expect(res.statusCode, res.body).toBe(200);
    expect(comparable(res.json())).toEqual(await expected());
  });

  it('serves slices (by) and intervals (ci) on a streamed body', async () => {
    const res = await app.inject({
      method: 'POST', url: `${QUERY}&by=segment&ci=0.9&bootstrap=20`,
      headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, payload: await encoded(table, 'arrows'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(comparable(res.json())).toEqual(await expected({ ...spec, by: ['segment'], ci: 0.9, bootstrap: 20 }));
    expect((res.json() as { slices: unknown[] }).slices).toHaveLength(2);
  });

  it('serves every task', async () => {
    const cases: Array<[string, Record<string, unknown[]>, EvaluationSpec]> = [
      ['task=regression&label=y&pred=p', { y: [1, 2, 3, 4], p: [1.1, 1.9, 3.2, 3.8] }, { task: 'regression', label: 'y', pred: 'p' }],
      ['task=multiclass&label=y&scores=a,b,c', { y: [0, 1, 2, 1], a: [0.7, 0.2, 0.1, 0.3], b: [0.2, 0.6, 0.2, 0.4], c: [0.1, 0.2, 0.7, 0.3] },
        { task: 'multiclass', label: 'y', scores: ['a', 'b', 'c'] }],
      ['task=multilabel&labels=y1,y2&scores=s1,s2', { y1: [1, 0, 1, 0], y2: [0, 1, 1, 0], s1: [0.9, 0.2, 0.7, 0.1], s2: [0.3, 0.8, 0.6, 0.2] },
        { task: 'multilabel', labels: ['y1', 'y2'], scores: ['s1', 's2'] }],
      ['task=ranking&query=q&label=y&score=s&k=1,2', { q: [1, 1, 1, 2, 2], y: [1, 0, 2, 0, 1], s: [0.9, 0.5, 0.7, 0.2, 0.4] },
        { task: 'ranking', query: 'q', label: 'y', score: 's', k: [1, 2] }],
    ];
    for (const [query, columns, s] of cases) {
      const res = await app.inject({ method: 'POST', url: `/v1/evaluate?${query}`, payload: { columns } });
      expect(res.statusCode, res.body).toBe(200);
      const t = tableFromArrays(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v as number[])])));
      expect(comparable(res.json())).toEqual(await expected(s, t));
    }
  });

  const nanTable = tableFromArrays({ y: Float64Array.from([0, 1, 1]), p: Float64Array.from([0.1, NaN, 0.7]) });
  it.each([
    ['a wrong content type', { 'content-type': 'text/plain' }, 'y,p\n0,0.1\n', 415, 'unsupported_media_type'],
    ['an unknown content type', { 'content-type': 'application/x-foo' }, 'abc', 415, 'unsupported_media_type'],
    ['corrupt Arrow', { 'content-type': 'application/vnd.apache.arrow.stream' }, Buffer.from('this is not arrow at all, not even close'), 400, 'corrupt_file'],
    ['corrupt Arrow file', { 'content-type': 'application/vnd.apache.arrow.file' }, Buffer.from('ARROW1 but nothing else follows here'), 400, 'corrupt_file'],
    ['an empty body', { 'content-type': 'application/vnd.apache.arrow.stream' }, Buffer.alloc(0), 422, 'empty_input'],
  ])('answers %s with its 4xx and keeps serving', async (_what, headers, payload, status, code) => {
    const res = await app.inject({ method: 'POST', url: QUERY, headers, payload });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
    expect(res.body).not.toContain('    at ');
    await healthy();
  });

  it('answers a truncated Arrow stream and file with 400', async () => {
    for (const [type, format] of [['application/vnd.apache.arrow.stream', 'arrows'], ['application/vnd.apache.arrow.file', 'arrow']] as const) {
      const bytes = await encoded(table, format);
      const res = await app.inject({ method: 'POST', url: QUERY, headers: { 'content-type': type }, payload: bytes.subarray(0, bytes.length - 40) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('corrupt_file');
      await healthy();
    }
  });

  it('answers missing or unknown columns, NaN scores and bad options with 4xx', async () => {
    const stream = await encoded(table, 'arrows');
    const arrow = { 'content-type': 'application/vnd.apache.arrow.stream' };
    const cases: Array<[string, Buffer | object | string, Record<string, string>, number, string]> = [
      ['/v1/evaluate?task=binary&label=nope&score=p', stream, arrow, 422, 'missing_column'],
      ['/v1/evaluate?task=binary&label=y', stream, arrow, 400, 'invalid_argument'],
      ['/v1/evaluate?task=binary&label=y&score=p&colour=red', stream, arrow, 400, 'invalid_argument'],
      ['/v1/evaluate?task=binary&label=y&score=p&threshold=abc', stream, arrow, 400, 'invalid_argument'],
      ['/v1/evaluate?task=nope&label=y&score=p', stream, arrow, 400, 'invalid_argument'],
      [QUERY, await encoded(nanTable, 'arrows'), arrow, 422, ''],
      [QUERY, { columns: { y: [0, 1], p: [0.1, null] } }, {}, 422, 'null_value'],
      [QUERY, { columns: { y: [0, 1], p: [0.1] } }, {}, 422, 'length_mismatch'],
      [QUERY, { rows: [] }, {}, 400, 'invalid_argument'],
      [QUERY, '{"columns": ', { 'content-type': 'application/json' }, 400, 'invalid_json'],
    ];
    for (const [url, payload, headers, status, code] of cases) {
      const res = await app.inject({ method: 'POST', url, headers, payload: payload as never });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      if (code !== '') expect(res.json().error.code).toBe(code);
      expect(typeof res.json().error.message).toBe('string');
      await healthy();
    }
  });

  it('answers an oversize body with 413 for every content type', async () => {
    const big = binaryTable(60_000);
    for (const [type, format] of [['application/vnd.apache.arrow.stream', 'arrows'], ['text/csv', 'csv'], ['application/vnd.apache.arrow.file', 'arrow'], ['application/vnd.apache.parquet', 'parquet']] as const) {
      const payload = await encoded(big, format);
      expect(payload.length).toBeGreaterThan(64 * 1024);
      const res = await app.inject({ method: 'POST', url: QUERY, headers: { 'content-type': type }, payload });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(413);
      expect(res.json().error.code).toBe('body_too_large');
      await healthy();
    }
    const res = await app.inject({ method: 'POST', url: QUERY, payload: { columns: jsonColumns(big) } });
    expect(res.statusCode).toBe(413);
    await healthy();
  });

  it('answers more rows than the row limit with 413', async () => {
    const rows = binaryTable(6000);
    const res = await app.inject({ method: 'POST', url: QUERY, payload: { columns: { y: jsonColumns(rows).y, p: jsonColumns(rows).p } } });
    expect(res.statusCode).toBe(413);
    const limited = createServer({ rowLimit: 100 });
    const streamed = await limited.inject({ method: 'POST', url: QUERY, headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, payload: await encoded(table, 'arrows') });
    expect(streamed.statusCode, streamed.body).toBe(413);
    expect(streamed.json().error.code).toBe('row_limit');
    await limited.close();
  });
});

describe('limits', () => {
  it('refuses evaluations beyond maxConcurrent with 503 and Retry-After, and times out a stalled body', async () => {
    const app = createServer({ maxConcurrent: 1, requestTimeoutMs: 300 });
    await app.ready();
    const bytes = await encoded(table, 'arrows');
    const stalled = new PassThrough();
    stalled.write(bytes.subarray(0, 200));
    const first = app.inject({ method: 'POST', url: QUERY, headers: { 'content-type': 'application/vnd.apache.arrow.stream' }, payload: stalled });
    await new Promise((r) => setTimeout(r, 50));
    const second = await app.inject({ method: 'POST', url: QUERY, payload: { columns: { y: [0, 1], p: [0.2, 0.9] } } });
    expect(second.statusCode).toBe(503);
    expect(second.headers['retry-after']).toBe('1');
    expect(second.json().error.code).toBe('busy');
    const timedOut = await first;
    expect(timedOut.statusCode).toBe(503);
    expect(timedOut.json().error.code).toBe('timeout');
    stalled.end(bytes.subarray(200));
    await new Promise((r) => setTimeout(r, 50));
    const third = await app.inject({ method: 'POST', url: QUERY, payload: { columns: { y: [0, 1], p: [0.2, 0.9] } } });
    expect(third.statusCode).toBe(200);
    await app.close();
  });
});
