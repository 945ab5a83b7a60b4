import type { FastifyInstance } from 'fastify';
import { createServer } from './create-server.js';
import type { ServerConfig } from './server-config.js';

/** Options of {@link startServer}. */
export interface StartOptions extends ServerConfig {
  /** Signals that shut the server down gracefully (default SIGTERM and SIGINT); `[]` installs none. */
  signals?: NodeJS.Signals[];
  /** Longest wait for in-flight work on shutdown before giving up (default 30 s). */
  shutdownTimeoutMs?: number;
}

/** A listening server. */
export interface RunningServer {
  readonly app: FastifyInstance;
  /** The URL it listens on, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Resolves when the server has closed (after a signal or {@link RunningServer.close}); true when it closed in time. */
  readonly closed: Promise<boolean>;
  /** Stops accepting, finishes in-flight requests, cancels jobs. */
  close(): Promise<boolean>;
}

/**
 * Builds the server and listens; on SIGTERM (or SIGINT) it stops accepting connections, lets in-flight requests
 * finish, cancels background jobs and closes.
 *
 * @param options - where to listen, the server options, signals and shutdown timeout
 * @returns the running server
 * @example
 * ```ts
 * const server = await startServer({ host: '127.0.0.1', port: 8080 });
 * await server.closed;
 * ```
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { host, port, signals = ['SIGTERM', 'SIGINT'], shutdownTimeoutMs = 30_000, ...serverOptions } = options;
  const app = createServer(serverOptions);
  const url = await app.listen({ host, port });
  let resolveClosed: (inTime: boolean) => void = () => undefined;
  const closed = new Promise<boolean>((resolve) => { resolveClosed = resolve; });
  let closing: Promise<boolean> | undefined;
  const close = (): Promise<boolean> => {
    closing ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([
        app.close().then(() => true),
        new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), shutdownTimeoutMs); timer.unref(); }),
      ]);
      clearTimeout(timer);
      for (const signal of signals) process.off(signal, onSignal);
      resolveClosed(inTime);
      return inTime;
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    app.log.info({ signal }, 'shutting down');
    void close();
  };
  for (const signal of signals) process.on(signal, onSignal);
  return { app, url, closed, close };
}
