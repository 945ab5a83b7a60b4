import { ValidationError } from '../../errors.js';
import type { TaskResult } from '../../evaluate/prepared-task.js';
import type { ZeroDivision } from '../../metrics/binary/threshold-metrics.js';
import { multilabelThresholdMetrics } from '../../metrics/multilabel/multilabel-threshold-metrics.js';
import type { MultilabelInput } from '../../metrics/multilabel/validate-multilabel-input.js';
import type { ReportWarning } from '../../report/report-warning.js';
import { STATE_VERSION, type MetricState, type StateJson } from '../metric-state.js';
import { checkStateJson, decodeTypedArray, encodeTypedArray, type EncodedArray } from '../state-buffers.js';
import { addLabelRankingSums } from '../../metrics/multilabel/label-ranking-sums.js';

/** Options of {@link MultilabelState}: those of the multilabel task. */
export interface MultilabelStateOptions {
  /** A label is predicted iff its score >= threshold (default 0.5). */
  threshold?: number;
  /** What a 0/0 in precision, recall, F1 or Jaccard becomes: 0 (default), 1 or 'nan'. */
  zeroDivision?: ZeroDivision;
  /** Label names for the `per_class` section (default `labels[j]`). */
  names?: { labels?: readonly string[] };
}

/** Serialised {@link MultilabelState}. */
export interface MultilabelStateJson extends StateJson {
  readonly kind: 'multilabel';
  /** The threshold as one float64 (lossless for any number, infinities included). */
  readonly threshold: EncodedArray;
  readonly zeroDivision: ZeroDivision;
  readonly labelNames: string[] | null;
  readonly nLabels: number | null;
  readonly rows: number;
  /** tp, predicted, actual per label (3 L float64). */
  readonly labelCounts: EncodedArray;
  /** wTotal, wP, wR, wF, wJ, wDiff, wExact, lrap, coverage, loss. */
  readonly sums: EncodedArray;
  /** Rows (of positive weight) with 0/0 in samples precision, recall, F1, Jaccard. */
  readonly illSamples: EncodedArray;
}

const SUMS = 10;
const [W_TOTAL, W_P, W_R, W_F, W_J, W_DIFF, W_EXACT, LRAP, COVERAGE, LOSS] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The mergeable state of the multilabel task: what `prepareMultilabelTask(...).evaluate(kernels, true)` computes
 * (= `multilabelMetrics`), built batch by batch, merged, serialised.
 *
 * @remarks Memory is O(L), independent of rows: weighted tp / predicted / actual per label (3 L float64), ten weighted
 * per-sample sums (the samples-averaged P/R/F1/Jaccard, Hamming differences, exact matches, LRAP, coverage, ranking
 * loss: each row-local, so a sum over rows), four 0/0 counters and the row count. `update` costs O(n L) (plus a sort
 * of each row's L scores). Fed in row order, every running sum adds the same terms in the same order as the one-shot
 * function (identical bits); after merges the partial sums are added in another association, so weighted sums may
 * differ in the last bits (relative ~1e-15; unweighted sums are integers below 2^53 except the ratio sums).
 * @see sklearn.metrics.precision_recall_fscore_support, hamming_loss, label_ranking_average_precision_score
 * @example
 * ```ts
 * const s = new MultilabelState({ threshold: 0.4 });
 * s.update({ labels: [y0, y1], scores: [s0, s1] });
 * s.compute().metrics.f1_macro;
 * ```
 */
export class MultilabelState implements MetricState<MultilabelInput> {
  readonly kind = 'multilabel';
  readonly threshold: number;
  readonly zeroDivision: ZeroDivision;
  readonly labelNames: readonly string[] | undefined;
  private nLabels: number | null = null;
  private rows = 0;
  private labelCounts = new Float64Array(0);
  private readonly sums = new Float64Array(SUMS);
  private readonly illSamples = new Float64Array(4);

  /**
   * @param options - `threshold` (default 0.5), `zeroDivision` (default 0), label `names` for sections
   * @throws ValidationError `invalid_argument` for a NaN threshold or another zeroDivision
   */
  constructor(options: MultilabelStateOptions = {}) {
    const threshold = options.threshold ?? 0.5;
    if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
      throw new ValidationError('invalid_argument', `Expected option \`threshold\` to be a number, but got ${String(threshold)}.`);
    }
    const zeroDivision = options.zeroDivision ?? 0;
    if (zeroDivision !== 0 && zeroDivision !== 1 && zeroDivision !== 'nan') {
      throw new ValidationError('invalid_argument', `Expected option \`zeroDivision\` to be 0, 1 or 'nan', but got ${String(zeroDivision)}.`);
    }
    this.threshold = threshold;
    this.zeroDivision = zeroDivision;
    this.labelNames = options.names?.labels !== undefined ? [...options.names.labels] : undefined;
    if (this.labelNames !== undefined) this.setLabels(this.labelNames.length);
  }

  /**
   * Adds validated rows (read, never kept or mutated).
   * @param batch - L label columns (0/1), L score columns, optional non-negative weights; may be empty
   * @returns this
   * @throws ValidationError `length_mismatch` or `invalid_input` (fewer than 2 labels, another label count than earlier
   * batches, labels not 0/1, NaN scores, negative or non-finite weights)
   */
  update(batch: MultilabelInput): this {
    const nLabels = this.checkBatch(batch);
    const { labels, scores, weights } = batch;
    const n = labels[0].length;
    if (n === 0) return this;
    const t = this.threshold;
    const counts = this.labelCounts;
    const sampleTp = new Int32Array(n);
    const samplePredicted = new Int32Array(n);
    const sampleActual = new Int32Array(n);
    for (let j = 0; j < nLabels; j++) {
      const y = labels[j];
      const s = scores[j];
      let tp = counts[3 * j];
      let pred = counts[3 * j + 1];
      let act = counts[3 * j + 2];
      for (let i = 0; i < n; i++) {
        const w = weights === undefined ? 1 : weights[i];
        const yi = y[i] === 1;
        const pi = s[i] >= t;
        if (yi) { act += w; sampleActual[i]++; }
        if (pi) { pred += w; samplePredicted[i]++; }
        if (yi && pi) { tp += w; sampleTp[i]++; }
      }
      counts[3 * j] = tp;
      counts[3 * j + 1] = pred;
      counts[3 * j + 2] = act;
    }
    // The samples loop of multilabelThresholdMetrics, kept as sums.
    const zd = this.zeroDivision === 'nan' ? NaN : this.zeroDivision;
    const divide = (num: number, den: number): number => (den === 0 ? zd : num / den);
    const sums = this.sums;
    const ill = this.illSamples;
    let wTotal = sums[W_TOTAL], wP = sums[W_P], wR = sums[W_R], wF = sums[W_F], wJ = sums[W_J];
    let wDiff = sums[W_DIFF], wExact = sums[W_EXACT];
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      const tp = sampleTp[i];
      const pred = samplePredicted[i];
      const act = sampleActual[i];
      const diff = pred + act - 2 * tp;
      wTotal += w;
      wDiff += w * diff;
      if (diff === 0) wExact += w;
      if (w === 0) continue;
      if (pred === 0) ill[0]++;
      if (act === 0) ill[1]++;
      if (pred === 0 && act === 0) ill[2]++;
      if (pred + act - tp === 0) ill[3]++;
      const p = divide(tp, pred);
      const r = divide(tp, act);
      wP += w * p;
      wR += w * r;
      wF += w * f1Of(p, r);
      wJ += w * divide(tp, pred + act - tp);
    }
    sums[W_TOTAL] = wTotal; sums[W_P] = wP; sums[W_R] = wR; sums[W_F] = wF; sums[W_J] = wJ;
    sums[W_DIFF] = wDiff; sums[W_EXACT] = wExact;
    const ranking = { lrap: sums[LRAP], coverage: sums[COVERAGE], loss: sums[LOSS] };
    addLabelRankingSums(batch, ranking);
    sums[LRAP] = ranking.lrap;
    sums[COVERAGE] = ranking.coverage;
    sums[LOSS] = ranking.loss;
    this.rows += n;
    return this;
  }

  /**
   * Adds another multilabel state with the same options and label count.
   * @param other - the other state (unchanged)
   * @returns this
   * @throws ValidationError `invalid_argument` when threshold, zeroDivision or the label count differ
   */
  merge(other: this): this {
    if (!(other instanceof MultilabelState)) throw new ValidationError('invalid_argument', 'Can only merge a multilabel state into a multilabel state.');
    if (!Object.is(other.threshold, this.threshold) || other.zeroDivision !== this.zeroDivision) {
      throw new ValidationError('invalid_argument',
        `Cannot merge multilabel states with different options (threshold ${this.threshold} vs ${other.threshold}, zeroDivision ${String(this.zeroDivision)} vs ${String(other.zeroDivision)}).`);
    }
    if (other.nLabels === null) return this;
    if (this.nLabels !== null && this.nLabels !== other.nLabels) {
      throw new ValidationError('invalid_argument', `Cannot merge multilabel states of ${this.nLabels} and ${other.nLabels} labels.`);
    }
    this.setLabels(other.nLabels);
    const a = this.labelCounts, b = other.labelCounts;
    for (let k = 0; k < a.length; k++) a[k] += b[k];
    for (let k = 0; k < SUMS; k++) this.sums[k] += other.sums[k];
    for (let k = 0; k < 4; k++) this.illSamples[k] += other.illSamples[k];
    this.rows += other.rows;
    return this;
  }

  /**
   * The multilabel task's result: metrics, the `per_class` section and warnings (as `multilabelMetrics`).
   * @returns the task result
   * @throws ValidationError `empty_input` with no rows, `invalid_input` when every weight is zero
   */
  compute(): TaskResult {
    if (this.rows === 0 || this.nLabels === null) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
    const s = this.sums;
    const wTotal = s[W_TOTAL];
    if (wTotal === 0) throw new ValidationError('invalid_input', 'Every weight in column `weights` is zero; nothing carries weight to evaluate.');
    const nLabels = this.nLabels;
    const labelTp = new Float64Array(nLabels), labelPredicted = new Float64Array(nLabels), labelActual = new Float64Array(nLabels);
    for (let j = 0; j < nLabels; j++) {
      labelTp[j] = this.labelCounts[3 * j];
      labelPredicted[j] = this.labelCounts[3 * j + 1];
      labelActual[j] = this.labelCounts[3 * j + 2];
    }
    const warnings: ReportWarning[] = [];
    // Per-label and micro parts from the shared step, on zero rows; the samples parts come from the running sums and
    // their warnings come last, as in the one-shot function.
    const none = new Int32Array(0);
    const { metrics, perLabel } = multilabelThresholdMetrics(
      { labelTp, labelPredicted, labelActual, sampleTp: none, samplePredicted: none, sampleActual: none },
      undefined, this.zeroDivision, warnings,
    );
    metrics.precision_samples = s[W_P] / wTotal;
    metrics.recall_samples = s[W_R] / wTotal;
    metrics.f1_samples = s[W_F] / wTotal;
    metrics.jaccard_samples = s[W_J] / wTotal;
    metrics.hamming_loss = s[W_DIFF] / (nLabels * wTotal);
    metrics.subset_accuracy = s[W_EXACT] / wTotal;
    const shown = String(this.zeroDivision === 'nan' ? NaN : this.zeroDivision);
    const ill = this.illSamples;
    const why = ['no predicted labels', 'no true labels', 'no true and no predicted labels', 'no true and no predicted labels'];
    ['precision (samples)', 'recall (samples)', 'F1 (samples)', 'jaccard (samples)'].forEach((metric, k) => {
      if (ill[k] > 0) warnings.push({ code: 'zero_division', message: `${metric} is ill-defined in ${ill[k]} row(s) (${why[k]}); set to ${shown} there.` });
    });
    const all: Record<string, number> = {
      ...metrics,
      label_ranking_average_precision: s[LRAP] / wTotal,
      coverage_error: s[COVERAGE] / wTotal,
      label_ranking_loss: s[LOSS] / wTotal,
    };
    const name = (j: number): string => this.labelNames?.[j] ?? `labels[${j}]`;
    const perClass = perLabel.map((c) => ({ class: name(c.labelIndex), precision: c.precision, recall: c.recall, f1: c.f1, support: c.support }));
    return { metrics: all, sections: { per_class: perClass }, warnings };
  }

  /** @returns the lossless serialised state */
  toJSON(): MultilabelStateJson {
    return {
      kind: 'multilabel',
      version: STATE_VERSION,
      threshold: encodeTypedArray(Float64Array.of(this.threshold)),
      zeroDivision: this.zeroDivision,
      labelNames: this.labelNames !== undefined ? [...this.labelNames] : null,
      nLabels: this.nLabels,
      rows: this.rows,
      labelCounts: encodeTypedArray(this.labelCounts),
      sums: encodeTypedArray(this.sums),
      illSamples: encodeTypedArray(this.illSamples),
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse).
   * @param json - the parsed JSON
   * @returns the state
   * @throws ValidationError `invalid_input` for another kind, version or inconsistent arrays
   */
  static fromJSON(json: StateJson): MultilabelState {
    checkStateJson(json, 'multilabel', STATE_VERSION);
    const j = json as MultilabelStateJson;
    const threshold = decodeTypedArray(j.threshold);
    const labelCounts = decodeTypedArray(j.labelCounts);
    const sums = decodeTypedArray(j.sums);
    const ill = decodeTypedArray(j.illSamples);
    const nLabels = j.nLabels ?? 0;
    if (!(threshold instanceof Float64Array) || threshold.length !== 1 || !(labelCounts instanceof Float64Array)
      || labelCounts.length !== 3 * nLabels || !(sums instanceof Float64Array) || sums.length !== SUMS
      || !(ill instanceof Float64Array) || ill.length !== 4 || !Number.isInteger(j.rows)) {
      throw new ValidationError('invalid_input', 'A serialised multilabel state holds arrays of unexpected types or lengths.');
    }
    const state = new MultilabelState({ threshold: threshold[0], zeroDivision: j.zeroDivision, names: j.labelNames !== null ? { labels: j.labelNames } : undefined });
    if (j.nLabels !== null) state.setLabels(j.nLabels);
    state.labelCounts.set(labelCounts);
    state.sums.set(sums);
    state.illSamples.set(ill);
    state.rows = j.rows;
    return state;
  }

  private setLabels(nLabels: number): void {
    if (this.nLabels === null) {
      this.nLabels = nLabels;
      this.labelCounts = new Float64Array(3 * nLabels);
    } else if (this.nLabels !== nLabels) {
      throw new ValidationError('invalid_input', `Expected ${this.nLabels} label columns, as earlier, but got ${nLabels}.`);
    }
  }

  private checkBatch(batch: MultilabelInput): number {
    const { labels, scores, weights } = batch;
    const nLabels = labels.length;
    if (scores.length !== nLabels) {
      throw new ValidationError('length_mismatch',
        `Expected one score column per label column, but there are ${nLabels} label columns and ${scores.length} score columns.`);
    }
    if (nLabels < 2) {
      throw new ValidationError('invalid_input', `Expected at least two label columns for multilabel metrics, but got ${nLabels}; use the binary metrics for one label.`);
    }
    this.setLabels(nLabels);
    const n = labels[0].length;
    for (let j = 0; j < nLabels; j++) {
      if (labels[j].length !== n || scores[j].length !== n) {
        throw new ValidationError('length_mismatch', `Expected every column to have ${n} rows (as \`labels[0]\`), but \`labels[${j}]\` has ${labels[j].length} and \`scores[${j}]\` has ${scores[j].length}.`);
      }
      for (let i = 0; i < n; i++) {
        if (labels[j][i] > 1) throw new ValidationError('invalid_input', `Expected column \`labels[${j}]\` to hold 0/1 flags, but batch row ${i} holds ${labels[j][i]}.`);
        if (Number.isNaN(scores[j][i])) throw new ValidationError('invalid_input', `Column \`scores[${j}]\` holds NaN at batch row ${i}; scores must be numbers.`);
      }
    }
    if (weights !== undefined) {
      if (weights.length !== n) throw new ValidationError('length_mismatch', `Expected \`weights\` to have ${n} rows like the labels, but it has ${weights.length}.`);
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(weights[i]) || weights[i] < 0) {
          throw new ValidationError('invalid_input', `Column \`weights\` holds ${String(weights[i])} at batch row ${i}; sample weights must be finite and >= 0.`);
        }
      }
    }
    return nLabels;
  }
}

function f1Of(p: number, r: number): number {
  const denom = p + r;
  return (2 * p * r) / (denom === 0 ? 1 : denom);
}
