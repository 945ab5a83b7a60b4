import { Table, type RecordBatch } from 'apache-arrow';
import { getColumn, toLabelCodes } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { resolveBinaryLabels } from '../metrics/binary/resolve-binary-labels.js';
import { REPORT_SCHEMA, type LabelValue, type Report } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { MetricState } from '../states/metric-state.js';
import { dedupeWarnings } from './evaluate-binary.js';
import { prepareTask } from './evaluate-table.js';
import type { EvaluationSpec } from './evaluation-spec.js';
import { BalancedMerger } from './merge-balanced.js';
import type { PreparedTask, StreamContext } from './prepared-task.js';

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

/**
 * Evaluates record batches as they arrive, one mergeable state per batch merged as it goes: memory holds the states
 * (O(distinct scores) for exact binary curves, O(bins) binned, the values for metrics that need them, e.g. medians),
 * never the input. The result equals evaluating the whole table (to the last bits of float sums).
 *
 * @param batches - record batches of one schema
 * @param spec - task, columns and options; `by` and `ci` need the whole input and are refused here
 * @param options - curve mode, histogram bins, progress callback
 * @returns the report
 * @throws ValidationError for options streaming cannot serve, bad values (naming the row in the whole input), empty input
 * @example
 * ```ts
 * const report = await evaluateBatches(reader, { task: 'binary', label: 'y', score: 'p' }, { curveMode: 'binned' });
 * ```
 */
export async function evaluateBatches(
  batches: AsyncIterable<RecordBatch>,
  spec: EvaluationSpec,
  options: StreamOptions = {},
): Promise<Report> {
  const started = performance.now();
  if ((spec.by?.length ?? 0) > 0 || spec.ci !== undefined) {
    throw new ValidationError('invalid_argument', '--by and --ci need the whole input in memory; drop --stream / --curve-mode binned, or read from a file instead of stdin.');
  }
  const queryIds = new Map<LabelValue, number>();
  const queryValues: LabelValue[] = [];
  const context: StreamContext = {
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
  const binary = spec.task === 'binary' ? new BinaryClasses(spec.label, spec.posLabel) : undefined;
  const merger = new BalancedMerger<SwappableState>();
  const warnings: ReportWarning[] = [];
  let rows = 0;
  let dropped = 0;
  let first: PreparedTask | undefined;
  for await (const batch of batches) {
    if (batch.numRows === 0) continue;
    const table = new Table(batch);
    const batchSpec = { ...spec, rowOffset: rows, ...(binary !== undefined ? { posLabel: binary.observe(table) } : {}) } as EvaluationSpec;
    const task = prepareTask(table, batchSpec);
    first ??= task;
    merger.push(task.toState(context) as SwappableState);
    dropped += task.dropped;
    rows += table.numRows;
    options.onBatch?.(rows);
  }
  const state = merger.finish();
  if (state === undefined || first === undefined) {
    throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  }
  let taskOptions = first.options;
  if (binary !== undefined) {
    const labels = binary.resolve();
    if (labels.swap) state.swapClasses?.();
    taskOptions = { ...taskOptions, pos_label: labels.positive };
  }
  const result = state.compute();
  const sections = { ...result.sections };
  if (binary !== undefined) {
    const labels = binary.resolve();
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
  const elapsed = Math.round((performance.now() - started) * 10) / 10;
  return {
    schema: REPORT_SCHEMA,
    task: first.task,
    rows: rows - dropped,
    backend: { name: 'js', device: 'cpu' },
    columns: first.columns,
    options: { ...taskOptions, streamed: true, ...(spec.task === 'binary' ? { curve_mode: context.curveMode } : {}) },
    metrics: result.metrics,
    ...sections,
    ...(dropped > 0 || spec.nan === 'drop' ? { dropped_rows: dropped } : {}),
    warnings: dedupeWarnings([...warnings, ...result.warnings]),
    timing_ms: { compute: elapsed, total: elapsed },
  };
}

/**
 * The classes of a streamed binary label column, learnt batch by batch. Each batch is prepared with a provisional
 * positive label (the user's, else the first label seen); at the end the real positive label is resolved from all
 * classes, as one-shot evaluation does, and the states swap classes if it is the other one.
 */
class BinaryClasses {
  private readonly classes: LabelValue[] = [];
  private kind: 'number' | 'string' | 'boolean' | undefined;
  private provisional: LabelValue | undefined;

  constructor(readonly column: string, private readonly requested: LabelValue | undefined) {}

  observe(table: Table): LabelValue | undefined {
    const coded = toLabelCodes(getColumn(table, this.column), this.column);
    if (this.kind !== undefined && coded.classes.length > 0 && coded.kind !== this.kind) {
      throw new ValidationError('invalid_input', `Column \`${this.column}\` holds ${this.kind} labels in earlier batches and ${coded.kind} labels later.`);
    }
    if (coded.classes.length > 0) this.kind = coded.kind;
    for (const c of coded.classes) if (!this.classes.includes(c)) this.classes.push(c);
    // More than two classes: the same error as one-shot evaluation gives.
    if (this.classes.length > 2) resolveBinaryLabels(this.sorted(), this.kind ?? 'number', this.column, this.requested);
    if (this.requested !== undefined) return this.requested;
    this.provisional ??= this.classes[0];
    return this.provisional;
  }

  resolve(): { positive: LabelValue; negative: LabelValue | null; swap: boolean } {
    const labels = resolveBinaryLabels(this.sorted(), this.kind ?? 'number', this.column, this.requested);
    const swap = this.requested === undefined && this.provisional !== undefined && labels.positive !== this.provisional;
    return { positive: labels.positive, negative: labels.negative, swap };
  }

  private sorted(): LabelValue[] {
    return [...this.classes].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  }
}
