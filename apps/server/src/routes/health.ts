import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { ERROR_SCHEMA } from './error-schema.js';

const STATUS_SCHEMA = { type: 'object', properties: { status: { type: 'string' } } } as const;

/**
 * `GET /healthz` (the process answers) and `GET /readyz` (it takes work: not closing).
 * @param app - the root scope
 * @param context - shared server state
 */
export async function healthRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['health'], response: { 200: STATUS_SCHEMA } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', {
    schema: { summary: 'Readiness: 503 while shutting down', tags: ['health'], response: { 200: STATUS_SCHEMA, 503: ERROR_SCHEMA } },
  }, async (_request, reply) => {
    if (context.closing) return reply.code(503).send({ error: { code: 'shutting_down', message: 'The server is shutting down.' } });
    return { status: 'ready' };
  });
}
