import { PrefixRowPool } from '../states/binary/prefix-row-pool.js';
import { Table, type RecordBatch } from 'apache-arrow';
import { emptyStateError, stateReport } from './state-report.js';
import { ValidationError } from '../errors.js';
import type { LabelValue, Report, TaskName } from '../report/report.js';
import type { MetricState } from '../states/metric-state.js';
import { BinaryClasses } from './binary-classes.js';
import { prepareTask } from './evaluate-table.js';
import type { EvaluationSpec } from './evaluation-spec.js';
import { LeafBatches, leafRowsFor } from './leaf-batches.js';
import { BalancedMerger } from './merge-balanced.js';
import type { StreamContext, TaskResult } from './prepared-task.js';
import { queryIdRegistry } from './query-id-registry.js';

/** How a stream is evaluated. */
export interface StreamOptions {
  /** Binary curve mode (default `exact`). */
  curveMode?: 'exact' | 'binned';
  /** Bins of the binned mode's histogram (default 65536). */
  histogramBins?: number;
  /** Called after each batch with the rows seen so far (for progress). */
  onBatch?(rows: number): void;
  /**
   * Rows from which consecutive batches are evaluated together as one leaf state (default: 2^16, or 2^21 for weighted
   * exact binary curves, a leaf also closing at 32 MiB of batch data; a bigger batch is a leaf alone — see
   * `leafRowsFor`). The
   * leaves depend only on the input, so the report is the same on any number of threads; float sums (weights, log
   * loss) may differ in the last bits between different leaf sizes.
   */
  leafRows?: number;
  /**
   * Called with each batch once its leaf is evaluated (or its columns copied for a worker thread): nothing reads the
   * batch afterwards, so its source may reuse its bytes (`BatchReader.release`).
   */
  release?(batch: RecordBatch): void;
}

interface SwappableState extends MetricState<unknown> { swapClasses?(): unknown }

/** What the report needs from one batch's prepared task. */
export interface BatchSummary {
  /** Rows of the batch, dropped ones included. */
  readonly rows: number;
  readonly dropped: number;
  readonly task: TaskName;
  readonly columns: Record<string, string | string[]>;
  readonly options: Record<string, unknown>;
}

/** One batch's contribution to a stream: its state and summary. */
export interface BatchContribution extends BatchSummary {
  readonly state: MetricState<unknown>;
}

/**
 * The running evaluation of one stream of record batches: the stream-wide context, the binary classes seen so far and
 * the leaf states merged in input order (balanced, so k leaves of n rows merge in O(n log k)). Leaves are either
 * evaluated and merged here (`addBatch`) or elsewhere — worker threads — and counted here in input order (`record`);
 * either way the result is the same, to the last bit.
 */
export class StreamRun {
  readonly context: StreamContext;
  readonly binary: BinaryClasses | undefined;
  private readonly merger = new BalancedMerger<SwappableState>();
  private readonly started = performance.now();
  private rowsSeen = 0;
  private dropped = 0;
  private first: BatchSummary | undefined;
  private readonly leaves: LeafBatches;
  private readonly release: ((batch: RecordBatch) => void) | undefined;

  /**
   * @param spec - task, columns and options; `by` and `ci` need the whole input and are refused
   * @param options - curve mode and histogram bins
   * @throws ValidationError for `by` / `ci`
   */
  constructor(readonly spec: EvaluationSpec, options: StreamOptions = {}) {
    if ((spec.by?.length ?? 0) > 0 || spec.ci !== undefined) {
      throw new ValidationError('invalid_argument', '--by and --ci need the whole input in memory; drop --stream / --curve-mode binned, or read from a file instead of stdin.');
    }
    this.context = {
      curveMode: options.curveMode ?? 'exact', histogramBins: options.histogramBins, rowBuffers: new PrefixRowPool(), ...queryIdRegistry(),
    };
    this.binary = spec.task === 'binary' ? new BinaryClasses(spec.label, spec.posLabel) : undefined;
    this.leaves = this.leafBatches(options.leafRows);
    this.release = options.release;
  }

  /**
   * A leaf gatherer for this stream (the one `addBatch` uses, or one per parallel run: the same leaves either way).
   * @param leafRows - the caller's leaf size, if any (default by task and curve mode, `leafRowsFor`)
   * @returns a new, empty gatherer
   */
  leafBatches(leafRows?: number): LeafBatches {
    return new LeafBatches(leafRowsFor(this.spec.task, this.context.curveMode, leafRows, this.spec.weight !== undefined));
  }

  /** Rows seen so far (dropped ones included), those of a leaf still being gathered by `addBatch` too. */
  get rows(): number {
    return this.rowsSeen + this.leaves.pendingRows;
  }

  /**
   * The spec a batch starting at the current row is prepared with (row offset for messages, provisional positive label).
   * @param posLabel - the binary positive label to prepare with (see `BinaryClasses`)
   * @returns the batch's spec
   */
  batchSpec(posLabel: LabelValue | undefined): EvaluationSpec {
    return { ...this.spec, rowOffset: this.rowsSeen, ...(this.binary !== undefined ? { posLabel } : {}) } as EvaluationSpec;
  }

  /**
   * Adds the next batch to the leaf being gathered; a leaf once complete is evaluated on this thread and its state
   * merged (`finish` evaluates the last one).
   * @param batch - the next record batch
   */
  addBatch(batch: RecordBatch): void {
    const leaf = this.leaves.add(batch);
    if (leaf !== undefined) this.addLeaf(leaf);
  }

  private addLeaf(leaf: RecordBatch | RecordBatch[]): void {
    const contribution = this.prepareBatch(leaf);
    this.releaseLeaf(leaf);
    if (contribution === undefined) return;
    this.merger.push(contribution.state as SwappableState);
    this.record(contribution);
  }

  /**
   * Builds the state of one batch or leaf (consecutive batches) on this thread without merging it (the caller merges
   * it, e.g. with states from worker threads).
   * @param batch - the next record batch, or the batches of the next leaf
   * @returns its contribution; undefined when it holds no rows
   */
  prepareBatch(batch: RecordBatch | RecordBatch[]): BatchContribution | undefined {
    const table = new Table(Array.isArray(batch) ? batch : [batch]);
    if (table.numRows === 0) return undefined;
    const observed = this.binary?.observe(table);
    const task = prepareTask(table, this.batchSpec(observed?.posLabel), { label: observed?.coded });
    return {
      state: task.toState({ ...this.context, settledClasses: this.binary?.settled() }), rows: table.numRows, dropped: task.dropped, task: task.task, columns: task.columns, options: task.options,
    };
  }

  /**
   * Tells the batches' source that a leaf's batches are done with (`StreamOptions.release`): call once its state is
   * built, or its columns copied for another thread. No state keeps views of a batch's columns (they copy what they
   * keep: tested by streaming every task with released batches against the whole file).
   * @param leaf - the leaf's batches
   */
  releaseLeaf(leaf: RecordBatch | RecordBatch[]): void {
    const release = this.release;
    if (release === undefined) return;
    for (const batch of Array.isArray(leaf) ? leaf : [leaf]) release(batch);
  }

  /**
   * Counts the next batch (rows, dropped rows) whose state is merged elsewhere, in batch order.
   * @param summary - the batch's report fields
   */
  record(summary: BatchSummary): void {
    this.first ??= summary;
    this.dropped += summary.dropped;
    this.rowsSeen += summary.rows;
  }

  /**
   * Evaluates the leaf still being gathered and merges every leaf's state, as `finish` does, for a caller that works
   * on the merged state (sorting it on several threads) before `finish(merged)`.
   * @returns the merged state; undefined when no batch had rows
   */
  mergeLeaves(): MetricState<unknown> | undefined {
    const last = this.leaves.flush();
    if (last !== undefined) this.addLeaf(last);
    return this.merger.finish();
  }

  /**
   * Merges everything and computes the report.
   * @param merged - the merged state of every batch when merged elsewhere; default: what `addBatch` merged
   * @returns the report (`options.streamed: true`)
   * @throws ValidationError `empty_input` when no batch had rows
   */
  finish(merged?: MetricState<unknown>): Report {
    const state = this.finalState(merged);
    return this.report(state.computeFinal?.() ?? state.compute());
  }

  /**
   * The state `finish` computes the report of: every leaf merged, the classes exchanged if the positive label turned
   * out to be the other one. For a caller that computes it itself (with other threads' help), then calls `report`.
   * @param merged - as `finish`
   * @returns the state to compute
   * @throws ValidationError `empty_input` when no batch had rows
   */
  finalState(merged?: MetricState<unknown>): MetricState<unknown> {
    const last = this.leaves.flush();
    if (last !== undefined) this.addLeaf(last);
    const state = (merged as SwappableState | undefined) ?? this.merger.finish();
    if (state === undefined || this.first === undefined) emptyStateError();
    if (this.swapsClasses()) state.swapClasses?.();
    return state;
  }

  /**
   * Whether `finalState` exchanges the classes (the positive label turned out to be the other one): that sorts the
   * state's waiting rows, so a caller with other threads sorts them first.
   * @returns true when the classes are swapped
   */
  swapsClasses(): boolean {
    return this.binary?.resolve().swap === true;
  }

  /**
   * The report of the final state's result.
   * @param result - `finalState(...).computeFinal()` (or `compute()`), or what equals it
   * @returns the report (`options.streamed: true`)
   */
  report(result: TaskResult): Report {
    const first = this.first;
    if (first === undefined) emptyStateError();
    return stateReport({
      spec: this.spec, info: first, result, rows: this.rowsSeen, dropped: this.dropped,
      curveMode: this.context.curveMode, labels: this.binary?.resolve(), labelColumn: this.binary?.column,
      elapsedMs: Math.round((performance.now() - this.started) * 10) / 10,
    });
  }
}
