import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestedBackend } from './targets.mjs';

/** Schema tag of a results file. */
export const resultsSchema = 'modelperf/bench@1';

const modeOrder = { exact: 0, stream: 1, binned: 2 };
const backendOrder = { js: 0, tfjs: 1 };

/**
 * Writes one run's results to `<dir>/<date>.json`. A file of the same date from the same machine is merged (cases of
 * the same task, mode, size, thread count (1 when absent) and requested backend (js when absent) are replaced, others
 * kept; the same for scikit-learn comparisons and HTTP server cases of
 * the same size); one
 * from another machine is kept and the new file is named `<date>-2.json`, `<date>-3.json`, ...
 *
 * @param {object} args
 * @param {string} args.dir - results folder (created if needed)
 * @param {{ date: string, machine: object, commit: string | null, targets: object, cases: object[],
 *   sklearn?: { status: string, note?: string, cases: object[] }, server?: { cases: object[] } }} args.result
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
    const key = (c) => `${c.task}:${c.mode ?? 'exact'}:${c.rows}:${c.threads ?? 1}:${requestedBackend(c)}`;
    const cases = merge(existing?.cases, result.cases, key).sort(
      (a, b) =>
        a.task.localeCompare(b.task) ||
        a.rows - b.rows ||
        (modeOrder[a.mode ?? 'exact'] ?? 9) - (modeOrder[b.mode ?? 'exact'] ?? 9) ||
        (a.threads ?? 1) - (b.threads ?? 1) ||
        (backendOrder[requestedBackend(a)] ?? 9) - (backendOrder[requestedBackend(b)] ?? 9),
    );
    const merged = { schema: resultsSchema, ...result, cases };
    if (result.sklearn !== undefined || existing?.sklearn !== undefined) {
      const fresh = result.sklearn ?? { status: 'skipped', cases: [] };
      const sklearnCases = merge(existing?.sklearn?.cases, fresh.cases ?? [], (c) => String(c.rows)).sort((a, b) => a.rows - b.rows);
      // A run that skipped the comparison keeps the earlier one's status and environment.
      merged.sklearn = fresh.status === 'ran' || existing?.sklearn === undefined ? { ...fresh, cases: sklearnCases } : { ...existing.sklearn, cases: sklearnCases };
    }
    if (result.server !== undefined || existing?.server !== undefined) {
      // Server cases of the same body size are replaced, others kept.
      const serverCases = merge(existing?.server?.cases, result.server?.cases ?? [], (c) => `${c.endpoint}:${c.content_type}:${c.rows}`).sort((a, b) => a.rows - b.rows);
      merged.server = { ...(existing?.server ?? {}), ...(result.server ?? {}), cases: serverCases };
    }
    writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
    return path;
  }
}

function merge(old = [], fresh, key) {
  const replaced = new Set(fresh.map(key));
  return [...old.filter((c) => !replaced.has(key(c))), ...fresh];
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
