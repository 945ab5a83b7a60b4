/**
 * @modelperf/server — the modelperf HTTP API, library-first: `createServer(options)` returns the Fastify app;
 * `startServer` also listens and shuts down gracefully on SIGTERM/SIGINT.
 */
export { createServer } from './create-server.js';
export { startServer, type StartOptions, type RunningServer } from './start-server.js';
export { serverConfigFromEnv, type ServerConfig } from './server-config.js';
export { DEFAULTS, type ServerOptions } from './server-context.js';
export { HttpError } from './http-error.js';
export { specFromParams, type RequestSpec } from './spec-from-params.js';
