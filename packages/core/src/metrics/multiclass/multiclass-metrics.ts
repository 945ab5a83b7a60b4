import type { Kernels } from '../../kernels/binary-clf-curve.js';
import type { ReportWarning } from '../../report/report-warning.js';
import { argmaxPredictions } from './argmax-predictions.js';
import { confusionAgreementMetrics } from './confusion-agreement-metrics.js';
import type { MulticlassInput, MulticlassOptions, MulticlassResult } from './multiclass-input.js';
import { multiclassConfusion } from './multiclass-confusion.js';
import { multiclassLogLoss } from './multiclass-log-loss.js';
import { precisionRecallFscore } from './precision-recall-fscore.js';
import { rocAucOvo } from './roc-auc-ovo.js';
import { rocAucOvr } from './roc-auc-ovr.js';
import { topKAccuracy } from './top-k-accuracy.js';
import { validateMulticlassInput } from './validate-multiclass-input.js';

const AUC_KEYS = ['roc_auc_ovr_macro', 'roc_auc_ovr_weighted', 'roc_auc_ovo_macro', 'roc_auc_ovo_weighted'] as const;

/**
 * Every multiclass metric of one set of rows: hard-prediction metrics from a single-pass confusion matrix, and,
 * when score columns are given, top-k accuracy, log loss and one-vs-rest / one-vs-one ROC AUC.
 *
 * @param input - labels (class indices), k, and `scores` (k columns) and/or `pred`; optional `weights`. Not mutated.
 * @param options - `topK` adds `top_<topK>_accuracy`; `zeroDivision` (0, 1 or 'nan') for 0/0 in precision/recall/F
 * @param kernels - backend for the one-vs-rest curves (`jsKernels` or tfjs)
 * @returns metrics, per-class precision/recall/F1/support, the k x k confusion matrix and warnings
 * @throws ValidationError for a label or prediction outside 0..k-1, a score column count != k, unequal lengths,
 * non-finite scores, bad weights or bad options
 * @remarks Predictions are `pred` when given, else argmax of the scores (ties to the lowest class index). Keys:
 * accuracy, balanced_accuracy, precision_/recall_/f1_{macro,micro,weighted}, matthews_corrcoef, cohen_kappa, and with
 * scores log_loss, top_<K>_accuracy (only with `topK`), roc_auc_ovr_{macro,weighted}, roc_auc_ovo_{macro,weighted}.
 * The AUC keys are NaN (with a `one_class` warning) unless every class has positive and negative rows; the OvO keys
 * are left out with a `metric_omitted` warning when weights are given (scikit-learn's OvO takes no sample weights).
 * Rows of scores not summing to 1 (|sum - 1| > 1e-6) add `probabilities_not_normalised`; log loss renormalises them
 * and the AUCs use the scores as given.
 * @see sklearn.metrics.precision_recall_fscore_support, roc_auc_score(multi_class="ovr"|"ovo"), log_loss,
 * top_k_accuracy_score, matthews_corrcoef, cohen_kappa_score, balanced_accuracy_score, confusion_matrix
 * @example
 * ```ts
 * const r = await multiclassMetrics({ labels, k: 3, scores: [p0, p1, p2] }, { topK: 2 }, jsKernels);
 * r.metrics.roc_auc_ovr_macro;
 * ```
 */
export async function multiclassMetrics(
  input: MulticlassInput,
  options: MulticlassOptions,
  kernels: Kernels,
): Promise<MulticlassResult> {
  validateMulticlassInput(input, options);
  const { labels, k, scores, weights } = input;
  const warnings: ReportWarning[] = [];
  const pred = input.pred ?? argmaxPredictions(scores ?? []);

  const cm = multiclassConfusion(labels, pred, k, weights);
  const prf = precisionRecallFscore(cm, k, options.zeroDivision ?? 0, warnings);
  const agreement = confusionAgreementMetrics(cm, k, warnings);
  const metrics: Record<string, number> = { ...agreement, ...prf.averages };

  if (scores !== undefined) {
    if (options.topK !== undefined) {
      if (options.topK >= k) {
        warnings.push({ code: 'undefined_metric', message: `top_${options.topK}_accuracy is 1 by construction: topK (${options.topK}) >= number of classes (${k}).` });
      }
      metrics[`top_${options.topK}_accuracy`] = topKAccuracy(labels, scores, options.topK, weights);
    }
    const logLoss = multiclassLogLoss(labels, scores, weights);
    metrics.log_loss = logLoss.value;
    if (logLoss.firstUnnormalisedRow >= 0) {
      const r = logLoss.firstUnnormalisedRow;
      let s = 0;
      for (let c = 0; c < k; c++) s += scores[c][r];
      warnings.push({
        code: 'probabilities_not_normalised',
        message: `Scores do not sum to 1 in every row (first: row ${r}, sum ${s}); log_loss renormalises the rows and the ROC AUCs use the scores as given (scikit-learn's roc_auc_score would refuse them).`,
      });
    }
    await addRocAucs(metrics, warnings, labels, scores, cm, k, kernels, weights);
  }

  const perClass = Array.from({ length: k }, (_, c) => ({
    classIndex: c,
    precision: prf.precision[c],
    recall: prf.recall[c],
    f1: prf.f1[c],
    support: prf.support[c],
  }));
  const confusionMatrix = Array.from({ length: k }, (_, t) => Array.from(cm.subarray(t * k, (t + 1) * k)));
  return { metrics, perClass, confusionMatrix, warnings };
}

async function addRocAucs(
  metrics: Record<string, number>,
  warnings: ReportWarning[],
  labels: Int32Array,
  scores: ReadonlyArray<Float64Array | Float32Array>,
  cm: Float64Array,
  k: number,
  kernels: Kernels,
  weights?: Float64Array | Float32Array,
): Promise<void> {
  const keys: readonly string[] = weights === undefined ? AUC_KEYS : AUC_KEYS.slice(0, 2);
  if (weights !== undefined) {
    warnings.push({ code: 'metric_omitted', message: 'roc_auc_ovo_macro and roc_auc_ovo_weighted are left out: one-vs-one ROC AUC takes no sample weights (as in scikit-learn).' });
  }
  let total = 0;
  const support = new Float64Array(k);
  for (let t = 0; t < k; t++) for (let p = 0; p < k; p++) support[t] += cm[t * k + p];
  for (let c = 0; c < k; c++) total += support[c];
  const degenerate: number[] = [];
  for (let c = 0; c < k; c++) if (!(support[c] > 0) || !(total - support[c] > 0)) degenerate.push(c);
  if (degenerate.length > 0) {
    for (const key of keys) metrics[key] = NaN;
    warnings.push({ code: 'one_class', message: `ROC AUC is undefined: class(es) ${degenerate.slice(0, 8).join(', ')} lack positive or negative rows; the roc_auc keys are NaN.` });
    return;
  }
  const ovr = await rocAucOvr(labels, scores, kernels, weights);
  metrics.roc_auc_ovr_macro = ovr.macro;
  metrics.roc_auc_ovr_weighted = ovr.weighted;
  if (weights === undefined) {
    const ovo = rocAucOvo(labels, scores);
    metrics.roc_auc_ovo_macro = ovo.macro;
    metrics.roc_auc_ovo_weighted = ovo.weighted;
  }
}
