// Node-only: streams the split files; exported from `@modelperf/core/node`.
import { type BatchReader, readBatches } from '../io/stream/read-batches.js';
import { type CheckColumns, resolveCheckColumns } from './check-columns.js';
import type { CheckSpec } from './check-options.js';
import { type CheckReport, runChecks, splitStateOptions, validateCheckSpec } from './run-checks.js';
import { SplitState } from './split-state.js';

/** The split files of a check run. */
export interface CheckFilePaths {
  readonly train: string;
  readonly val?: string;
  readonly test: string;
}

/** Progress of a check run, per batch read. */
export interface CheckProgress {
  readonly split: string;
  /** Rows read so far, over all splits. */
  readonly rows: number;
  /** Bytes read so far, over the splits read or being read. */
  readonly bytesRead: number;
  /** Size of the split being read and those before it (the total is known once the last file is open). */
  readonly totalBytes?: number;
}

/**
 * Checks split files (Arrow IPC file or stream, Parquet, CSV): each is read batch by batch with `readBatches` into a
 * {@link SplitState} (train first: its schema gives the features), then the checks run on the states. Options are
 * validated before any file is read.
 *
 * @param paths - train, test and optional val files
 * @param spec - columns, thresholds, limits
 * @param options - `inputFormat` overrides the format detected from the extensions; `onProgress` is called per batch
 * @returns the report, with each split's input and the read time
 * @throws InputOutputError for unreadable files; SchemaError when a named column is missing from train
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { checkFiles } from '@modelperf/core/node';
 * writeFileSync('train.csv', 'x,y\n1,0\n2,1\n3,0\n4,1\n');
 * writeFileSync('test.csv', 'x,y\n3,0\n9,1\n');
 * const report = await checkFiles({ train: 'train.csv', test: 'test.csv' }, { label: 'y', skip: ['representativeness'] });
 * console.log(report.splits.map((s) => `${s.name} ${s.rows}`).join(', '), report.summary.status); // train 4, test 2 fail
 * ```
 */
export async function checkFiles(
  paths: CheckFilePaths,
  spec: CheckSpec = {},
  options: { inputFormat?: string; onProgress?(progress: CheckProgress): void } = {},
): Promise<CheckReport> {
  const started = performance.now();
  validateCheckSpec(spec);
  const splits = ([['train', paths.train], ['val', paths.val], ['test', paths.test]] as const)
    .filter((s): s is readonly ['train' | 'val' | 'test', string] => s[1] !== undefined);
  let columns: CheckColumns | undefined;
  let rows = 0;
  let doneBytes = 0;
  let knownBytes = 0;
  const states = new Map<string, SplitState>();
  const inputs: Array<{ path: string; format: string; bytes: number }> = [];
  // One file open at a time, opened just before it is read: a failure never leaves an unread file open.
  for (const [name, path] of splits) {
    const reader = await readBatches(path, { format: options.inputFormat });
    if (columns === undefined) {
      try {
        columns = resolveCheckColumns(reader.schema.fields.map((f) => f.name), spec);
      } catch (error) {
        await release(reader);
        throw error;
      }
    }
    knownBytes += reader.totalBytes ?? 0;
    const state = new SplitState(name, splitStateOptions(columns, spec));
    for await (const batch of reader) {
      state.update(batch);
      rows += batch.numRows;
      options.onProgress?.({ split: name, rows, bytesRead: doneBytes + reader.bytesRead(), totalBytes: reader.totalBytes === undefined ? undefined : knownBytes });
    }
    doneBytes += reader.bytesRead();
    states.set(name, state);
    inputs.push({ path, format: reader.format, bytes: reader.bytesRead() });
  }
  const read = Math.round((performance.now() - started) * 10) / 10;
  const report = await runChecks(
    { train: states.get('train') as SplitState, val: states.get('val'), test: states.get('test') as SplitState }, columns as CheckColumns, spec,
  );
  return {
    ...report,
    splits: report.splits.map((s, k) => ({ ...s, input: inputs[k] })),
    timing_ms: { read, checks: report.timing_ms.checks, total: Math.round((performance.now() - started) * 10) / 10 },
  };
}

/**
 * Closes a reader that was opened but not iterated: its file is released by the iterator's cleanup, which runs only
 * once iteration has started, so start it and stop at once.
 */
async function release(reader: BatchReader): Promise<void> {
  try {
    for await (const _batch of reader) break;
  } catch {
    // The caller is already failing with a better error.
  }
}
