import type { FastifyInstance } from 'fastify';
import { ValidationError } from '@modelperf/core';
import { renderHtml } from '@modelperf/report';
import { HttpError } from '../http-error.js';
import type { Job } from '../jobs/job-store.js';
import { resolveDataPath } from '../resolve-data-path.js';
import type { ServerContext } from '../server-context.js';
import { specFromParams } from '../spec-from-params.js';
import { ERROR_SCHEMA } from './error-schema.js';

const JOB_SCHEMA = {
  description: 'A job: status, progress, and the report when done or the error when failed',
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    path: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
  },
} as const;

const ID_PARAMS = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

/**
 * `POST /v1/jobs`, `GET /v1/jobs/:id`, `DELETE /v1/jobs/:id`: background evaluations of files in the data directory.
 *
 * @param app - the `/v1` scope
 * @param context - shared server state
 */
export async function jobRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const find = (id: string): Job => {
    const job = context.jobs.get(id);
    if (job === undefined) throw new HttpError(404, 'job_not_found', `No job \`${id}\`; it may have been forgotten after finishing.`);
    return job;
  };
  const send = (job: Job | { jobs: unknown[] }): string => JSON.stringify(job, (_key, value: unknown) => (
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value
  ));

  app.post('/jobs', {
    schema: {
      summary: 'Start evaluating a file under the data directory in the background',
      tags: ['jobs'],
      body: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'path relative to the data directory' },
          options: { type: 'object', additionalProperties: true, description: 'evaluation options, as for /v1/evaluate' },
        },
        required: ['path'],
      },
      response: { 202: JOB_SCHEMA, 400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 403: ERROR_SCHEMA, 404: ERROR_SCHEMA, 503: ERROR_SCHEMA },
    },
  }, async (request, reply) => {
    const { path, options } = request.body as { path: string; options?: unknown };
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      throw new ValidationError('invalid_argument', '`options` must be an object of evaluation options.');
    }
    const parsed = specFromParams((options ?? {}) as Record<string, unknown>);
    if (context.options.dataDir === undefined) {
      throw new HttpError(403, 'no_data_dir', 'Jobs are off: the server was started without a data directory (--data-dir).');
    }
    const file = await resolveDataPath(context.options.dataDir, path);
    const job = context.jobs.submit(path, file, parsed);
    if (job === undefined) throw new HttpError(503, 'busy', 'Too many jobs are waiting; retry later.', { 'retry-after': '5' });
    return reply.code(202).header('location', `/v1/jobs/${job.id}`).type('application/json; charset=utf-8').send(send(job));
  });

  app.get('/jobs', {
    schema: {
      summary: 'Every known job, newest first, without reports (status and progress)',
      tags: ['jobs'],
      response: { 200: { type: 'object', additionalProperties: true, properties: { jobs: { type: 'array', items: JOB_SCHEMA } } } },
    },
  }, async (_request, reply) => {
    const jobs = context.jobs.list().map(({ report, ...rest }) => ({ ...rest, hasReport: report !== undefined }));
    return reply.type('application/json; charset=utf-8').send(send({ jobs } as never));
  });

  app.get('/jobs/:id/report.html', {
    schema: {
      summary: 'The report of a finished job as a self-contained HTML page', tags: ['jobs'], params: ID_PARAMS,
      produces: ['text/html'], response: { 404: ERROR_SCHEMA, 409: ERROR_SCHEMA },
    },
  }, async (request, reply) => {
    const job = find((request.params as { id: string }).id);
    if (job.report === undefined) throw new HttpError(409, 'job_not_done', `Job \`${job.id}\` is ${job.status}; it has no report.`);
    return reply.type('text/html; charset=utf-8').send(await renderHtml(job.report, { title: `modelperf report: ${job.path}` }));
  });

  app.get('/jobs/:id', {
    schema: { summary: 'Status, progress and report of a job', tags: ['jobs'], params: ID_PARAMS, response: { 200: JOB_SCHEMA, 404: ERROR_SCHEMA } },
  }, async (request, reply) => {
    const job = find((request.params as { id: string }).id);
    return reply.type('application/json; charset=utf-8').send(send(job));
  });

  app.delete('/jobs/:id', {
    schema: { summary: 'Cancel a job', tags: ['jobs'], params: ID_PARAMS, response: { 200: JOB_SCHEMA, 404: ERROR_SCHEMA } },
  }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    find(id);
    const job = context.jobs.cancel(id) as Job;
    return reply.type('application/json; charset=utf-8').send(send(job));
  });
}
