import { spawn } from 'node:child_process';

/**
 * Runs `node <cli> evaluate <file> --task binary --label label --score score --format json` once and measures its
 * wall time, process start to exit.
 *
 * @param {object} args
 * @param {string} args.cli - path of the CLI entry (`apps/cli/dist/bin.js`)
 * @param {string} args.file - Arrow file to evaluate
 * @param {string[]} [args.extraArgs] - appended after `--format json` (the mode's flags, e.g. `--stream`)
 * @returns {Promise<{ wallMs: number, report: { rows: number, timing_ms?: Record<string, number> } }>}
 * @throws {Error} when the CLI exits non-zero or prints something that is not a JSON report
 * @example
 * const { wallMs, report } = await runCliOnce({ cli: 'apps/cli/dist/bin.js', file: 'benchmarks/data/x.arrow' });
 */
export function runCliOnce({ cli, file, extraArgs = [] }) {
  const args = [cli, 'evaluate', file, '--task', 'binary', '--label', 'label', '--score', 'score', '--format', 'json', ...extraArgs];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const out = Buffer.concat(stdout).toString('utf8');
      const err = Buffer.concat(stderr).toString('utf8').trim();
      if (code !== 0) {
        reject(new Error(`CLI failed (exit ${code ?? signal}): node ${args.join(' ')}\n${err}`));
        return;
      }
      let report;
      try {
        report = JSON.parse(out);
      } catch (error) {
        reject(new Error(`CLI printed no JSON report on stdout: node ${args.join(' ')}\n${out.slice(0, 300)}`, { cause: error }));
        return;
      }
      resolve({ wallMs, report });
    });
  });
}

/**
 * Times the CLI end to end: one untimed warm-up run (it puts the file in the OS page cache, so that the timed runs
 * measure modelperf rather than the disk), then `runs` timed runs.
 *
 * @param {object} args
 * @param {string} args.cli - path of the CLI entry
 * @param {string} args.file - Arrow file to evaluate
 * @param {number} args.rows - expected rows; the report's `rows` must match
 * @param {number} args.runs - timed runs
 * @param {string[]} [args.extraArgs] - the mode's flags, see {@link runCliOnce}
 * @param {boolean} [args.warmup] - run the untimed warm-up first (default true)
 * @returns {Promise<{ wall_ms: { min: number, median: number, runs: number[] }, timing_ms: Record<string, number>, report: object }>}
 *   `timing_ms` holds the per-field medians of the reports' `timing_ms` (`read`, `compute`, `total`; `total` defaults
 *   to `read + compute` when the report lacks it); `report` is the last timed run's report
 * @example
 * const timing = await timeCli({ cli, file, rows: 1e6, runs: 3 });
 */
export async function timeCli({ cli, file, rows, runs, extraArgs = [], warmup = true }) {
  if (warmup) await runCliOnce({ cli, file, extraArgs });
  const walls = [];
  const timings = [];
  let last;
  for (let run = 0; run < runs; run += 1) {
    const { wallMs, report } = await runCliOnce({ cli, file, extraArgs });
    last = report;
    if (report.rows !== rows) throw new Error(`CLI report says rows = ${report.rows}, expected ${rows} (${file})`);
    walls.push(wallMs);
    timings.push(normalizeTiming(report.timing_ms));
  }
  const fields = [...new Set(timings.flatMap((t) => Object.keys(t)))];
  const timing = Object.fromEntries(fields.map((f) => [f, median(timings.map((t) => t[f]).filter(Number.isFinite))]));
  return { wall_ms: { min: Math.min(...walls), median: median(walls), runs: walls.map(round1) }, timing_ms: timing, report: last };
}

function normalizeTiming(timing) {
  const out = {};
  for (const [key, value] of Object.entries(timing ?? {})) if (typeof value === 'number') out[key] = value;
  if (out.total === undefined && out.read !== undefined && out.compute !== undefined) out.total = out.read + out.compute;
  return out;
}

/**
 * @param {number[]} values - at least one number
 * @returns {number} the median (mean of the two middle values for an even count)
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}
