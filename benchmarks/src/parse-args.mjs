import os from 'node:os';
import { parseArgs } from 'node:util';
import { backendNames, modeNames } from './modes.mjs';
import { defaultPython } from './sklearn.mjs';

/** Rows of the `--huge` cases (streamed exact and binned modes only). */
export const hugeRows = 1e8;

/** Usage text of `node benchmarks/src/run.mjs`. */
export const usage = `Usage: node benchmarks/src/run.mjs [options]   (or: pnpm bench -- [options])

Options:
  --rows <list>     comma-separated row counts, e.g. 1e6,1e7 (default 1e6,1e7)
  --runs <n>        timed CLI runs per size, mode, thread count and backend, after one warm-up run (default 3)
  --modes <list>    evaluation modes: exact (whole file), stream (exact, --stream, from .arrows),
                    binned (--curve-mode binned, streamed) (default exact,stream,binned)
  --bins <n>        histogram bins of the binned mode (default: the CLI's, 65536)
  --threads <list>  thread counts, each mode run once per count (--threads of the CLI): positive integers
                    or "all" (the available cores), e.g. 1,2,all (default 1,all); exact on js splits its
                    score sort across them; the tfjs exact case runs once, on one thread
  --backends <list> kernel backends of the exact mode (--backend of the CLI): js (float64 JavaScript, once
                    per thread count), tfjs (TensorFlow.js: tfjs-node-gpu or tfjs-node when installed, else
                    its pure-JS cpu backend; once, on one thread) (default js,tfjs); the streamed modes have
                    js kernels only and run on js; the targets are judged on the js cases, scikit-learn is
                    compared with the js case on the most threads
  --huge            also 1e8 rows in the stream and binned modes: generates benchmarks/data/*.arrows of
                    about 1.4 GB once (reused), one timed run without warm-up, several minutes
  --server          also the HTTP server benchmark: POST /v1/evaluate with 1e4- and 1e6-row Arrow streams
                    (autocannon, fixed request counts, a server child on 127.0.0.1)
  --server-only     only the HTTP server benchmark (no CLI modes, no scikit-learn)
  --no-sklearn      skip the scikit-learn comparison
  --python <path>   interpreter with scikit-learn and numpy (default ${defaultPython})
  --quick           smoke test: 1e5 rows, 1 run, nothing recorded
  --record          write results/<date>.json and the README tables even with --quick
  --no-record       do not write results/<date>.json nor the README tables
  -h, --help        show this help
`;

/**
 * Parses the runner's command line.
 *
 * @param {string[]} argv - arguments after the script name
 * @param {{ cores?: number }} [machine] - `cores`: what `all` threads means (default `os.availableParallelism()`)
 * @returns {{ rows: number[], runs: number, quick: boolean, record: boolean, help: boolean, huge: boolean,
 *   modes: string[], bins: number | undefined, threads: number[], backends: string[], sklearn: boolean, python: string,
 *   server: boolean, serverOnly: boolean }} `threads` ascending and deduplicated; `backends` deduplicated, js first
 * @throws {Error} with a one-line message on an unknown option or a bad value
 * @example
 * parseBenchArgs(['--rows', '1e6,1e7', '--runs', '5']); // { rows: [1000000, 10000000], runs: 5, threads: [1, 16], ... }
 * parseBenchArgs(['--threads', '1,2,all'], { cores: 2 }).threads; // [1, 2]
 * parseBenchArgs(['--backends', 'tfjs']).backends; // ['tfjs']
 */
export function parseBenchArgs(argv, machine = {}) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      rows: { type: 'string' },
      runs: { type: 'string' },
      modes: { type: 'string' },
      bins: { type: 'string' },
      threads: { type: 'string' },
      backends: { type: 'string' },
      huge: { type: 'boolean', default: false },
      server: { type: 'boolean', default: false },
      'server-only': { type: 'boolean', default: false },
      'no-sklearn': { type: 'boolean', default: false },
      python: { type: 'string' },
      quick: { type: 'boolean', default: false },
      record: { type: 'boolean' },
      'no-record': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const quick = values.quick === true;
  const rows = values.rows !== undefined ? parseRows(values.rows) : quick ? [1e5] : [1e6, 1e7];
  const runs = values.runs !== undefined ? parsePositiveInteger('--runs', values.runs) : quick ? 1 : 3;
  if (values.record === true && values['no-record'] === true) throw new Error('--record and --no-record: choose one');
  const record = values.record === true || (!quick && values['no-record'] !== true);
  const modes = values.modes !== undefined ? parseModes(values.modes) : [...modeNames];
  const bins = values.bins !== undefined ? parsePositiveInteger('--bins', values.bins) : undefined;
  const cores = machine.cores ?? os.availableParallelism();
  const threads = parseThreads(values.threads ?? '1,all', cores);
  const backends = parseBackends(values.backends ?? backendNames.join(','));
  if (values.python === '') throw new Error('--python: expected a path');
  return {
    rows,
    runs,
    quick,
    record,
    help: values.help === true,
    huge: values.huge === true,
    modes,
    bins,
    threads,
    backends,
    sklearn: values['no-sklearn'] !== true && values['server-only'] !== true,
    server: values.server === true || values['server-only'] === true,
    serverOnly: values['server-only'] === true,
    python: values.python ?? defaultPython,
  };
}

function parseModes(text) {
  const modes = [...new Set(text.split(',').map((part) => part.trim()))];
  for (const mode of modes) {
    if (!modeNames.includes(mode)) throw new Error(`--modes: expected a list of ${modeNames.join(', ')}, got "${text}"`);
  }
  return modeNames.filter((mode) => modes.includes(mode));
}

function parseBackends(text) {
  const backends = new Set(text.split(',').map((part) => part.trim()));
  for (const backend of backends) {
    if (!backendNames.includes(backend)) throw new Error(`--backends: expected a list of ${backendNames.join(', ')}, got "${text}"`);
  }
  return backendNames.filter((backend) => backends.has(backend));
}

function parseThreads(text, cores) {
  const threads = text.split(',').map((part) => {
    const trimmed = part.trim();
    if (trimmed === 'all') return cores;
    const value = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`--threads: expected a list of positive integers or "all", such as 1,2,all, got "${text}"`);
    }
    return value;
  });
  return [...new Set(threads)].sort((a, b) => a - b);
}

function parseRows(text) {
  const rows = text.split(',').map((part) => parsePositiveInteger('--rows', part.trim()));
  if (rows.some((n) => n > 2147483647)) {
    throw new Error(`--rows: at most 2147483647 rows (Int32 ids), got ${text}`);
  }
  return [...new Set(rows)].sort((a, b) => a - b);
}

function parsePositiveInteger(flag, text) {
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${flag}: expected a positive integer such as 3 or 1e6, got "${text}"`);
  }
  return value;
}
