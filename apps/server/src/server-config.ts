import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ServerOptions } from './server-context.js';

/** Where to listen and how to build the server, from the command line and the environment. */
export interface ServerConfig extends ServerOptions {
  host: string;
  port: number;
}

/** Environment variables read by {@link serverConfigFromEnv}, each with its command-line flag. */
export const ENV_VARS = {
  MODELPERF_HOST: 'host',
  MODELPERF_PORT: 'port',
  MODELPERF_DATA_DIR: 'data-dir',
  MODELPERF_TOKEN_FILE: 'token-file',
  MODELPERF_BODY_LIMIT: 'body-limit',
  MODELPERF_ROW_LIMIT: 'row-limit',
  MODELPERF_REQUEST_TIMEOUT_MS: 'request-timeout-ms',
  MODELPERF_MAX_CONCURRENT: 'max-concurrent',
  MODELPERF_LOG_LEVEL: 'log-level',
} as const;

function count(name: string, value: string | undefined, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(v) || v < (allowZero ? 0 : 1)) {
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer (e.g. 1e6), got "${value}".`);
  }
  return v;
}

/**
 * Reads the server configuration: flags win over environment variables, which win over defaults
 * (127.0.0.1:8080). The token is read from the token file (trimmed).
 *
 * @param argv - arguments, e.g. `['--port', '9000']`
 * @param env - the environment
 * @returns the configuration
 * @throws Error naming a bad flag or an unreadable/empty token file
 * @example
 * ```ts
 * serverConfigFromEnv(['--port', '0'], { MODELPERF_DATA_DIR: '/srv/data' });
 * ```
 */
export function serverConfigFromEnv(argv: readonly string[], env: Record<string, string | undefined>): ServerConfig {
  const { values } = parseArgs({
    // `pnpm start -- --port 9000` passes the `--` through.
    args: argv[0] === '--' ? argv.slice(1) : [...argv],
    options: Object.fromEntries(Object.values(ENV_VARS).map((flag) => [flag, { type: 'string' }])),
    strict: true,
    allowPositionals: false,
  });
  const get = (flag: string): string | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return fromFlag;
    const name = Object.entries(ENV_VARS).find(([, f]) => f === flag)?.[0] as string;
    return env[name] === '' ? undefined : env[name];
  };
  let token: string | undefined;
  const tokenFile = get('token-file');
  if (tokenFile !== undefined) {
    token = readFileSync(tokenFile, 'utf8').trim();
    if (token === '') throw new Error(`The token file ${tokenFile} is empty.`);
  }
  const level = get('log-level') ?? 'info';
  return {
    host: get('host') ?? '127.0.0.1',
    port: count('port', get('port'), true) ?? 8080,
    dataDir: get('data-dir'),
    token,
    bodyLimit: count('body-limit', get('body-limit')),
    rowLimit: count('row-limit', get('row-limit')),
    requestTimeoutMs: count('request-timeout-ms', get('request-timeout-ms')),
    maxConcurrent: count('max-concurrent', get('max-concurrent')),
    logger: level === 'silent' ? false : { level },
  };
}
