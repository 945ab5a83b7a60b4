import type { ReportWarning } from '../../report/report-warning.js';
import type { ZeroDivision } from '../binary/threshold-metrics.js';
import type { MultilabelCounts } from './multilabel-counts.js';

/** Metrics of thresholded multilabel predictions, keyed as in the report. */
export interface MultilabelThresholdMetrics {
  precision_micro: number;
  precision_macro: number;
  precision_samples: number;
  recall_micro: number;
  recall_macro: number;
  recall_samples: number;
  f1_micro: number;
  f1_macro: number;
  f1_samples: number;
  jaccard_micro: number;
  jaccard_macro: number;
  jaccard_samples: number;
  hamming_loss: number;
  subset_accuracy: number;
}

/** Per-label precision, recall, F1 and (weighted) support. */
export interface MultilabelLabelMetrics {
  labelIndex: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/**
 * Precision, recall, F1 and Jaccard with micro, macro and samples averages, Hamming loss and subset accuracy.
 *
 * @param counts - per-label and per-sample counts from {@link multilabelCounts}
 * @param weights - the sample weights the counts used, if any
 * @param zeroDivision - what a 0/0 becomes: 0 (default), 1 or NaN
 * @param warnings - receives one `zero_division` warning per ill-defined metric family
 * @returns the averaged metrics and the per-label precision/recall/F1/support
 * @remarks P = tp/pred, R = tp/true, F1 = 2PR/(P+R) (0 when P+R = 0), J = tp/(tp+fp+fn).
 * micro pools the counts over labels; macro is the plain mean over labels; samples computes the ratio per row and
 * takes the weighted mean over rows. hamming = sum_i w_i d_i / (L sum_i w_i), d_i = labels that differ in row i;
 * subset accuracy = sum_i w_i [d_i = 0] / sum_i w_i. A 0/0 takes `zeroDivision`; with 'nan' it propagates into the
 * average. Rows of weight 0 are skipped in samples averages (scikit-learn sets their 0/0 ratios to zeroDivision and
 * then weighs them by 0).
 * @see sklearn.metrics.precision_recall_fscore_support, jaccard_score, hamming_loss, accuracy_score
 * @example
 * ```ts
 * multilabelThresholdMetrics(multilabelCounts(input, 0.5), undefined, 0, warnings).f1_macro;
 * ```
 */
export function multilabelThresholdMetrics(
  counts: MultilabelCounts,
  weights: Float64Array | Float32Array | undefined,
  zeroDivision: ZeroDivision = 0,
  warnings?: ReportWarning[],
): { metrics: MultilabelThresholdMetrics; perLabel: MultilabelLabelMetrics[] } {
  const zd = zeroDivision === 'nan' ? NaN : zeroDivision;
  const { labelTp, labelPredicted, labelActual, sampleTp, samplePredicted, sampleActual } = counts;
  const nLabels = labelTp.length;
  const n = sampleTp.length;
  const ill = { precision: 0, recall: 0, f1: 0, jaccard: 0 };
  const illSamples = { precision: 0, recall: 0, f1: 0, jaccard: 0 };
  const divide = (num: number, den: number): number => (den === 0 ? zd : num / den);
  const f1Of = (p: number, r: number): number => {
    const denom = p + r;
    return (2 * p * r) / (denom === 0 ? 1 : denom);
  };

  const perLabel: MultilabelLabelMetrics[] = [];
  let sumP = 0;
  let sumR = 0;
  let sumF = 0;
  let sumJ = 0;
  let tpAll = 0;
  let predAll = 0;
  let actAll = 0;
  for (let j = 0; j < nLabels; j++) {
    const tp = labelTp[j];
    const pred = labelPredicted[j];
    const act = labelActual[j];
    if (pred === 0) ill.precision++;
    if (act === 0) ill.recall++;
    if (pred === 0 && act === 0) ill.f1++;
    if (pred + act - tp === 0) ill.jaccard++;
    const p = divide(tp, pred);
    const r = divide(tp, act);
    const f = f1Of(p, r);
    sumP += p;
    sumR += r;
    sumF += f;
    sumJ += divide(tp, pred + act - tp);
    tpAll += tp;
    predAll += pred;
    actAll += act;
    perLabel.push({ labelIndex: j, precision: p, recall: r, f1: f, support: act });
  }

  const pMicro = divide(tpAll, predAll);
  const rMicro = divide(tpAll, actAll);

  let wTotal = 0;
  let wP = 0;
  let wR = 0;
  let wF = 0;
  let wJ = 0;
  let wDiff = 0;
  let wExact = 0;
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
    if (pred === 0) illSamples.precision++;
    if (act === 0) illSamples.recall++;
    if (pred === 0 && act === 0) illSamples.f1++;
    if (pred + act - tp === 0) illSamples.jaccard++;
    const p = divide(tp, pred);
    const r = divide(tp, act);
    wP += w * p;
    wR += w * r;
    wF += w * f1Of(p, r);
    wJ += w * divide(tp, pred + act - tp);
  }

  const shown = String(zd);
  const warn = (metric: string, scope: string, count: number, why: string): void => {
    if (count > 0) {
      warnings?.push({ code: 'zero_division', message: `${metric} is ill-defined in ${count} ${scope} (${why}); set to ${shown} there.` });
    }
  };
  warn('precision (macro)', 'label(s)', ill.precision, 'no predicted positives');
  warn('recall (macro)', 'label(s)', ill.recall, 'no positive labels');
  warn('F1 (macro)', 'label(s)', ill.f1, 'no positive labels and no predicted positives');
  warn('jaccard (macro)', 'label(s)', ill.jaccard, 'no positive labels and no predicted positives');
  warn('precision (micro)', 'the pooled counts', predAll === 0 ? 1 : 0, 'no predicted positives');
  warn('recall (micro)', 'the pooled counts', actAll === 0 ? 1 : 0, 'no positive labels');
  warn('jaccard (micro)', 'the pooled counts', predAll + actAll - tpAll === 0 ? 1 : 0, 'no positive labels and no predicted positives');
  warn('precision (samples)', 'row(s)', illSamples.precision, 'no predicted labels');
  warn('recall (samples)', 'row(s)', illSamples.recall, 'no true labels');
  warn('F1 (samples)', 'row(s)', illSamples.f1, 'no true and no predicted labels');
  warn('jaccard (samples)', 'row(s)', illSamples.jaccard, 'no true and no predicted labels');

  return {
    metrics: {
      precision_micro: pMicro,
      precision_macro: sumP / nLabels,
      precision_samples: wP / wTotal,
      recall_micro: rMicro,
      recall_macro: sumR / nLabels,
      recall_samples: wR / wTotal,
      f1_micro: f1Of(pMicro, rMicro),
      f1_macro: sumF / nLabels,
      f1_samples: wF / wTotal,
      jaccard_micro: divide(tpAll, predAll + actAll - tpAll),
      jaccard_macro: sumJ / nLabels,
      jaccard_samples: wJ / wTotal,
      hamming_loss: wDiff / (nLabels * wTotal),
      subset_accuracy: wExact / wTotal,
    },
    perLabel,
  };
}
