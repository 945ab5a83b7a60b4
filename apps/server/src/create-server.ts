import Fastify, { LogController, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { bearerTokenCheck } from './bearer-token.js';
import { ConcurrencyLimiter } from './concurrency-limiter.js';
import { errorHandler } from './error-handler.js';
import { HttpError } from './http-error.js';
import { JobStore } from './jobs/job-store.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { metricsRoutes } from './routes/metrics.js';
import { uiRoutes } from './routes/ui.js';
import { DEFAULTS, type ServerContext, type ServerOptions } from './server-context.js';
import { ServerMetrics } from './server-metrics.js';
import { VERSION } from './version.js';

/**
 * Builds the modelperf HTTP API as a Fastify instance, not yet listening: call `listen`, or `inject` in tests.
 *
 * @remarks
 * Routes: `GET /` (web page) and `GET /app.js`, `GET /healthz`, `GET /readyz`, `GET /metrics`, `GET /openapi.json`, `GET /docs`, and under `/v1` (bearer
 * token when `token` is set): `POST /v1/evaluate`, `POST /v1/schema`, `POST /v1/report.html`, `POST /v1/jobs`, `GET /v1/jobs`, `GET /v1/jobs/:id`,
 * `GET /v1/jobs/:id/report.html`, `DELETE /v1/jobs/:id`.
 * Closing the instance cancels pending jobs.
 *
 * @param options - data directory, token and limits
 * @returns the Fastify instance
 * @example
 * ```ts
 * const app = createServer({ dataDir: '/srv/data', logger: true });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 * ```
 */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const resolved = {
    ...options,
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
  };
  const metrics = new ServerMetrics();
  const context: ServerContext = {
    options: resolved,
    limiter: new ConcurrencyLimiter(options.maxConcurrent ?? DEFAULTS.maxConcurrent),
    metrics,
    jobs: new JobStore({
      concurrency: options.jobConcurrency ?? DEFAULTS.jobConcurrency,
      rowLimit: options.rowLimit,
      onEvaluated: (rows) => metrics.observeEvaluation(rows),
    }),
    closing: false,
  };
  const logger = options.logger === true ? { stream: process.stderr } : options.logger === false || options.logger === undefined
    ? false : { stream: process.stderr, ...options.logger };
  const app = Fastify({
    logger,
    bodyLimit: resolved.bodyLimit,
    // One log line per request is written in onResponse, below.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => reply.code(404).send({
    error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}; see /docs.` },
  }));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info({
      method: request.method, url: request.url, route, status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    }, 'request');
  });
  app.addHook('preClose', async () => {
    context.closing = true;
  });
  app.addHook('onClose', async () => {
    await context.jobs.close();
  });

  void app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'modelperf', version: VERSION, description: 'Exact ML evaluation metrics over Apache Arrow columns.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: ({ schema, url }) => ({
      schema: (url.startsWith('/v1') ? { ...schema, security: [{ bearer: [] }] } : schema) as never,
      url,
    }),
  });
  void app.register(swaggerUi, { routePrefix: '/docs' });
  void app.register(async (root) => {
    await healthRoutes(root, context);
    await metricsRoutes(root, context);
    await uiRoutes(root, context);
    root.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
  void app.register(async (v1) => {
    if (options.token !== undefined) {
      const check = bearerTokenCheck(options.token);
      v1.addHook('onRequest', async (request) => check(request.headers.authorization));
    }
    await evaluateRoutes(v1, context);
    await jobRoutes(v1, context);
  }, { prefix: '/v1' });
  return app;
}

export { HttpError };
