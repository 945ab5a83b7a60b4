import { ValidationError } from '../../errors.js';
import type { TaskResult } from '../../evaluate/prepared-task.js';
import { regressionMetrics, type NumericArray } from '../../metrics/regression/regression-metrics.js';
import { STATE_VERSION, type MetricState, type StateJson } from '../metric-state.js';
import { checkStateJson, decodeTypedArray, encodeTypedArray, type EncodedArray } from '../state-buffers.js';
import { GrowableColumn } from './growable-column.js';

/** One batch of a regression state: the arrays `regressionMetrics` takes. */
export interface RegressionBatch {
  yTrue: NumericArray;
  yPred: NumericArray;
  /** Non-negative sample weights; either every batch of a state has them or none does. */
  weights?: NumericArray;
}

/** Options of {@link RegressionState}: those of the regression task. */
export interface RegressionStateOptions {
  /** The pinball-loss alpha, strictly between 0 and 1 (default 0.5). */
  quantile?: number;
  /** Column names used in messages (default `y_true` and `y_pred`). */
  names?: { label: string; pred: string };
}

/** Serialised {@link RegressionState}. */
export interface RegressionStateJson extends StateJson {
  readonly kind: 'regression';
  readonly quantile: number;
  readonly names: { label: string; pred: string };
  readonly weighted: boolean | null;
  readonly yTrue: EncodedArray;
  readonly yPred: EncodedArray;
  readonly weights?: EncodedArray;
}

/**
 * The mergeable state of the regression task: what `prepareRegressionTask(...).evaluate(kernels, true)` computes, built
 * batch by batch, merged across workers, serialised.
 *
 * @remarks Several regression metrics need the values themselves, not running totals: median_absolute_error and the
 * residual quantiles (order statistics of y - p), d2_absolute_error_score (sum |y - median(y)| needs the median first),
 * and r2 / explained_variance, whose sums around the means are taken in two passes (as scikit-learn) because the
 * one-pass sum-of-squares formula cancels catastrophically on targets like prices. So the state keeps the rows exactly:
 * y and p as float64 (16 bytes a row) plus the weight (8 more) when weighted, in append-only columns
 * (`GrowableColumn`: a doubling tail, merged states' values shared, joined once for `compute`). `compute()` runs `regressionMetrics` over them, so it is the one-shot
 * function by construction: identical bits for rows in the same order; after a merge in another order the sums run in
 * another order and may differ in the last bits (relative ~1e-15). Merge appends the other state's rows without
 * copying them (its chunks are shared; neither state writes them again).
 * Warnings name rows by their position in this state (rows of `other` follow this state's rows).
 * @see sklearn.metrics.r2_score and the other functions listed at `regressionMetrics`
 * @example
 * ```ts
 * const a = new RegressionState().update({ yTrue: y1, yPred: p1 });
 * const b = new RegressionState().update({ yTrue: y2, yPred: p2 });
 * a.merge(b).compute().metrics.r2; // == regressionMetrics(concat(y1, y2), concat(p1, p2)).metrics.r2
 * ```
 */
export class RegressionState implements MetricState<RegressionBatch> {
  readonly kind = 'regression';
  readonly quantile: number;
  readonly names: { label: string; pred: string };
  private readonly yTrue = new GrowableColumn(Float64Array);
  private readonly yPred = new GrowableColumn(Float64Array);
  private readonly weights = new GrowableColumn(Float64Array);
  /** Whether batches carry weights; undecided (null) until the first batch. */
  private weighted: boolean | null = null;

  /**
   * @param options - `quantile` (pinball alpha in (0, 1), default 0.5) and column `names` for messages
   * @throws ValidationError `invalid_argument` for a quantile outside (0, 1)
   */
  constructor(options: RegressionStateOptions = {}) {
    const quantile = options.quantile ?? 0.5;
    if (!(typeof quantile === 'number' && quantile > 0 && quantile < 1)) {
      throw new ValidationError('invalid_argument', `quantile must lie strictly between 0 and 1, got ${String(quantile)}.`);
    }
    this.quantile = quantile;
    this.names = { label: options.names?.label ?? 'y_true', pred: options.names?.pred ?? 'y_pred' };
  }

  /** Rows added so far. */
  get rows(): number {
    return this.yTrue.length;
  }

  /**
   * Adds validated rows (copied; inputs are never mutated).
   * @param batch - `yTrue`, `yPred` (finite, equally long) and optional non-negative `weights`
   * @returns this
   * @throws ValidationError `length_mismatch`, `invalid_input` (non-finite values, bad weights, or weights present in
   * some batches and absent in others)
   */
  update(batch: RegressionBatch): this {
    const { yTrue, yPred, weights } = batch;
    const n = yTrue.length;
    const { label, pred } = this.names;
    if (yPred.length !== n) {
      throw new ValidationError('length_mismatch', `Expected \`${label}\` and \`${pred}\` to be equally long, but they hold ${n} and ${yPred.length} rows.`);
    }
    if (weights !== undefined && weights.length !== n) {
      throw new ValidationError('length_mismatch', `Expected ${n} weights (one per row), but got ${weights.length}.`);
    }
    this.setWeighted(weights !== undefined);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(yTrue[i])) {
        throw new ValidationError('invalid_input', `Expected column \`${label}\` to hold finite numbers, but batch row ${i} is ${String(yTrue[i])}.`);
      }
      if (!Number.isFinite(yPred[i])) {
        throw new ValidationError('invalid_input', `Expected column \`${pred}\` to hold finite numbers, but batch row ${i} is ${String(yPred[i])}.`);
      }
      if (weights !== undefined && !(Number.isFinite(weights[i]) && weights[i] >= 0)) {
        throw new ValidationError('invalid_input', `Expected weights to be finite and >= 0, but batch row ${i} is ${String(weights[i])}.`);
      }
    }
    this.yTrue.append(yTrue);
    this.yPred.append(yPred);
    if (weights !== undefined) this.weights.append(weights);
    return this;
  }

  /**
   * Appends the rows of another regression state with the same options.
   * @param other - the other state (unchanged)
   * @returns this
   * @throws ValidationError `invalid_argument` when quantiles differ or one state is weighted and the other not
   */
  merge(other: this): this {
    if (!(other instanceof RegressionState)) throw new ValidationError('invalid_argument', 'Can only merge a regression state into a regression state.');
    if (other.quantile !== this.quantile) {
      throw new ValidationError('invalid_argument', `Cannot merge regression states with different quantiles (${this.quantile} and ${other.quantile}).`);
    }
    if (other.weighted !== null) this.setWeighted(other.weighted);
    this.yTrue.appendColumn(other.yTrue);
    this.yPred.appendColumn(other.yPred);
    if (other.weighted === true) this.weights.appendColumn(other.weights);
    return this;
  }

  /**
   * The regression task's result over every row added: metrics, the `residuals` section and warnings.
   * @returns the task result
   * @throws ValidationError `empty_input` with no rows, `invalid_input` when every weight is 0
   */
  compute(): TaskResult {
    const r = regressionMetrics(this.yTrue.view(), this.yPred.view(), {
      weights: this.weighted === true ? this.weights.view() : undefined,
      quantile: this.quantile,
      names: this.names,
    });
    return { metrics: r.metrics, sections: { residuals: r.residuals }, warnings: r.warnings };
  }

  /** @returns the lossless serialised state (float64 bits exact) */
  toJSON(): RegressionStateJson {
    return {
      kind: 'regression',
      version: STATE_VERSION,
      quantile: this.quantile,
      names: { ...this.names },
      weighted: this.weighted,
      yTrue: encodeTypedArray(this.yTrue.view()),
      yPred: encodeTypedArray(this.yPred.view()),
      ...(this.weighted === true ? { weights: encodeTypedArray(this.weights.view()) } : {}),
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse).
   * @param json - the parsed JSON
   * @returns the state
   * @throws ValidationError `invalid_input` for another kind, version or inconsistent arrays
   */
  static fromJSON(json: StateJson): RegressionState {
    checkStateJson(json, 'regression', STATE_VERSION);
    const j = json as RegressionStateJson;
    const state = new RegressionState({ quantile: j.quantile, names: j.names });
    const y = decodeTypedArray(j.yTrue);
    const p = decodeTypedArray(j.yPred);
    const w = j.weighted === true && j.weights !== undefined ? decodeTypedArray(j.weights) : undefined;
    if (!(y instanceof Float64Array) || !(p instanceof Float64Array) || (w !== undefined && !(w instanceof Float64Array))
      || p.length !== y.length || (j.weighted === true && w?.length !== y.length)) {
      throw new ValidationError('invalid_input', 'A serialised regression state holds columns of different types or lengths.');
    }
    if (j.weighted !== null) state.setWeighted(j.weighted === true);
    state.yTrue.append(y);
    state.yPred.append(p);
    if (w !== undefined) state.weights.append(w);
    return state;
  }

  private setWeighted(weighted: boolean): void {
    if (this.weighted === null) this.weighted = weighted;
    else if (this.weighted !== weighted) {
      throw new ValidationError('invalid_input', 'Either every batch of a regression state carries weights or none does.');
    }
  }
}
