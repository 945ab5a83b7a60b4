import { Table, type RecordBatch } from 'apache-arrow';
import { ValidationError } from '../errors.js';
import { REPORT_SCHEMA, type LabelValue, type Report, type TaskName } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { MetricState } from '../states/metric-state.js';
import { BinaryClasses } from './binary-classes.js';
import { dedupeWarnings } from './evaluate-binary.js';
import { prepareTask } from './evaluate-table.js';
import type { EvaluationSpec } from './evaluation-spec.js';
import { BalancedMerger } from './merge-balanced.js';
import type { StreamContext } from './prepared-task.js';

/** How a stream is evaluated. */
export interface StreamOptions {
  /** Binary curve mode (default `exact`). */
  curveMode?: 'exact' | 'binned';
  /** Bins of the binned mode's histogram (default 65536). */
  histogramBins?: number;
  /** Called after each batch with the rows seen so far (for progress). */
  onBatch?(rows: number): void;
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
 * the batch states merged in batch order (balanced, so k batches of n rows merge in O(n log k)). Batches are either
 * evaluated and merged here (`addBatch`) or elsewhere — worker threads — and counted here in batch order (`record`);
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

  /**
   * @param spec - task, columns and options; `by` and `ci` need the whole input and are refused
   * @param options - curve mode and histogram bins
   * @throws ValidationError for `by` / `ci`
   */
  constructor(readonly spec: EvaluationSpec, options: StreamOptions = {}) {
    if ((spec.by?.length ?? 0) > 0 || spec.ci !== undefined) {
      throw new ValidationError('invalid_argument', '--by and --ci need the whole input in memory; drop --stream / --curve-mode binned, or read from a file instead of stdin.');
    }
    const queryIds = new Map<LabelValue, number>();
    const queryValues: LabelValue[] = [];
    this.context = {
      curveMode: options.curveMode ?? 'exact',
      histogramBins: options.histogramBins,
      queryValues,
      queryId(value) {
        let id = queryIds.get(value);
        if (id === undefined) {
          id = queryValues.length;
          queryIds.set(value, id);
          queryValues.push(value);
        }
        return id;
      },
    };
    this.binary = spec.task === 'binary' ? new BinaryClasses(spec.label, spec.posLabel) : undefined;
  }

  /** Rows seen so far (dropped ones included): the row offset of the next batch. */
  get rows(): number {
    return this.rowsSeen;
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
   * Evaluates one batch on this thread and merges its state.
   * @param batch - the next record batch
   */
  addBatch(batch: RecordBatch): void {
    const contribution = this.prepareBatch(batch);
    if (contribution === undefined) return;
    this.merger.push(contribution.state as SwappableState);
    this.record(contribution);
  }

  /**
   * Builds one batch's state on this thread without merging it (the caller merges it, e.g. on worker threads).
   * @param batch - the next record batch
   * @returns its contribution; undefined for an empty batch
   */
  prepareBatch(batch: RecordBatch): BatchContribution | undefined {
    if (batch.numRows === 0) return undefined;
    const table = new Table(batch);
    const observed = this.binary?.observe(table);
    const task = prepareTask(table, this.batchSpec(observed?.posLabel), { label: observed?.coded });
    return {
      state: task.toState({ ...this.context, settledClasses: this.binary?.settled() }), rows: table.numRows, dropped: task.dropped, task: task.task, columns: task.columns, options: task.options,
    };
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
   * Merges everything and computes the report.
   * @param merged - the merged state of every batch when merged elsewhere; default: what `addBatch` merged
   * @returns the report (`options.streamed: true`)
   * @throws ValidationError `empty_input` when no batch had rows
   */
  finish(merged?: MetricState<unknown>): Report {
    const state = (merged as SwappableState | undefined) ?? this.merger.finish();
    const first = this.first;
    if (state === undefined || first === undefined) {
      throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
    }
    const { binary, rowsSeen: rows, dropped } = this;
    const warnings: ReportWarning[] = [];
    let taskOptions = first.options;
    const labels = binary?.resolve();
    if (labels !== undefined) {
      if (labels.swap) state.swapClasses?.();
      taskOptions = { ...taskOptions, pos_label: labels.positive };
    }
    const result = state.compute();
    const sections = { ...result.sections };
    if (binary !== undefined && labels !== undefined) {
      const matrix = (sections.confusion_matrix as { matrix: number[][] } | undefined)?.matrix;
      if (matrix !== undefined) sections.confusion_matrix = { labels: [labels.negative, labels.positive], matrix };
      const positives = matrix !== undefined ? matrix[1][0] + matrix[1][1] : NaN;
      const negatives = matrix !== undefined ? matrix[0][0] + matrix[0][1] : NaN;
      if (positives === 0 || negatives === 0) {
        warnings.push({
          code: 'one_class',
          message: `Column \`${binary.column}\` holds only the ${positives === 0 ? 'negative' : 'positive'} class; ` +
            'ROC AUC and other metrics that need both classes are undefined (NaN).',
        });
      }
    }
    if (dropped > 0) {
      warnings.push({ code: 'rows_dropped', message: `Dropped ${dropped} of ${rows} rows with null or NaN in a used column (--nan drop).` });
    }
    const elapsed = Math.round((performance.now() - this.started) * 10) / 10;
    return {
      schema: REPORT_SCHEMA,
      task: first.task,
      rows: rows - dropped,
      backend: { name: 'js', device: 'cpu' },
      columns: first.columns,
      options: { ...taskOptions, streamed: true, ...(this.spec.task === 'binary' ? { curve_mode: this.context.curveMode } : {}) },
      metrics: result.metrics,
      ...sections,
      ...(dropped > 0 || this.spec.nan === 'drop' ? { dropped_rows: dropped } : {}),
      warnings: dedupeWarnings([...warnings, ...result.warnings]),
      timing_ms: { compute: elapsed, total: elapsed },
    };
  }
}
