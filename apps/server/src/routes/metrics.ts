import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /metrics`: Prometheus text (requests, durations, rows evaluated, jobs, memory).
 * @param app - the root scope
 * @param context - shared server state
 */
export async function metricsRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get('/metrics', {
    schema: { summary: 'Prometheus metrics', tags: ['health'], produces: ['text/plain'] },
  }, async (_request, reply) => reply
    .type('text/plain; version=0.0.4; charset=utf-8')
    .send(context.metrics.render({ jobs: context.jobs.countByStatus(), inFlight: context.limiter.inFlight })));
}
