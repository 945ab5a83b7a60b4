import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { describeCommit, describeMachine } from './describe-machine.mjs';
import { datasetOptions, ensureBinaryDataset } from './ensure-dataset.mjs';
import { measureBaselineRss, measurePeakMemory } from './measure-memory.mjs';
import { loadResults, recordResults } from './results-files.mjs';
import { renderResultsTable, updateResultsTable } from './results-table.mjs';
import { readScores, timeSortFloor } from './sort-floor.mjs';
import { judgeTargets, targets } from './targets.mjs';
import { timeCli } from './time-cli.mjs';

/**
 * Runs the binary benchmark for each size: makes or reuses the data file, times the CLI end to end, measures peak
 * memory in a fresh process, times the sort floor; then, when `record` is set, writes `results/<date>.json` and
 * regenerates the README table from all results files.
 *
 * @remarks
 * The only contracts with the rest of the repository are `deps.cli` (spawned as
 * `node <cli> evaluate <file> --task binary --label label --score score --format json`, a JSON report on stdout with
 * `rows` and `timing_ms`), `deps.evalChildScript` (see `eval-child.mjs`) and `deps.binaryPredictionsTable`; tests pass
 * fakes for all three.
 *
 * @param {{ rows: number[], runs: number, record: boolean }} options - from `parseBenchArgs`
 * @param {object} deps
 * @param {string} deps.cli - CLI entry script
 * @param {string} [deps.evalChildScript] - memory probe script (default `eval-child.mjs`)
 * @param {(options: object) => unknown} deps.binaryPredictionsTable - generator
 * @param {(table: unknown, type: 'file') => Uint8Array} deps.tableToIPC - from apache-arrow
 * @param {string} deps.dataDir - data files folder
 * @param {string} deps.resultsDir - results folder
 * @param {string} deps.readme - README holding the results table
 * @param {string} [deps.repoRoot] - for the git commit in the results
 * @param {(message: string) => void} [deps.log] - progress messages
 * @param {() => Date} [deps.now] - clock, for the results date
 * @returns {Promise<{ result: object, table: string, recordedPath: string | null }>}
 * @example
 * const { table } = await runBenchmarks({ rows: [1e5], runs: 1, record: false }, deps);
 */
export async function runBenchmarks(options, deps) {
  const { cli, evalChildScript, binaryPredictionsTable, tableToIPC, dataDir, resultsDir, readme } = deps;
  const log = deps.log ?? (() => {});
  const now = deps.now ?? (() => new Date());
  if (!existsSync(cli)) {
    throw new Error(`${cli} not found: build the CLI first (pnpm build; pnpm bench builds it through turbo)`);
  }

  const machine = describeMachine();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, ${machine.os}, node ${machine.node}`);
  const baselineKb = await measureBaselineRss(3, evalChildScript);
  log(`idle baseline: ${(baselineKb / 1024).toFixed(1)} MiB peak RSS`);

  const cases = [];
  for (const rows of options.rows) {
    const dataset = ensureBinaryDataset({ rows, dataDir, binaryPredictionsTable, tableToIPC, log });
    log(`${basename(dataset.path)}: CLI, 1 warm-up + ${options.runs} timed run(s)`);
    const timing = await timeCli({ cli, file: dataset.path, rows, runs: options.runs });
    log(`${basename(dataset.path)}: peak memory in a fresh process`);
    const memory = await measurePeakMemory({ file: dataset.path, rows, baselineKb, script: evalChildScript });
    const sortFloorMs = timeSortFloor(readScores(dataset.path), options.runs);
    const entry = {
      task: 'binary',
      rows,
      file: basename(dataset.path),
      file_bytes: dataset.bytes,
      runs: options.runs,
      wall_ms: roundFields(timing.wall_ms),
      timing_ms: roundFields(timing.timing_ms),
      memory,
      sort_floor_ms: sortFloorMs,
    };
    entry.targets = judgeTargets(entry);
    cases.push(entry);
    log(`${basename(dataset.path)}: wall median ${entry.wall_ms.median} ms, ${memory.bytes_per_row} B/row, sort ${sortFloorMs} ms`);
  }

  const result = {
    date: now().toISOString().slice(0, 10),
    machine,
    commit: describeCommit(deps.repoRoot ?? dataDir),
    targets,
    dataset: { generator: 'binaryPredictionsTable', ...datasetOptions },
    cases,
  };
  const table = renderResultsTable([result]);
  let recordedPath = null;
  if (options.record) {
    recordedPath = recordResults({ dir: resultsDir, result });
    updateResultsTable(readme, renderResultsTable(loadResults(resultsDir)));
    log(`recorded ${recordedPath}; README table updated`);
  }
  return { result, table, recordedPath };
}

function roundFields(object) {
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [k, Array.isArray(v) ? v : typeof v === 'number' ? Math.round(v * 10) / 10 : v]),
  );
}
