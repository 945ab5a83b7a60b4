import type { ConcurrencyLimiter } from './concurrency-limiter.js';
import type { JobStore } from './jobs/job-store.js';
import type { ServerMetrics } from './server-metrics.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** Directory that `POST /v1/jobs` paths are relative to; jobs are refused (403) without it. */
  dataDir?: string;
  /** When set, every `/v1` route needs `Authorization: Bearer <token>`. */
  token?: string;
  /** The most bytes of a request body (default 1 GiB). */
  bodyLimit?: number;
  /** The most rows one evaluation may hold (default: no limit). */
  rowLimit?: number;
  /** Time an evaluation request may take, body included, before it is answered 503 `timeout` (default 5 minutes). */
  requestTimeoutMs?: number;
  /** Evaluation requests that run at once; beyond it 503 with `Retry-After` (default 4). */
  maxConcurrent?: number;
  /** Background jobs that run at once (default 1). */
  jobConcurrency?: number;
  /** Fastify's logger option: `true` for JSON lines on stderr, a pino options object, or false (default). */
  logger?: boolean | Record<string, unknown>;
}

/** Defaults of {@link ServerOptions}. */
export const DEFAULTS = {
  bodyLimit: 1024 ** 3,
  requestTimeoutMs: 5 * 60_000,
  maxConcurrent: 4,
  jobConcurrency: 1,
} as const;

/** What the routes share: the options, the evaluation slots, the counters and the jobs. */
export interface ServerContext {
  readonly options: ServerOptions & { bodyLimit: number; requestTimeoutMs: number };
  readonly limiter: ConcurrencyLimiter;
  readonly metrics: ServerMetrics;
  readonly jobs: JobStore;
  /** Set when the server starts closing; `/readyz` then answers 503. */
  closing: boolean;
}
