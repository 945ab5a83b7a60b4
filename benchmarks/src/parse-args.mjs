import { parseArgs } from 'node:util';

/** Usage text of `node benchmarks/src/run.mjs`. */
export const usage = `Usage: node benchmarks/src/run.mjs [options]   (or: pnpm bench -- [options])

Options:
  --rows <list>   comma-separated row counts, e.g. 1e6,1e7 (default 1e6,1e7)
  --runs <n>      timed CLI runs per size, after one warm-up run (default 3)
  --quick         smoke test: 1e5 rows, 1 run, nothing recorded
  --record        write results/<date>.json and the README table even with --quick
  --no-record     do not write results/<date>.json nor the README table
  -h, --help      show this help
`;

/**
 * Parses the runner's command line.
 *
 * @param {string[]} argv - arguments after the script name
 * @returns {{ rows: number[], runs: number, quick: boolean, record: boolean, help: boolean }}
 * @throws {Error} with a one-line message on an unknown option or a bad value
 * @example
 * parseBenchArgs(['--rows', '1e6,1e7', '--runs', '5']); // { rows: [1000000, 10000000], runs: 5, ... }
 */
export function parseBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      rows: { type: 'string' },
      runs: { type: 'string' },
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
  return { rows, runs, quick, record, help: values.help === true };
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
