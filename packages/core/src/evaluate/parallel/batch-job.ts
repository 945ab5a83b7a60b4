import { tableFromIPC, type Table } from 'apache-arrow';
import { getColumn, toLabelCodes } from '../../columns/index.js';
import { isModelperfError, type ModelperfErrorCode } from '../../errors.js';
import type { LabelValue, TaskName } from '../../report/report.js';
import type { StateJson } from '../../states/metric-state.js';
import { readTrusted, toTransferable } from '../../states/state-buffers.js';
import { stateFromJSON } from '../../states/state-from-json.js';
import type { LabelKind } from '../binary-classes.js';
import { prepareTask } from '../evaluate-table.js';
import type { EvaluationSpec } from '../evaluation-spec.js';
import type { StreamContext } from '../prepared-task.js';
import { unpackColumns, type PackedColumns } from './packed-columns.js';

/** One record batch to evaluate on a worker thread. */
export interface BatchJob {
  readonly kind: 'batch';
  /** The batch's spec (`StreamRun.batchSpec`: row offset, provisional positive label). */
  readonly spec: EvaluationSpec;
  readonly curveMode: 'exact' | 'binned';
  readonly histogramBins?: number;
  /** Binary: the positive label is final (`BinaryClasses.settled`), so the state need not support swapping. */
  readonly settledClasses?: boolean;
  /** The batch's used columns: copied as plain buffers (`packColumns`), else as an Arrow IPC stream. */
  readonly data: { readonly packed: PackedColumns } | { readonly ipc: Uint8Array };
}

/** Two serialised states (in `toTransferable` form) to merge on a worker thread, the earlier batches' first. */
export interface MergeJob {
  readonly kind: 'merge';
  readonly earlier: StateJson;
  readonly later: StateJson;
}

/** What a worker sends back for a batch: its serialised state, or the error it met. */
export type BatchJobResult =
  | {
    readonly ok: true;
    /** The state in `toTransferable` form. */
    readonly state: StateJson;
    readonly rows: number;
    readonly dropped: number;
    readonly task: TaskName;
    readonly columns: Record<string, string | string[]>;
    readonly options: Record<string, unknown>;
    /** Binary: the batch's distinct labels and their kind, for the stream-wide classes. */
    readonly classes?: LabelValue[];
    readonly labelKind?: LabelKind;
  }
  | { readonly ok: false; readonly error: { readonly name: string; readonly code?: ModelperfErrorCode; readonly message: string } };

/** Ranking needs stream-wide query ids assigned in row order, which one thread owns: it is not run on workers. */
const NO_QUERIES: StreamContext['queryId'] = () => {
  throw new Error('ranking batches are not evaluated on worker threads');
};

/**
 * Merges two serialised states (the body of a worker thread's merge task).
 * @param job - the states
 * @returns the merged state in transferable form and the buffers to transfer
 */
export function runMergeJob(job: MergeJob): { result: StateJson; transfer: ArrayBuffer[] } {
  // The states come from this run's own batch and merge jobs: their contents need no checks.
  const merged = readTrusted(() => stateFromJSON(job.earlier).merge(stateFromJSON(job.later)));
  const { json, transfer } = toTransferable(merged);
  return { result: json, transfer };
}

/**
 * Evaluates one batch into its mergeable state (the body of a worker thread's task; plain function, so it is tested
 * in-process too).
 * @param job - the batch and its spec
 * @returns the state in transferable form and the buffers to transfer, or the error (errors cross threads as data:
 *   the main thread rebuilds the same error class, code and message)
 */
export function runBatchJob(job: BatchJob): { result: BatchJobResult; transfer: ArrayBuffer[] } {
  let table: Table;
  try {
    table = 'packed' in job.data ? unpackColumns(job.data.packed) : tableFromIPC(job.data.ipc);
  } catch (error) {
    return failed(error);
  }
  return runBatchTable(table, job);
}

/**
 * `runBatchJob` on a batch already decoded (the calling thread evaluating a batch itself).
 * @param table - the batch's rows
 * @param job - its spec and stream context
 * @returns as `runBatchJob`
 */
export function runBatchTable(table: Table, job: Omit<BatchJob, 'data'>): { result: BatchJobResult; transfer: ArrayBuffer[] } {
  try {
    const spec = job.spec;
    const coded = spec.task === 'binary' ? toLabelCodes(getColumn(table, spec.label), spec.label) : undefined;
    const task = prepareTask(table, spec, { label: coded });
    const context: StreamContext = {
      curveMode: job.curveMode, histogramBins: job.histogramBins, settledClasses: job.settledClasses, queryId: NO_QUERIES, queryValues: [],
    };
    const { json, transfer } = toTransferable(task.toState(context));
    return {
      result: {
        ok: true, state: json, rows: table.numRows, dropped: task.dropped, task: task.task, columns: task.columns, options: task.options,
        ...(coded !== undefined ? { classes: coded.classes, labelKind: coded.kind } : {}),
      },
      transfer,
    };
  } catch (error) {
    return failed(error);
  }
}

function failed(error: unknown): { result: BatchJobResult; transfer: ArrayBuffer[] } {
  const e = error instanceof Error ? error : new Error(String(error));
  return { result: { ok: false, error: { name: e.name, code: isModelperfError(e) ? e.code : undefined, message: e.message } }, transfer: [] };
}
