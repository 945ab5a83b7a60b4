import type { CliIo } from '../cli-io.js';

/** Parsed options of `modelperf serve`. */
export interface ServeCommandOptions {
  host?: string;
  port?: string;
  dataDir?: string;
  tokenFile?: string;
  bodyLimit?: string;
  rowLimit?: string;
  requestTimeoutMs?: string;
  maxConcurrent?: string;
  logLevel?: string;
}

// A computed specifier keeps the server (Fastify, its static assets) out of the CLI bundle: it is loaded from
// @modelperf/server's own dist at run time, and only by this command.
const SERVER_PACKAGE = ['@modelperf', 'server'].join('/');

/**
 * `modelperf serve`: starts the HTTP API (see apps/server/README.md) and returns once it has shut down (SIGTERM or
 * SIGINT: stops accepting, finishes in-flight requests, cancels jobs). Flags win over the MODELPERF_* environment
 * variables.
 *
 * @param options - parsed command-line options
 * @param io - output streams
 */
export async function serveCommand(options: ServeCommandOptions, io: CliIo): Promise<void> {
  const server = (await import(SERVER_PACKAGE)) as typeof import('@modelperf/server');
  const argv: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'string') argv.push(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
  }
  let config;
  try {
    config = server.serverConfigFromEnv(argv, process.env);
  } catch (error) {
    const { ValidationError } = await import('@modelperf/core');
    throw new ValidationError('invalid_argument', error instanceof Error ? error.message : String(error));
  }
  const running = await server.startServer(config);
  io.stderr.write(`modelperf server listening on ${running.url} (API docs: ${running.url}/docs)\n`);
  // bin.ts may run the CLI as a child of a blocked parent (the huge-pages re-start), which cannot forward SIGTERM:
  // a TERM to the parent kills it alone. Shutting down gracefully when orphaned keeps the server from outliving it.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid !== parent) void running.close();
  }, 500);
  orphanWatch.unref();
  void running.closed.finally(() => clearInterval(orphanWatch));
  if (!(await running.closed)) throw new Error('in-flight work did not finish within the shutdown timeout');
}
