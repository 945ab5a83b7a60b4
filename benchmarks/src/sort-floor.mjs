import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

/**
 * Reads the `score` column of an Arrow IPC file as one Float64Array.
 *
 * @param {string} file - Arrow IPC file with a Float64 `score` column
 * @returns {Float64Array}
 * @example
 * const scores = readScores('benchmarks/data/binary-10000000-seed42.arrow');
 */
export function readScores(file) {
  const score = tableFromIPC(readFileSync(file)).getChild('score');
  if (score === null) throw new Error(`${file} has no \`score\` column`);
  const values = score.toArray();
  if (!(values instanceof Float64Array)) throw new Error(`${file}: \`score\` is ${score.type}, expected Float64`);
  return values;
}

/**
 * The floor for any exact ranking metric: the time of a plain `Float64Array.prototype.sort` of the scores (V8's native
 * numeric sort), minimum over `runs`. Each run sorts a fresh copy; the copy is not timed.
 *
 * @param {Float64Array} scores - left untouched
 * @param {number} runs - at least 1
 * @returns {number} milliseconds
 * @example
 * const floorMs = timeSortFloor(readScores(file), 3);
 */
export function timeSortFloor(scores, runs) {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const copy = scores.slice();
    const started = performance.now();
    copy.sort();
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best * 10) / 10;
}
