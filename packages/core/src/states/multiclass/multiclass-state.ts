import { ValidationError } from '../../errors.js';
import type { TaskResult } from '../../evaluate/prepared-task.js';
import type { ZeroDivision } from '../../metrics/binary/threshold-metrics.js';
import { argmaxPredictions } from '../../metrics/multiclass/argmax-predictions.js';
import { confusionAgreementMetrics } from '../../metrics/multiclass/confusion-agreement-metrics.js';
import type { MulticlassInput } from '../../metrics/multiclass/multiclass-input.js';
import { precisionRecallFscore } from '../../metrics/multiclass/precision-recall-fscore.js';
import type { LabelValue } from '../../report/report.js';
import type { ReportWarning } from '../../report/report-warning.js';
import { STATE_VERSION, type MetricState, type StateJson } from '../metric-state.js';
import { checkStateJson, decodeTypedArray, encodeTypedArray, type EncodedArray } from '../state-buffers.js';
import { ClassScoreBuckets } from './class-score-buckets.js';

/** Options of {@link MulticlassState}: those of the multiclass task. */
export interface MulticlassStateOptions {
  /** Number of classes (>= 2); every batch's `k` must equal it. */
  k: number;
  /** Adds `top_<topK>_accuracy` (needs scores). */
  topK?: number;
  /** What a 0/0 in precision, recall or F becomes: 0 (default), 1 or 'nan'. */
  zeroDivision?: ZeroDivision;
  /** Class names for the sections, in class-index order (default 0..k-1). */
  classes?: readonly LabelValue[];
}

/** Serialised {@link MulticlassState}. */
export interface MulticlassStateJson extends StateJson {
  readonly kind: 'multiclass';
  readonly k: number;
  readonly topK: number | null;
  readonly zeroDivision: ZeroDivision;
  readonly classes: LabelValue[];
  readonly withScores: boolean | null;
  readonly weighted: boolean | null;
  readonly rows: number;
  /** K x K weighted confusion, rows = true class. */
  readonly confusion: EncodedArray;
  /** log-loss sum, top-k hits, total weight, sum of scores of the first unnormalised row. */
  readonly sums: EncodedArray;
  readonly firstUnnormalisedRow: number;
  /** Per (column j, class c), j * K + c: scores; then per class c: weights (when weighted). */
  readonly buckets?: EncodedArray[];
  readonly bucketWeights?: EncodedArray[];
}

const EPS = Number.EPSILON;
const AUC_KEYS = ['roc_auc_ovr_macro', 'roc_auc_ovr_weighted', 'roc_auc_ovo_macro', 'roc_auc_ovo_weighted'] as const;

/**
 * The mergeable state of the multiclass task: what `prepareMulticlassTask(...).evaluate(kernels, true)` computes
 * (= `multiclassMetrics`), built batch by batch, merged, serialised. `compute()` is synchronous and needs no kernels.
 *
 * @remarks Running totals: the K x K weighted confusion matrix (float64; predictions are `pred` when a batch has it,
 * else the argmax of its scores), the weighted log-loss sum, the weighted top-k hits, the total weight and the first
 * row whose scores do not sum to 1. The ROC AUCs need the scores themselves: for each score column j and true class c
 * the state keeps column j's scores over rows of class c (see {@link ClassScoreBuckets}), 8 K bytes a row (+8 when
 * weighted), sorted at compute; everything else is O(K^2). Fed in row order the sums add the same terms in the same
 * order as the one-shot function; merged in another order they may differ in the last bits (~1e-15 relative).
 * Warnings name rows by their position in this state (rows of `other` follow after a merge).
 * @see sklearn.metrics.confusion_matrix, log_loss, top_k_accuracy_score, roc_auc_score(multi_class="ovr"|"ovo")
 * @example
 * ```ts
 * const s = new MulticlassState({ k: 3, topK: 2 });
 * s.update({ labels, k: 3, scores: [p0, p1, p2] });
 * s.compute().metrics.roc_auc_ovr_macro;
 * ```
 */
export class MulticlassState implements MetricState<MulticlassInput> {
  readonly kind = 'multiclass';
  readonly k: number;
  readonly topK: number | undefined;
  readonly zeroDivision: ZeroDivision;
  readonly classes: readonly LabelValue[];
  private withScores: boolean | null = null;
  private weighted: boolean | null = null;
  private rows = 0;
  private readonly confusion: Float64Array;
  private logLossSum = 0;
  private topKHits = 0;
  private totalWeight = 0;
  private firstUnnormalisedRow = -1;
  private firstUnnormalisedSum = 0;
  private buckets: ClassScoreBuckets | undefined;

  /**
   * @param options - `k`, `topK`, `zeroDivision`, class names
   * @throws ValidationError `invalid_argument` for k < 2, a bad topK or zeroDivision, or class names not k long
   */
  constructor(options: MulticlassStateOptions) {
    const { k, topK } = options;
    if (!Number.isInteger(k) || k < 2) throw new ValidationError('invalid_argument', `Expected \`k\` to be an integer >= 2, but it is ${String(k)}.`);
    if (topK !== undefined && (!Number.isInteger(topK) || topK < 1)) {
      throw new ValidationError('invalid_argument', `Expected \`topK\` to be an integer >= 1, but it is ${String(topK)}.`);
    }
    const zd = options.zeroDivision ?? 0;
    if (zd !== 0 && zd !== 1 && zd !== 'nan') throw new ValidationError('invalid_argument', `Expected \`zeroDivision\` to be 0, 1 or "nan", but it is ${String(zd)}.`);
    if (options.classes !== undefined && options.classes.length !== k) {
      throw new ValidationError('invalid_argument', `Expected ${k} class names, but got ${options.classes.length}.`);
    }
    this.k = k;
    this.topK = topK;
    this.zeroDivision = zd;
    this.classes = options.classes !== undefined ? [...options.classes] : Array.from({ length: k }, (_, c) => c);
    this.confusion = new Float64Array(k * k);
  }

  /**
   * Adds validated rows (read, never kept or mutated).
   * @param batch - labels (class indices), `k` (= the state's), `scores` (k columns) and/or `pred`, optional weights
   * @returns this
   * @throws ValidationError as `validateMulticlassInput` (except for empty batches, which are fine), and
   * `invalid_input` when batches disagree on having scores or weights
   */
  update(batch: MulticlassInput): this {
    this.checkBatch(batch);
    const { labels, scores, weights } = batch;
    const n = labels.length;
    if (n === 0) return this;
    const k = this.k;
    const pred = batch.pred ?? argmaxPredictions(scores ?? []);
    const cm = this.confusion;
    if (weights === undefined) for (let r = 0; r < n; r++) cm[labels[r] * k + pred[r]] += 1;
    else for (let r = 0; r < n; r++) cm[labels[r] * k + pred[r]] += weights[r];
    if (scores !== undefined) {
      // log loss, as multiclassLogLoss: row sums of raw and clipped scores in class order.
      const clippedSum = new Float64Array(n);
      const rawSum = new Float64Array(n);
      for (let c = 0; c < k; c++) {
        const col = scores[c];
        for (let r = 0; r < n; r++) {
          const v = col[r];
          rawSum[r] += v;
          clippedSum[r] += Math.min(Math.max(v, EPS), 1 - EPS);
        }
      }
      // top-k, as topKAccuracy: classes ranked above the true one (ties broken towards the lower index).
      const above = new Int32Array(n);
      if (this.topK !== undefined) {
        for (let c = 0; c < k; c++) {
          const col = scores[c];
          for (let r = 0; r < n; r++) {
            const own = scores[labels[r]][r];
            const v = col[r];
            if (v > own || (v === own && c > labels[r])) above[r]++;
          }
        }
      }
      let sum = this.logLossSum, hits = this.topKHits, total = this.totalWeight;
      for (let r = 0; r < n; r++) {
        if (this.firstUnnormalisedRow < 0 && Math.abs(rawSum[r] - 1) > 1e-6) {
          this.firstUnnormalisedRow = this.rows + r;
          this.firstUnnormalisedSum = rawSum[r];
        }
        const q = Math.min(Math.max(scores[labels[r]][r], EPS), 1 - EPS) / clippedSum[r];
        const w = weights === undefined ? 1 : weights[r];
        sum -= w * Math.log(q);
        if (this.topK !== undefined && above[r] < this.topK) hits += w;
        total += w;
      }
      this.logLossSum = sum;
      this.topKHits = hits;
      this.totalWeight = total;
      this.bucketsFor().append(labels, scores, weights);
    }
    this.rows += n;
    return this;
  }

  /**
   * Adds another multiclass state with the same options.
   * @param other - the other state (unchanged)
   * @returns this
   * @throws ValidationError `invalid_argument` when k, topK or zeroDivision differ; `invalid_input` when one state has
   * scores or weights and the other not
   */
  merge(other: this): this {
    if (!(other instanceof MulticlassState)) throw new ValidationError('invalid_argument', 'Can only merge a multiclass state into a multiclass state.');
    if (other.k !== this.k || other.topK !== this.topK || other.zeroDivision !== this.zeroDivision) {
      throw new ValidationError('invalid_argument',
        `Cannot merge multiclass states with different options (k ${this.k} vs ${other.k}, topK ${String(this.topK)} vs ${String(other.topK)}, zeroDivision ${String(this.zeroDivision)} vs ${String(other.zeroDivision)}).`);
    }
    if (other.withScores !== null) this.setFlag('withScores', other.withScores);
    if (other.weighted !== null) this.setFlag('weighted', other.weighted);
    for (let i = 0; i < this.confusion.length; i++) this.confusion[i] += other.confusion[i];
    this.logLossSum += other.logLossSum;
    this.topKHits += other.topKHits;
    this.totalWeight += other.totalWeight;
    if (this.firstUnnormalisedRow < 0 && other.firstUnnormalisedRow >= 0) {
      this.firstUnnormalisedRow = this.rows + other.firstUnnormalisedRow;
      this.firstUnnormalisedSum = other.firstUnnormalisedSum;
    }
    if (other.buckets !== undefined) this.bucketsFor().merge(other.buckets);
    this.rows += other.rows;
    return this;
  }

  /**
   * The multiclass task's result: metrics, `confusion_matrix` and `per_class` sections, warnings.
   * @returns the task result
   * @throws ValidationError `empty_input` with no rows
   */
  compute(): TaskResult {
    if (this.rows === 0) throw new ValidationError('empty_input', 'Expected at least one row, but `labels` is empty.');
    const k = this.k;
    const cm = this.confusion;
    const warnings: ReportWarning[] = [];
    const prf = precisionRecallFscore(cm, k, this.zeroDivision, warnings);
    const agreement = confusionAgreementMetrics(cm, k, warnings);
    const metrics: Record<string, number> = { ...agreement, ...prf.averages };
    if (this.withScores === true) {
      if (this.topK !== undefined) {
        if (this.topK >= k) {
          warnings.push({ code: 'undefined_metric', message: `top_${this.topK}_accuracy is 1 by construction: topK (${this.topK}) >= number of classes (${k}).` });
        }
        metrics[`top_${this.topK}_accuracy`] = this.topKHits / this.totalWeight;
      }
      metrics.log_loss = this.logLossSum / this.totalWeight;
      if (this.firstUnnormalisedRow >= 0) {
        warnings.push({
          code: 'probabilities_not_normalised',
          message: `Scores do not sum to 1 in every row (first: row ${this.firstUnnormalisedRow}, sum ${this.firstUnnormalisedSum}); log_loss renormalises the rows and the ROC AUCs use the scores as given (scikit-learn's roc_auc_score would refuse them).`,
        });
      }
      this.addRocAucs(metrics, warnings);
    }
    const sections = {
      confusion_matrix: { labels: [...this.classes], matrix: Array.from({ length: k }, (_, t) => Array.from(cm.subarray(t * k, (t + 1) * k))) },
      per_class: Array.from({ length: k }, (_, c) => ({
        class: this.classes[c], precision: prf.precision[c], recall: prf.recall[c], f1: prf.f1[c], support: prf.support[c],
      })),
    };
    return { metrics, sections, warnings };
  }

  /** @returns the lossless serialised state */
  toJSON(): MulticlassStateJson {
    const b = this.buckets;
    return {
      kind: 'multiclass',
      version: STATE_VERSION,
      k: this.k,
      topK: this.topK ?? null,
      zeroDivision: this.zeroDivision,
      classes: [...this.classes],
      withScores: this.withScores,
      weighted: this.weighted,
      rows: this.rows,
      confusion: encodeTypedArray(this.confusion),
      sums: encodeTypedArray(Float64Array.of(this.logLossSum, this.topKHits, this.totalWeight, this.firstUnnormalisedSum)),
      firstUnnormalisedRow: this.firstUnnormalisedRow,
      ...(b !== undefined ? {
        buckets: Array.from({ length: this.k * this.k }, (_, i) => encodeTypedArray(b.bucket(Math.floor(i / this.k), i % this.k))),
        ...(b.weighted ? { bucketWeights: Array.from({ length: this.k }, (_, c) => encodeTypedArray(b.classWeights(c) ?? new Float64Array(0))) } : {}),
      } : {}),
    };
  }

  /**
   * Rebuilds a state from `toJSON()` output (after JSON.stringify / JSON.parse).
   * @param json - the parsed JSON
   * @returns the state
   * @throws ValidationError `invalid_input` for another kind, version or inconsistent arrays
   */
  static fromJSON(json: StateJson): MulticlassState {
    checkStateJson(json, 'multiclass', STATE_VERSION);
    const j = json as MulticlassStateJson;
    const state = new MulticlassState({ k: j.k, topK: j.topK ?? undefined, zeroDivision: j.zeroDivision, classes: j.classes });
    const bad = (): ValidationError => new ValidationError('invalid_input', 'A serialised multiclass state holds arrays of unexpected types or lengths.');
    const f64 = (e: EncodedArray): Float64Array => {
      const a = decodeTypedArray(e);
      if (!(a instanceof Float64Array)) throw bad();
      return a;
    };
    const confusion = f64(j.confusion);
    const sums = f64(j.sums);
    if (confusion.length !== j.k * j.k || sums.length !== 4 || !Number.isInteger(j.rows) || !Number.isInteger(j.firstUnnormalisedRow)) throw bad();
    if (j.withScores !== null) state.setFlag('withScores', j.withScores);
    if (j.weighted !== null) state.setFlag('weighted', j.weighted);
    state.confusion.set(confusion);
    [state.logLossSum, state.topKHits, state.totalWeight, state.firstUnnormalisedSum] = sums;
    state.firstUnnormalisedRow = j.firstUnnormalisedRow;
    state.rows = j.rows;
    if (j.buckets !== undefined) {
      if (j.buckets.length !== j.k * j.k || (j.weighted === true) !== (j.bucketWeights?.length === j.k)) throw bad();
      const k = j.k;
      const cols = j.buckets.map(f64);
      const weights = j.bucketWeights?.map(f64);
      // Re-append class by class: labels are all c, scores are column j's bucket (j, c).
      for (let c = 0; c < k; c++) {
        const n = cols[c].length;
        for (let col = 0; col < k; col++) if (cols[col * k + c].length !== n) throw bad();
        if (weights !== undefined && weights[c].length !== n) throw bad();
        state.bucketsFor().append(new Int32Array(n).fill(c), Array.from({ length: k }, (_, col) => cols[col * k + c]), weights?.[c]);
      }
    }
    return state;
  }

  private addRocAucs(metrics: Record<string, number>, warnings: ReportWarning[]): void {
    const k = this.k;
    const weighted = this.weighted === true;
    const keys: readonly string[] = weighted ? AUC_KEYS.slice(0, 2) : AUC_KEYS;
    if (weighted) {
      warnings.push({ code: 'metric_omitted', message: 'roc_auc_ovo_macro and roc_auc_ovo_weighted are left out: one-vs-one ROC AUC takes no sample weights (as in scikit-learn).' });
    }
    const cm = this.confusion;
    const support = new Float64Array(k);
    let total = 0;
    for (let t = 0; t < k; t++) for (let p = 0; p < k; p++) support[t] += cm[t * k + p];
    for (let c = 0; c < k; c++) total += support[c];
    const degenerate: number[] = [];
    for (let c = 0; c < k; c++) if (!(support[c] > 0) || !(total - support[c] > 0)) degenerate.push(c);
    if (degenerate.length > 0) {
      for (const key of keys) metrics[key] = NaN;
      warnings.push({ code: 'one_class', message: `ROC AUC is undefined: class(es) ${degenerate.slice(0, 8).join(', ')} lack positive or negative rows; the roc_auc keys are NaN.` });
      return;
    }
    const buckets = this.bucketsFor();
    const perClass = buckets.rocAucOvr();
    // As rocAucOvr: macro mean, and mean weighted by the (weighted) class prevalence.
    const prevalence = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      const w = buckets.classWeights(c);
      if (w === undefined) prevalence[c] = buckets.bucket(0, c).length;
      else for (let i = 0; i < w.length; i++) prevalence[c] += w[i];
    }
    let sum = 0, wsum = 0, wtotal = 0;
    for (let c = 0; c < k; c++) {
      sum += perClass[c];
      wsum += prevalence[c] * perClass[c];
      wtotal += prevalence[c];
    }
    metrics.roc_auc_ovr_macro = sum / k;
    metrics.roc_auc_ovr_weighted = wsum / wtotal;
    if (!weighted) {
      const ovo = buckets.rocAucOvo();
      metrics.roc_auc_ovo_macro = ovo.macro;
      metrics.roc_auc_ovo_weighted = ovo.weighted;
    }
  }

  private bucketsFor(): ClassScoreBuckets {
    this.buckets ??= new ClassScoreBuckets(this.k, this.weighted === true);
    return this.buckets;
  }

  private setFlag(flag: 'withScores' | 'weighted', value: boolean): void {
    const current = this[flag];
    if (current === null) this[flag] = value;
    else if (current !== value) {
      throw new ValidationError('invalid_input', flag === 'weighted'
        ? 'Either every batch of a multiclass state carries weights or none does.'
        : 'Either every batch of a multiclass state carries scores or none does.');
    }
  }

  private checkBatch(batch: MulticlassInput): void {
    const { labels, k, scores, pred, weights } = batch;
    if (k !== this.k) throw new ValidationError('invalid_input', `Expected batches of ${this.k} classes, but a batch says k = ${String(k)}.`);
    if (scores === undefined && pred === undefined) throw new ValidationError('invalid_argument', 'Expected `scores` or `pred`, but neither was given.');
    const n = labels.length;
    for (let r = 0; r < n; r++) {
      const y = labels[r];
      if (!(y >= 0 && y < k)) throw new ValidationError('invalid_input', `Expected \`labels\` to hold class indices 0..${k - 1}, but batch row ${r} holds ${y}.`);
    }
    if (scores !== undefined) {
      if (scores.length !== k) throw new ValidationError('invalid_argument', `Expected ${k} score columns (one per class), but got ${scores.length}.`);
      for (let c = 0; c < k; c++) {
        const col = scores[c];
        if (col.length !== n) throw new ValidationError('length_mismatch', `Expected score column ${c} to have ${n} rows like \`labels\`, but it has ${col.length}.`);
        for (let r = 0; r < n; r++) {
          if (!Number.isFinite(col[r])) throw new ValidationError('invalid_input', `Expected finite scores, but score column ${c} holds ${col[r]} at batch row ${r}.`);
        }
      }
    }
    if (pred !== undefined) {
      if (pred.length !== n) throw new ValidationError('length_mismatch', `Expected \`pred\` to have ${n} rows like \`labels\`, but it has ${pred.length}.`);
      for (let r = 0; r < n; r++) {
        if (!(pred[r] >= 0 && pred[r] < k)) throw new ValidationError('invalid_input', `Expected \`pred\` to hold class indices 0..${k - 1}, but batch row ${r} holds ${pred[r]}.`);
      }
    }
    if (weights !== undefined) {
      if (weights.length !== n) throw new ValidationError('length_mismatch', `Expected \`weights\` to have ${n} rows like \`labels\`, but it has ${weights.length}.`);
      for (let r = 0; r < n; r++) {
        if (!(weights[r] >= 0) || !Number.isFinite(weights[r])) throw new ValidationError('invalid_input', `Expected finite non-negative weights, but batch row ${r} holds ${weights[r]}.`);
      }
    }
    this.setFlag('withScores', scores !== undefined);
    this.setFlag('weighted', weights !== undefined);
  }
}
