import { stat } from 'node:fs/promises';
import { ValidationError } from '../errors.js';
import { readTableFile } from '../io/read-table-file.js';
import { jsKernels } from '../kernels/js/js-kernels.js';
import { selectKernels } from '../kernels/select-kernels.js';
import { readBatches } from '../io/stream/read-batches.js';
import { evaluateBatchesParallel } from './parallel/evaluate-batches-parallel.js';
import { createParallelCurveKernels, type ParallelCurveKernels } from './parallel/parallel-curve-kernels.js';
import type { Report } from '../report/report.js';
import { evaluateTable } from './evaluate-table.js';
import type { EvaluationSpec } from './evaluation-spec.js';

/**
 * An evaluation spec for a file: the table spec plus `inputFormat`, which overrides the format detected from the
 * extension (`arrow`, `arrows`, `feather`, `parquet`, `csv`).
 */
export type EvaluateFileSpec = EvaluationSpec & {
  inputFormat?: string;
  /** Read and evaluate batch by batch in bounded memory (default for stdin `-` and the binned curve mode). */
  stream?: boolean;
  /** Binary curve mode: `exact` (default) or `binned` (a histogram; streamed). */
  curveMode?: 'exact' | 'binned';
  /** Histogram bins of the binned mode (default 65536). */
  histogramBins?: number;
  /**
   * Threads, this one included (default 1): a streamed evaluation's batches and merges, or, read whole, the score
   * sorts of binary and multiclass curves (`createParallelCurveKernels`: unweighted curves of 2^20 rows and more,
   * split by score range). The report is identical for any number of threads.
   */
  threads?: number;
  /** Rows of consecutive batches evaluated together as one state when streamed (default: `leafRowsFor`). */
  leafRows?: number;
};

/** Progress of a file evaluation, for a progress bar. */
export interface FileProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes?: number;
}

/**
 * Reads a file (Arrow IPC file or stream, Parquet, CSV) and evaluates it.
 *
 * @param path - the input file
 * @param spec - task, columns, options and optional input format
 * @returns the report, with `input` and read/compute/total timings
 * @throws InputOutputError for a missing, corrupt or unknown file; SchemaError/ValidationError for bad columns/values
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { toTable } from '@modelperf/core';
 * import { evaluateFile, writeTableFile } from '@modelperf/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'modelperf-')), 'preds.parquet');
 * await writeTableFile(path, toTable({ label: [0, 0, 1, 1], score: [0.1, 0.4, 0.35, 0.8] }), 'parquet');
 * const report = await evaluateFile(path, { task: 'binary', label: 'label', score: 'score' });
 * console.log(report.input?.format, report.metrics.roc_auc); // parquet 0.75
 * ```
 */
export async function evaluateFile(
  path: string, spec: EvaluateFileSpec, hooks: { onProgress?(progress: FileProgress): void } = {},
): Promise<Report> {
  const started = performance.now();
  if (streamsInput(path, spec)) {
    // An unweighted exact binary stream keeps every row until its sort: memory is its limit, and reading the next batch
    // ahead (one 2^20-row batch more in memory, ~14 MB here) saved it ~4% of its time (binned streams ~10%).
    const holdsRows = spec.task === 'binary' && (spec.curveMode ?? 'exact') === 'exact' && spec.weight === undefined;
    const reader = await readBatches(path, { format: spec.inputFormat, readAhead: !holdsRows });
    try {
      const report = await evaluateBatchesParallel(reader, spec, {
        threads: spec.threads ?? 1,
        leafRows: spec.leafRows,
        curveMode: spec.curveMode,
        histogramBins: spec.histogramBins,
        release: (batch) => reader.release(batch),
        onBatch: (rows) => hooks.onProgress?.({ rows, bytesRead: reader.bytesRead(), totalBytes: reader.totalBytes }),
      });
      const { schema, task, rows, ...rest } = report;
      const total = Math.round((performance.now() - started) * 10) / 10;
      return { schema, task, rows, input: { path, format: reader.format, bytes: reader.bytesRead() }, ...rest, timing_ms: { compute: total, total } };
    } finally {
      await reader.close();
    }
  }
  const kernels = await curveKernels(path, spec);
  let report: Report;
  let read: number;
  let input: { format: string; bytes: number };
  try {
    // Several threads sort the scores where the file put them: the file is read into shared memory.
    const { table, format, bytes } = await readTableFile(path, { format: spec.inputFormat, shared: kernels !== undefined });
    read = Math.round((performance.now() - started) * 10) / 10;
    input = { format, bytes };
    // The table was read for this call alone: its columns may be sorted in place rather than copied.
    report = await evaluateTable(table, spec, { kernels, consumeTable: true });
  } finally {
    await kernels?.close();
  }
  const { schema, task, rows, ...rest } = report;
  const total = Math.round((performance.now() - started) * 10) / 10;
  // Rebuilt so that `input` sits near the top of the JSON, as in DESIGN.md.
  return { schema, task, rows, input: { path, ...input }, ...rest, timing_ms: { read, compute: report.timing_ms.compute, total } };
}

/**
 * Whether `evaluateFile` reads this input batch by batch (`stream`, stdin `-`, or the binned curve mode) rather than
 * whole.
 * @param path - the input path (`-`: stdin)
 * @param spec - the evaluation spec
 * @returns true for a streamed evaluation
 * @example
 * ```ts
 * import { streamsInput } from '@modelperf/core/node';
 * console.log(streamsInput('-', { task: 'binary', label: 'y', score: 'p' })); // true
 * console.log(streamsInput('preds.arrow', { task: 'binary', label: 'y', score: 'p' })); // false
 * ```
 */
export function streamsInput(path: string, spec: EvaluateFileSpec): boolean {
  return spec.stream === true || path === '-' || spec.curveMode === 'binned';
}

/** Files from this size start their worker threads before reading, so that the threads load while the file is read. */
const EARLY_START_BYTES = 16 << 20;

/**
 * The curve kernels of a whole-file evaluation on several threads: the js kernels with split sorts, when the spec asks
 * for threads > 1, its task sorts unweighted curves (binary, multiclass) and its backend resolves to js; else
 * undefined (the backend `evaluateTable` selects).
 */
async function curveKernels(path: string, spec: EvaluateFileSpec): Promise<ParallelCurveKernels | undefined> {
  const threads = spec.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new ValidationError('invalid_argument', `threads must be a positive integer, got ${String(threads)}.`);
  }
  if (threads === 1 || (spec.task !== 'binary' && spec.task !== 'multiclass')) return undefined;
  // Weighted curves sort on one thread (their float sums follow one order): no workers to start.
  if (spec.weight !== undefined) return undefined;
  if ((await selectKernels(spec.backend ?? 'auto')) !== jsKernels) return undefined;
  const kernels = createParallelCurveKernels({ threads });
  const size = await stat(path).then((s) => s.size, () => 0);
  if (size >= EARLY_START_BYTES) kernels.start();
  return kernels;
}
