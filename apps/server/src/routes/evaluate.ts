import type { RecordBatch, Table } from 'apache-arrow';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { evaluateBatches, evaluateTable, readTableBytes, reportToJson as reportToJsonText, type InputFormat, type Report } from '@modelperf/core';
import { readBatches } from '@modelperf/core/node';
import { parseReportJson, renderHtml } from '@modelperf/report';
import type { Lease } from '../concurrency-limiter.js';
import { HttpError } from '../http-error.js';
import {
  alignedBytes, collectBytes, drainUnreadBody, EVALUATE_CONTENT_TYPES, limitBody, tableFromJsonBody, type BodyGuard, type EvaluateContentType,
} from '../request-body.js';
import type { ServerContext } from '../server-context.js';
import { OPTIONS_SCHEMA, specFromParams } from '../spec-from-params.js';
import { ERROR_SCHEMA } from './error-schema.js';

const STREAMED = ['application/vnd.apache.arrow.stream', 'text/csv'];
const BUFFERED = ['application/vnd.apache.arrow.file', 'application/vnd.apache.parquet'];

/** The evaluate query string: the evaluation options plus `format` (`json`, the default, or `html`). */
const EVALUATE_QUERY_SCHEMA = {
  ...OPTIONS_SCHEMA,
  properties: {
    ...OPTIONS_SCHEMA.properties,
    format: { type: 'string', enum: ['json', 'html'], description: 'json (default): the report JSON; html: the self-contained HTML report' },
  },
} as const;

function contentTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * `POST /v1/evaluate`: evaluates the predictions in the request body and answers the report.
 * Arrow streams and CSV are read batch by batch as they arrive; Arrow files and Parquet are buffered (they need
 * random access); JSON columns become an Arrow table.
 *
 * @param app - the `/v1` scope
 * @param context - shared server state
 */
export async function evaluateRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const leases = new WeakMap<FastifyRequest, Lease>();
  // Streamed bodies are handed to the handler unread; their size is counted as they are read.
  app.addContentTypeParser(STREAMED, (_request, payload, done) => done(null, payload));
  app.addContentTypeParser(BUFFERED, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/evaluate', {
    schema: {
      summary: 'Evaluate predictions sent in the request body',
      description:
        'Body: an Arrow IPC stream (application/vnd.apache.arrow.stream, streamed), an Arrow IPC file ' +
        '(application/vnd.apache.arrow.file), Parquet (application/vnd.apache.parquet), CSV (text/csv, streamed) or ' +
        'JSON columns (application/json: `{ "columns": { "y": [...], "p": [...] }, "options": { ... } }`). ' +
        'Options come from the query string (and, for JSON, from `options`); lists are comma-separated.',
      tags: ['evaluate'],
      querystring: EVALUATE_QUERY_SCHEMA,
      response: {
        200: { description: 'The report (modelperf/report@1), or with format=html the HTML report', type: 'object', additionalProperties: true },
        400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 413: ERROR_SCHEMA, 415: ERROR_SCHEMA, 422: ERROR_SCHEMA, 503: ERROR_SCHEMA,
      },
    },
    // The slot is taken before the body is read, so that refused requests cost no memory.
    onRequest: async (request) => {
      const lease = context.limiter.tryAcquire();
      if (lease === undefined) {
        throw new HttpError(503, 'busy', `The server is running ${context.limiter.max} evaluations; retry shortly.`, { 'retry-after': '1' });
      }
      leases.set(request, lease);
    },
    onResponse: async (request) => leases.get(request)?.release(),
    onRequestAbort: async (request) => leases.get(request)?.release(),
  }, async (request, reply) => {
    const contentType = contentTypeOf(request);
    const format = EVALUATE_CONTENT_TYPES[contentType as EvaluateContentType];
    if (format === undefined) {
      throw new HttpError(415, 'unsupported_media_type',
        `Content type \`${contentType || '(none)'}\` is not accepted; send one of: ${Object.keys(EVALUATE_CONTENT_TYPES).join(', ')}.`);
    }
    const { format: output, ...query } = request.query as Record<string, unknown>;
    const guard: BodyGuard = { bytes: 0 };
    const work = evaluateBody(request, query, format, guard, context);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        guard.error = new HttpError(503, 'timeout', `The evaluation took longer than ${context.options.requestTimeoutMs} ms.`, { 'retry-after': '1' });
        reject(guard.error);
      }, context.options.requestTimeoutMs);
    });
    // Work that cannot be stopped keeps its slot until it ends, so the bound on concurrent work holds.
    leases.get(request)?.hold(work);
    let report: Report;
    try {
      report = await Promise.race([work, timeout]);
    } catch (error) {
      // A streamed body may be partly unread: drain it so that the client gets this error, not a reset.
      if (STREAMED.includes(contentType)) drainUnreadBody(request.raw);
      throw guard.error ?? error;
    } finally {
      clearTimeout(timer);
    }
    context.metrics.observeEvaluation(report.rows);
    if (output === 'html') return reply.type('text/html; charset=utf-8').send(await renderHtml(report));
    return reply.type('application/json; charset=utf-8').send(reportToJsonText(report));
  });

  app.post('/schema', {
    schema: {
      summary: 'The columns (name and Arrow type) and row count of a file sent in the request body',
      description: 'Body: an Arrow IPC stream or file, Parquet or CSV, with the content types of /v1/evaluate. Used by the web page to offer columns.',
      tags: ['evaluate'],
      response: {
        200: {
          type: 'object',
          properties: {
            columns: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } } } },
            rows: { type: 'integer' },
          },
        },
        400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 413: ERROR_SCHEMA, 415: ERROR_SCHEMA, 422: ERROR_SCHEMA,
      },
    },
  }, async (request) => {
    const contentType = contentTypeOf(request);
    const format = EVALUATE_CONTENT_TYPES[contentType as EvaluateContentType];
    if (format === undefined || format === 'json') {
      throw new HttpError(415, 'unsupported_media_type',
        `Content type \`${contentType || '(none)'}\` is not accepted; send one of: ${[...STREAMED, ...BUFFERED].join(', ')}.`);
    }
    let bytes: Uint8Array;
    if (STREAMED.includes(contentType)) {
      const guard: BodyGuard = { bytes: 0 };
      try {
        bytes = await collectBytes(limitBody(request.body as AsyncIterable<Uint8Array>, context.options.bodyLimit, guard));
      } catch (error) {
        drainUnreadBody(request.raw);
        throw guard.error ?? error;
      }
    } else {
      bytes = alignedBytes(request.body as Buffer);
    }
    const table = await readTableBytes(bytes, format);
    return { columns: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: table.numRows };
  });

  app.post('/report.html', {
    schema: {
      summary: 'Render a report JSON (modelperf/report@1) as the self-contained HTML report',
      tags: ['evaluate'],
      body: { type: 'object', additionalProperties: true },
      produces: ['text/html'],
      response: { 400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 413: ERROR_SCHEMA, 422: ERROR_SCHEMA },
    },
  }, async (request, reply) => {
    const report = parseReportJson(JSON.stringify(request.body), 'the request body');
    return reply.type('text/html; charset=utf-8').send(await renderHtml(report));
  });
}

async function evaluateBody(
  request: FastifyRequest, query: Record<string, unknown>, format: InputFormat | 'json', guard: BodyGuard, context: ServerContext,
): Promise<Report> {
  const { bodyLimit, rowLimit } = context.options;
  const checkRows = (rows: number): void => {
    if (rowLimit !== undefined && rows > rowLimit) {
      guard.error = new HttpError(413, 'row_limit', `The input has more than the row limit of ${rowLimit} rows.`);
      throw guard.error;
    }
  };
  const started = performance.now();
  let table: Table;
  if (format === 'json') {
    const decoded = tableFromJsonBody(request.body);
    const { spec } = specFromParams({ ...decoded.options, ...query });
    table = decoded.table;
    checkRows(table.numRows);
    return withInput(await evaluateTable(table, spec), format, guard.bytes, started);
  }
  const { spec, curveMode, histogramBins } = specFromParams(query);
  if (format === 'arrows' || format === 'csv') {
    const body = limitBody(request.body as AsyncIterable<Uint8Array>, bodyLimit, guard);
    if ((spec.by?.length ?? 0) > 0 || spec.ci !== undefined) {
      // Slices and intervals need the whole table.
      table = await readTableBytes(await collectBytes(body), format);
    } else {
      const reader = await readBatches('-', { format, stdin: body });
      try {
        async function* counted(): AsyncGenerator<RecordBatch> {
          let rows = 0;
          for await (const batch of reader) {
            rows += batch.numRows;
            checkRows(rows);
            yield batch;
          }
        }
        const report = await evaluateBatches(counted(), spec, { curveMode, histogramBins });
        return withInput(report, format, guard.bytes, started);
      } finally {
        await reader.close();
      }
    }
  } else {
    const bytes = request.body as Buffer;
    guard.bytes = bytes.length;
    table = await readTableBytes(alignedBytes(bytes), format);
  }
  checkRows(table.numRows);
  return withInput(await evaluateTable(table, spec), format, guard.bytes, started);
}

function withInput(report: Report, format: string, bytes: number, started: number): Report {
  const { schema, task, rows, ...rest } = report;
  const total = Math.round((performance.now() - started) * 10) / 10;
  return { schema, task, rows, input: { path: 'request body', format, bytes }, ...rest, timing_ms: { ...rest.timing_ms, total } };
}
