import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Load settings of the server benchmark per body size: fixed request counts, connections and a time cap. */
export const serverLoads = Object.freeze([
  Object.freeze({ rows: 1e4, amount: 2000, connections: 4, maxSeconds: 60 }),
  Object.freeze({ rows: 1e6, amount: 40, connections: 2, maxSeconds: 120 }),
]);

/** Query of every benchmark request: the default binary report of the generated columns. */
export const serverQuery = '/v1/evaluate?task=binary&label=label&score=score';

/**
 * Starts `node <serverBin> --host 127.0.0.1 --port 0 --log-level silent` as a child and waits for its
 * `listening on <url>` line on stderr.
 *
 * @param {string} serverBin - apps/server/dist/bin.js
 * @param {string[]} [extraArgs] - more server flags
 * @returns {Promise<{ url: string, stop: () => Promise<number | null> }>} its URL, and a stop that sends SIGTERM
 *   and resolves with the exit code
 */
export function startServerChild(serverBin, extraArgs = []) {
  const child = spawn(process.execPath, [serverBin, '--host', '127.0.0.1', '--port', '0', '--log-level', 'silent', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${serverBin}: no "listening" line within 30 s: ${stderr}`));
    }, 30_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (match !== null) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${serverBin} exited with ${code} before listening: ${stderr}`));
    });
  });
}

/**
 * The HTTP server benchmark: for each load of {@link serverLoads}, POSTs the seeded `.arrows` stream of that many
 * rows to `/v1/evaluate` (`application/vnd.apache.arrow.stream`) with autocannon, a fixed number of requests over a
 * fixed number of connections, against a fresh server child on 127.0.0.1 (ephemeral port). Records throughput
 * (requests/s, rows/s, MB/s of body) and latency percentiles.
 *
 * @param {object} args
 * @param {string} args.serverBin - apps/server/dist/bin.js
 * @param {(rows: number) => Promise<{ path: string, bytes: number }>} args.ensureStream - makes or reuses the `.arrows` file
 * @param {(options: object) => Promise<object>} args.autocannon - the autocannon function
 * @param {{ rows: number, amount: number, connections: number, maxSeconds: number }[]} [args.loads]
 * @param {(message: string) => void} [args.log]
 * @returns {Promise<object[]>} one case per load
 * @example
 * const cases = await runServerBenchmark({ serverBin, ensureStream, autocannon });
 */
export async function runServerBenchmark({ serverBin, ensureStream, autocannon, loads = serverLoads, log = () => {} }) {
  const cases = [];
  for (const load of loads) {
    const input = await ensureStream(load.rows);
    const body = readFileSync(input.path);
    const server = await startServerChild(serverBin, ['--max-concurrent', String(Math.max(4, load.connections))]);
    try {
      const options = {
        url: `${server.url}${serverQuery}`,
        method: 'POST',
        headers: { 'content-type': 'application/vnd.apache.arrow.stream' },
        body,
        connections: load.connections,
      };
      log(`${basename(input.path)}: POST /v1/evaluate, 1 warm-up request + ${load.amount} requests over ${load.connections} connection(s)`);
      await autocannon({ ...options, connections: 1, amount: Math.min(load.connections * 2, 10), duration: load.maxSeconds });
      const started = performance.now();
      const r = await autocannon({ ...options, amount: load.amount, duration: load.maxSeconds });
      const seconds = (performance.now() - started) / 1000;
      const completed = r['2xx'] ?? 0;
      const entry = {
        endpoint: 'POST /v1/evaluate',
        content_type: 'application/vnd.apache.arrow.stream',
        rows: load.rows,
        file: basename(input.path),
        body_bytes: body.length,
        requests: load.amount,
        connections: load.connections,
        max_seconds: load.maxSeconds,
        completed,
        errors: r.errors,
        timeouts: r.timeouts,
        non_2xx: r.non2xx,
        seconds: round(seconds, 2),
        requests_per_s: round(completed / seconds, 1),
        rows_per_s: Math.round((completed * load.rows) / seconds),
        body_mb_per_s: round((completed * body.length) / seconds / 1e6, 1),
        latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: round(r.latency.average, 1) },
      };
      cases.push(entry);
      log(
        `${basename(input.path)}: ${entry.requests_per_s} req/s, ${(entry.rows_per_s / 1e6).toFixed(1)} M rows/s, ` +
          `latency p50 ${entry.latency_ms.p50} ms, p90 ${entry.latency_ms.p90} ms, p99 ${entry.latency_ms.p99} ms` +
          `${entry.errors + entry.non_2xx > 0 ? `, ${entry.errors} errors, ${entry.non_2xx} non-2xx` : ''}`,
      );
    } finally {
      const code = await server.stop();
      if (code !== 0) log(`server exited with ${code}`);
    }
  }
  return cases;
}

function round(x, digits) {
  return Number(x.toFixed(digits));
}
