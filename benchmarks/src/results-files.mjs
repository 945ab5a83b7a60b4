import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Schema tag of a results file. */
export const resultsSchema = 'modelperf/bench@1';

/**
 * Writes one run's results to `<dir>/<date>.json`. A file of the same date from the same machine is merged (cases of
 * the same task and size are replaced, others kept); one from another machine is kept and the new file is named
 * `<date>-2.json`, `<date>-3.json`, ...
 *
 * @param {object} args
 * @param {string} args.dir - results folder (created if needed)
 * @param {{ date: string, machine: object, commit: string | null, targets: object, cases: object[] }} args.result
 * @returns {string} the path written
 * @example
 * const path = recordResults({ dir: 'benchmarks/results', result });
 */
export function recordResults({ dir, result }) {
  mkdirSync(dir, { recursive: true });
  for (let n = 1; ; n += 1) {
    const path = join(dir, n === 1 ? `${result.date}.json` : `${result.date}-${n}.json`);
    const existing = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
    if (existing !== undefined && JSON.stringify(existing.machine) !== JSON.stringify(result.machine)) continue;
    const key = (c) => `${c.task}:${c.rows}`;
    const replaced = new Set(result.cases.map(key));
    const kept = (existing?.cases ?? []).filter((c) => !replaced.has(key(c)));
    const cases = [...kept, ...result.cases].sort((a, b) => a.task.localeCompare(b.task) || a.rows - b.rows);
    writeFileSync(path, `${JSON.stringify({ schema: resultsSchema, ...result, cases }, null, 2)}\n`);
    return path;
  }
}

/**
 * Reads every results file of `dir` (`*.json` with the results schema), newest date first.
 *
 * @param {string} dir - results folder; a missing folder gives no results
 * @returns {object[]} parsed results files, each with its `file` name added
 * @example
 * const all = loadResults('benchmarks/results');
 */
export function loadResults(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .map((name) => ({ file: name, ...JSON.parse(readFileSync(join(dir, name), 'utf8')) }))
    .filter((result) => result.schema === resultsSchema);
}
