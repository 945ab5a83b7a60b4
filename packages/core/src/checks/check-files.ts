// Node-only: streams the split files; exported from `@modelperf/core/node`.
import { type BatchReader, readBatches } from '../io/stream/read-batches.js';
import { resolveCheckColumns } from './check-columns.js';
import type { CheckSpec } from './check-options.js';
import { type CheckReport, runChecks, splitStateOptions } from './run-checks.js';
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
  /** Bytes read so far, over all splits. */
  readonly bytesRead: number;
  /** Total bytes of all split files. */
  readonly totalBytes?: number;
}

/**
 * Checks split files (Arrow IPC file or stream, Parquet, CSV): each is read batch by batch with `readBatches` into a
 * {@link SplitState} (train first: its schema gives the features), then the checks run on the states.
 *
 * @param paths - train, test and optional val files
 * @param spec - columns, thresholds, limits
 * @param options - `inputFormat` overrides the format detected from the extensions; `onProgress` is called per batch
 * @returns the report, with each split's input and the read time
 * @throws InputOutputError for unreadable files; SchemaError when a named column is missing from train
 * @example
 * ```ts
 * const report = await checkFiles({ train: 'train.parquet', test: 'test.parquet' }, { label: 'y' });
 * ```
 */
export async function checkFiles(
  paths: CheckFilePaths,
  spec: CheckSpec = {},
  options: { inputFormat?: string; onProgress?(progress: CheckProgress): void } = {},
): Promise<CheckReport> {
  const started = performance.now();
  const splits = ([['train', paths.train], ['val', paths.val], ['test', paths.test]] as const)
    .filter((s): s is readonly ['train' | 'val' | 'test', string] => s[1] !== undefined);
  const readers: BatchReader[] = [];
  try {
    for (const [, path] of splits) readers.push(await readBatches(path, { format: options.inputFormat }));
    const columns = resolveCheckColumns(readers[0].schema.fields.map((f) => f.name), spec);
    const stateOptions = splitStateOptions(columns, spec);
    const totalBytes = readers.every((r) => r.totalBytes !== undefined) ? readers.reduce((s, r) => s + (r.totalBytes as number), 0) : undefined;
    let rows = 0;
    let doneBytes = 0;
    const states = new Map<string, SplitState>();
    const inputs: Array<{ path: string; format: string; bytes: number }> = [];
    for (let k = 0; k < splits.length; k++) {
      const [name, path] = splits[k];
      const reader = readers[k];
      const state = new SplitState(name, stateOptions);
      for await (const batch of reader) {
        state.update(batch);
        rows += batch.numRows;
        options.onProgress?.({ split: name, rows, bytesRead: doneBytes + reader.bytesRead(), totalBytes });
      }
      doneBytes += reader.bytesRead();
      states.set(name, state);
      inputs.push({ path, format: reader.format, bytes: reader.bytesRead() });
    }
    const read = Math.round((performance.now() - started) * 10) / 10;
    const report = await runChecks(
      { train: states.get('train') as SplitState, val: states.get('val'), test: states.get('test') as SplitState }, columns, spec,
    );
    return {
      ...report,
      splits: report.splits.map((s, k) => ({ ...s, input: inputs[k] })),
      timing_ms: { read, checks: report.timing_ms.checks, total: Math.round((performance.now() - started) * 10) / 10 },
    };
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}
