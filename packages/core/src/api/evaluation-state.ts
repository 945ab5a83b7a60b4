import { getColumn, toLabelCodes } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { BinaryClasses, type LabelKind } from '../evaluate/binary-classes.js';
import { prepareTask } from '../evaluate/evaluate-table.js';
import type { EvaluationSpec } from '../evaluate/evaluation-spec.js';
import type { LabelCodes } from '../evaluate/prepare-binary-rows.js';
import { BalancedMerger } from '../evaluate/merge-balanced.js';
import { queryIdRegistry } from '../evaluate/query-id-registry.js';
import type { StreamContext } from '../evaluate/prepared-task.js';
import type { LabelValue, Report } from '../report/report.js';
import type { MetricState, StateJson } from '../states/metric-state.js';
import { RankingState } from '../states/ranking/ranking-state.js';
import { stateFromJSON } from '../states/state-from-json.js';
import { checkSpec } from './check-spec.js';
import { remapQueryIds } from './remap-query-ids.js';
import { emptyStateError, stateReport, type StateTaskInfo } from '../evaluate/state-report.js';
import { toTable, type TableInput } from './table-input.js';

/** Options of {@link createState}. */
export interface StateOptions {
  /** Binary curves: `exact` sorted runs (default) or a `binned` histogram (O(bins) memory). */
  curveMode?: 'exact' | 'binned';
  /** Bins of the binned histogram: a power of two in [4, 2^26] (default 65536). */
  histogramBins?: number;
}

/** The serialised form of an {@link EvaluationState} (plain JSON; arrays as base64). */
export interface EvaluationStateJson extends StateJson {
  readonly kind: typeof EVALUATION_STATE_KIND;
  readonly spec: EvaluationSpec;
  readonly curveMode: 'exact' | 'binned';
  readonly histogramBins: number | null;
  readonly rows: number;
  readonly dropped: number;
  readonly info: StateTaskInfo | null;
  /** Binary task: the label classes seen, their kind, and the positive label the state's rows were flagged with. */
  readonly labels: { classes: LabelValue[]; kind: LabelKind; provisional: LabelValue | null } | null;
  /** Ranking task: query values by the ids the state's rows use. */
  readonly queryValues: LabelValue[];
  readonly state: StateJson | null;
}

/** `kind` of a serialised {@link EvaluationState}. */
export const EVALUATION_STATE_KIND = 'modelperf/evaluation-state';
const VERSION = 1;

interface SwappableState extends MetricState<unknown> { swapClasses?(): unknown }

/**
 * A running, mergeable evaluation of one spec: feed it data as it is produced (`update`), merge states built
 * elsewhere (workers, machines: `merge`, `toJSON` / `fromJSON`), and `compute` the report at any time. The result
 * equals evaluating all rows at once (`evaluate`), to the last bits of float sums, for every task.
 *
 * @remarks Holds the task's mergeable state (see `MetricState`), never the input: O(distinct scores) for exact binary
 * curves, O(bins) binned, the values for metrics that need them (medians, ranking). Binary labels are resolved over
 * everything seen, so a batch may hold one class only. `by` and `ci` need all rows and are refused.
 * @example
 * ```ts
 * import { createState, EvaluationState } from '@modelperf/core';
 * const spec = { task: 'binary', label: 'y', score: 'p' } as const;
 * const a = createState(spec).update({ y: [0, 0], p: [0.1, 0.4] });
 * const b = createState(spec).update({ y: [1, 1], p: [0.35, 0.8] });
 * const copy = EvaluationState.fromJSON(JSON.parse(JSON.stringify(b.toJSON())));
 * console.log(a.merge(copy).compute().metrics.roc_auc); // 0.75
 * ```
 */
export class EvaluationState {
  readonly spec: EvaluationSpec;
  readonly curveMode: 'exact' | 'binned';
  readonly histogramBins: number | undefined;
  private merger = new BalancedMerger<SwappableState>();
  private rowsSeen = 0;
  private droppedRows = 0;
  private info: StateTaskInfo | undefined;
  private labelClasses: LabelValue[] = [];
  private labelKind: LabelKind | undefined;
  /** Binary: the label this state's rows are flagged positive for (fixed by the first batch with labels). */
  private provisional: LabelValue | undefined;
  private readonly queryValues: LabelValue[];
  private readonly context: StreamContext;

  /**
   * @param spec - task, columns and options (as `evaluate` takes; without `by` and `ci`)
   * @param options - binary curve mode and histogram bins
   * @throws ValidationError `invalid_argument` for a bad spec or options
   */
  constructor(spec: EvaluationSpec, options: StateOptions = {}) {
    checkSpec(spec);
    if ((spec.by?.length ?? 0) > 0 || spec.ci !== undefined) {
      throw new ValidationError('invalid_argument', '`by` and `ci` need all rows at once; use `evaluate` for them, not a mergeable state.');
    }
    const mode = options.curveMode ?? 'exact';
    if (mode !== 'exact' && mode !== 'binned') {
      throw new ValidationError('invalid_argument', `curveMode must be "exact" or "binned", got ${JSON.stringify(mode)}.`);
    }
    this.spec = { ...spec };
    this.curveMode = mode;
    this.histogramBins = options.histogramBins;
    const registry = queryIdRegistry();
    this.queryValues = registry.queryValues;
    this.context = {
      curveMode: mode,
      // With the user's positive label no state ever swaps classes (the binned state then sums one labelling's losses).
      settledClasses: spec.task === 'binary' && spec.posLabel !== undefined,
      histogramBins: options.histogramBins,
      ...registry,
    };
  }

  /** Rows added so far (including rows dropped by `nan: 'drop'`). */
  get rows(): number {
    return this.rowsSeen;
  }

  /**
   * Adds a batch of rows. Rows are named in messages by their position in everything this state has seen.
   * @param data - an Arrow table, record batch(es) or named columns holding the spec's columns
   * @returns this
   * @throws ValidationError / SchemaError as `evaluate` does for bad values or columns; the state is unchanged then
   */
  update(data: TableInput): this {
    const table = toTable(data);
    if (table.numRows === 0) return this;
    let coded: LabelCodes | undefined;
    let posLabel: LabelValue | undefined;
    let seen = this.labelClasses;
    let kind = this.labelKind;
    if (this.spec.task === 'binary') {
      coded = toLabelCodes(getColumn(table, this.spec.label), this.spec.label);
      const classes = this.classesOf(seen, kind);
      classes.add(coded.classes, coded.kind); // a third class or another kind of label throws here
      seen = [...seen, ...coded.classes.filter((c) => !seen.includes(c))];
      kind = coded.classes.length > 0 ? coded.kind : kind;
      posLabel = this.spec.posLabel ?? this.provisional ?? classes.provisional();
    }
    const spec = {
      ...this.spec, rowOffset: (this.spec.rowOffset ?? 0) + this.rowsSeen, ...(coded !== undefined ? { posLabel } : {}),
    } as EvaluationSpec;
    const task = prepareTask(table, spec, { label: coded });
    const state = task.toState(this.context) as SwappableState;
    this.info ??= { task: task.task, columns: task.columns, options: task.options };
    this.labelClasses = seen;
    this.labelKind = kind;
    if (this.spec.task === 'binary' && this.spec.posLabel === undefined) this.provisional ??= posLabel;
    this.merger.push(state);
    this.droppedRows += task.dropped;
    this.rowsSeen += table.numRows;
    return this;
  }

  /**
   * Adds the rows of another state of the same spec and options (built in a worker, on another machine, or
   * restored with `fromJSON`). The other state is not changed.
   * @param other - the other state
   * @returns this
   * @throws ValidationError `invalid_argument` when specs or curve options differ; `invalid_input` when the binary
   * labels of both together are more than two classes or of different kinds
   */
  merge(other: EvaluationState): this {
    if (!(other instanceof EvaluationState)) throw new ValidationError('invalid_argument', 'Can only merge an EvaluationState into an EvaluationState.');
    if (specKey(other.spec) !== specKey(this.spec) || other.curveMode !== this.curveMode || other.histogramBins !== this.histogramBins) {
      throw new ValidationError('invalid_argument',
        `Cannot merge states of different specs or curve options: ${specKey(this.spec)} (${this.curveMode}) vs ${specKey(other.spec)} (${other.curveMode}).`);
    }
    const inner = other.finished();
    if (inner === undefined) return this;
    let copy = stateFromJSON(inner.toJSON()) as SwappableState;
    if (this.spec.task === 'binary') {
      const mine = this.classesOf(this.labelClasses, this.labelKind);
      if (other.labelKind !== undefined) mine.add(other.labelClasses, other.labelKind); // validates the union
      // Each state flags its own provisional label as positive; with two classes, a different one is our negative.
      if (this.spec.posLabel === undefined && this.provisional !== undefined && other.provisional !== undefined &&
        other.provisional !== this.provisional) copy.swapClasses?.();
      this.labelClasses = [...this.labelClasses, ...other.labelClasses.filter((c) => !this.labelClasses.includes(c))];
      this.labelKind ??= other.labelKind;
      this.provisional ??= other.provisional;
    }
    if (this.spec.task === 'ranking') copy = remapQueryIds(copy as RankingState, other.queryValues, (v) => this.context.queryId(v));
    this.info ??= other.info;
    this.merger.push(copy);
    this.rowsSeen += other.rowsSeen;
    this.droppedRows += other.droppedRows;
    return this;
  }

  /**
   * The report of everything added so far; the state stays usable (more updates and merges may follow).
   * @returns the report, as `evaluate` would give over the same rows (with `options.streamed: true`)
   * @throws ValidationError `empty_input` when no rows were added
   */
  compute(): Report {
    const started = performance.now();
    let inner = this.finished();
    if (inner === undefined || this.info === undefined) return emptyStateError();
    let labels: { positive: LabelValue; negative: LabelValue | null } | undefined;
    if (this.spec.task === 'binary') {
      const resolved = this.classesOf(this.labelClasses, this.labelKind).resolve();
      labels = { positive: resolved.positive, negative: resolved.negative };
      const swap = this.spec.posLabel === undefined && this.provisional !== undefined && resolved.positive !== this.provisional;
      if (swap) inner = (stateFromJSON(inner.toJSON()) as SwappableState).swapClasses?.() as SwappableState;
    }
    if (this.spec.task === 'ranking' && (inner as RankingState).queryValues?.length !== this.queryValues.length) {
      // Query values name queries in warnings; states built early hold a shorter list.
      inner = RankingState.fromJSON({ ...inner.toJSON(), queryValues: this.queryValues });
    }
    const result = inner.compute();
    return stateReport({
      spec: this.spec, info: this.info, result, rows: this.rowsSeen, dropped: this.droppedRows, curveMode: this.curveMode,
      labels, labelColumn: this.spec.task === 'binary' ? this.spec.label : undefined,
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    });
  }

  /** @returns the lossless, versioned serialisation (`JSON.stringify` it; `toTransferable` sends it to a worker) */
  toJSON(): EvaluationStateJson {
    const inner = this.finished();
    return {
      kind: EVALUATION_STATE_KIND,
      version: VERSION,
      spec: { ...this.spec },
      curveMode: this.curveMode,
      histogramBins: this.histogramBins ?? null,
      rows: this.rowsSeen,
      dropped: this.droppedRows,
      info: this.info ?? null,
      labels: this.labelKind !== undefined
        ? { classes: [...this.labelClasses], kind: this.labelKind, provisional: this.provisional ?? null }
        : null,
      queryValues: [...this.queryValues],
      state: inner?.toJSON() ?? null,
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse, or structured clone).
   * @param json - the serialised state
   * @returns the state, ready to update, merge or compute
   * @throws ValidationError `invalid_input` for another kind or version, or malformed fields
   */
  static fromJSON(json: EvaluationStateJson): EvaluationState {
    if (json?.kind !== EVALUATION_STATE_KIND || json.version !== VERSION) {
      throw new ValidationError('invalid_input',
        `Expected a serialised "${EVALUATION_STATE_KIND}" version ${VERSION}, got "${String(json?.kind)}" version ${String(json?.version)}.`);
    }
    if (!Number.isSafeInteger(json.rows) || !Number.isSafeInteger(json.dropped) || !Array.isArray(json.queryValues)) {
      throw new ValidationError('invalid_input', 'A serialised evaluation state has malformed row counts or query values.');
    }
    const state = new EvaluationState(json.spec, { curveMode: json.curveMode, histogramBins: json.histogramBins ?? undefined });
    state.rowsSeen = json.rows;
    state.droppedRows = json.dropped;
    state.info = json.info ?? undefined;
    if (json.labels !== null && json.labels !== undefined) {
      state.classesOf(json.labels.classes, json.labels.kind); // validates them
      const provisional = json.labels.provisional ?? undefined;
      if (provisional !== undefined && !json.labels.classes.includes(provisional)) {
        throw new ValidationError('invalid_input', 'A serialised evaluation state flags a positive label that is not among its classes.');
      }
      state.labelClasses = [...json.labels.classes];
      state.labelKind = json.labels.kind;
      state.provisional = provisional;
    }
    for (const value of json.queryValues) state.context.queryId(value);
    if (json.state !== null && json.state !== undefined) state.merger.push(stateFromJSON(json.state) as SwappableState);
    return state;
  }

  /** Merges the pending batch states into one and keeps it as the only one. */
  private finished(): SwappableState | undefined {
    const state = this.merger.finish();
    this.merger = new BalancedMerger<SwappableState>();
    if (state !== undefined) this.merger.push(state);
    return state;
  }

  private classesOf(classes: readonly LabelValue[], kind: LabelKind | undefined): BinaryClasses {
    const spec = this.spec as Extract<EvaluationSpec, { task: 'binary' }>;
    const result = new BinaryClasses(spec.label, spec.posLabel);
    if (kind !== undefined) result.add(classes, kind);
    return result;
  }
}

/**
 * Starts a running, mergeable evaluation of a spec (see {@link EvaluationState}).
 * @param spec - task, columns and options (without `by` and `ci`)
 * @param options - binary curve mode and histogram bins
 * @returns an empty state
 * @throws ValidationError `invalid_argument` for a bad spec or options
 * @example
 * ```ts
 * import { createState } from '@modelperf/core';
 * const state = createState({ task: 'regression', label: 'y', pred: 'yhat' });
 * state.update({ y: [3, -0.5], yhat: [2.5, 0] }).update({ y: [2, 7], yhat: [2, 8] });
 * console.log(state.compute().metrics.mae); // 0.5
 * ```
 */
export function createState(spec: EvaluationSpec, options: StateOptions = {}): EvaluationState {
  return new EvaluationState(spec, options);
}

function specKey(spec: EvaluationSpec): string {
  const { rowOffset: _ignored, ...rest } = spec;
  return JSON.stringify(rest, Object.keys(rest).sort());
}
