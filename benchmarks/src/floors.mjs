/**
 * The "floor" benchmarks of issue 4: how close a full evaluation comes to the least work any implementation must do.
 *
 * - binary: the full exact binary report (`evaluateTable`, every metric, ROC, PR, calibration) of the 1e7-row data set
 *   against a bare radix argsort of the same scores (core's `radixSortFloat64` with the row index as payload): the sort
 *   is the floor of any exact ranking metric. Target: at most 1.3x.
 * - regression: the full regression report of a seeded 1e7-row regression table against one plain float64 loop
 *   summing the squared and absolute differences and the targets. Target: at most 2x.
 *
 * Both sides run in this process, on data already in memory, min of `runs` after one untimed warm-up; each timed
 * sort works on a fresh copy of the scores (the copy is not timed).
 */

/**
 * Times `fn` `runs` times after one untimed call and returns the minimum in milliseconds (one decimal).
 * @param {() => unknown} fn
 * @param {number} runs
 * @param {() => void} [before] - untimed set-up before each call
 * @returns {Promise<number>}
 */
export async function minTime(fn, runs, before = () => {}) {
  before();
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    before();
    const started = performance.now();
    await fn();
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best * 10) / 10;
}

/**
 * The plain float64 summation loop the regression target is measured against.
 * @param {Float64Array} y
 * @param {Float64Array} p
 * @returns {number} a value that depends on every row (so the loop cannot be dropped)
 */
export function sumLoop(y, p) {
  let sq = 0;
  let ab = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i += 1) {
    const d = y[i] - p[i];
    sq += d * d;
    ab += Math.abs(d);
    sy += y[i];
  }
  return sq + ab + sy;
}

/** Targets of the floor benchmarks: the evaluation may take at most this many times its floor. */
export const floorTargets = Object.freeze({ binary: 1.3, regression: 2 });

/**
 * One floor case: the evaluation's and the floor's times, their ratio and the verdict.
 * @param {{ task: string, rows: number, evaluateMs: number, floorMs: number, floor: string }} c
 * @returns {object}
 */
export function floorCase({ task, rows, evaluateMs, floorMs, floor }) {
  const ratio = Math.round((evaluateMs / floorMs) * 100) / 100;
  const target = floorTargets[task];
  return { task, rows, floor, evaluate_ms: evaluateMs, floor_ms: floorMs, ratio, target, verdict: ratio <= target ? 'pass' : 'fail' };
}

/**
 * Renders floor cases as a Markdown table.
 * @param {Array<{ date: string, machine: { cpu: string, cores: number }, cases: object[] }>} results
 * @returns {string}
 */
export function renderFloorsTable(results) {
  const lines = [
    '| Date | Machine | Task | Rows | Full evaluation | Floor | Floor time | Ratio | Target | Verdict |',
    '|---|---|---|--:|--:|---|--:|--:|--:|:-:|',
  ];
  for (const r of results) {
    for (const c of r.cases) {
      lines.push(`| ${r.date} | ${r.machine.cpu.split(' ').slice(0, 2).join(' ')}, ${r.machine.cores} cores | ${c.task} | ${c.rows.toExponential(0).replace('+', '')} | ${c.evaluate_ms} ms | ${c.floor} | ${c.floor_ms} ms | ${c.ratio.toFixed(2)}× | ≤ ${c.target}× | ${c.verdict === 'pass' ? 'pass' : '**fail**'} |`);
    }
  }
  return lines.join('\n');
}
