import type { ReportWarning } from '../../report/report-warning.js';
import type { BinaryConfusion } from './confusion-at-threshold.js';

/** What a 0/0 in precision, recall or F becomes: 0 (default), 1 or NaN. */
export type ZeroDivision = 0 | 1 | 'nan';

/** Metrics of hard predictions at one threshold. */
export interface ThresholdMetrics {
  accuracy: number;
  balanced_accuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  fbeta: number;
  matthews_corrcoef: number;
  cohen_kappa: number;
}

/**
 * Metrics of the hard predictions summarised by a binary confusion matrix.
 *
 * @param c - tn, fp, fn, tp (weighted counts)
 * @param options - `beta` for fbeta (default 1), `zeroDivision` for 0/0 in precision/recall/F (default 0)
 * @param warnings - receives `zero_division` and `undefined_metric` warnings
 * @returns accuracy, balanced_accuracy, precision, recall, specificity, f1, fbeta, matthews_corrcoef, cohen_kappa
 * @remarks precision = tp/(tp+fp), recall = tp/(tp+fn), specificity = tn/(tn+fp),
 * F_beta = (1+b^2) P R / (b^2 P + R), balanced accuracy = mean recall over classes present in the labels,
 * MCC = (t.p-style covariance) as scikit-learn computes it from the confusion matrix (0 when undefined),
 * kappa = 1 - sum(off-diagonal observed) / sum(off-diagonal expected) (NaN when undefined).
 * @see sklearn.metrics.precision_recall_fscore_support, balanced_accuracy_score, matthews_corrcoef, cohen_kappa_score
 * @example
 * ```ts
 * thresholdMetrics({ tn: 5, fp: 1, fn: 2, tp: 4 }).f1; // 0.727...
 * ```
 */
export function thresholdMetrics(
  c: BinaryConfusion,
  options: { beta?: number; zeroDivision?: ZeroDivision } = {},
  warnings?: ReportWarning[],
): ThresholdMetrics {
  const beta = options.beta ?? 1;
  const zd = options.zeroDivision === 'nan' ? NaN : (options.zeroDivision ?? 0);
  const { tn, fp, fn, tp } = c;
  const total = tn + fp + fn + tp;
  const predPos = tp + fp;
  const truePos = tp + fn;
  const trueNeg = tn + fp;
  const warn = (what: string, why: string): void => {
    warnings?.push({ code: 'zero_division', message: `${what} is ill-defined (${why}); set to ${String(zd)}.` });
  };
  let precision: number;
  if (predPos === 0) { precision = zd; warn('precision', 'no predicted positives'); } else precision = tp / predPos;
  let recall: number;
  if (truePos === 0) { recall = zd; warn('recall', 'no positive labels'); } else recall = tp / truePos;
  let specificity: number;
  if (trueNeg === 0) { specificity = zd; warn('specificity', 'no negative labels'); } else specificity = tn / trueNeg;

  const fScore = (b: number): number => {
    if (b === Infinity) return recall;
    const b2 = b * b;
    let denom = b2 * precision + recall;
    if (denom === 0) denom = 1;
    return ((1 + b2) * precision * recall) / denom;
  };

  // Balanced accuracy averages the recall of the classes that occur in the labels.
  const recalls: number[] = [];
  if (trueNeg > 0) recalls.push(tn / trueNeg);
  if (truePos > 0) recalls.push(tp / truePos);
  const balanced = recalls.length > 0 ? recalls.reduce((a, b) => a + b, 0) / recalls.length : NaN;

  // MCC exactly as scikit-learn computes it from the (2x2) confusion matrix.
  const tSum0 = trueNeg;
  const tSum1 = truePos;
  const pSum0 = tn + fn;
  const pSum1 = predPos;
  const nCorrect = tn + tp;
  const covYtYp = nCorrect * total - (tSum0 * pSum0 + tSum1 * pSum1);
  const covYpYp = total * total - (pSum0 * pSum0 + pSum1 * pSum1);
  const covYtYt = total * total - (tSum0 * tSum0 + tSum1 * tSum1);
  const mcc = covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp);

  // Cohen's kappa as scikit-learn: 1 - sum(w * observed) / sum(w * expected), w = 1 off the diagonal.
  const expected01 = (tSum0 * pSum1) / total;
  const expected10 = (tSum1 * pSum0) / total;
  const kappa = 1 - (fp + fn) / (expected01 + expected10);
  if (Number.isNaN(kappa)) {
    warnings?.push({ code: 'undefined_metric', message: 'cohen_kappa is undefined when labels and predictions hold a single class (NaN).' });
  }

  return {
    accuracy: total > 0 ? (tp + tn) / total : NaN,
    balanced_accuracy: balanced,
    precision,
    recall,
    specificity,
    f1: fScore(1),
    fbeta: fScore(beta),
    matthews_corrcoef: mcc,
    cohen_kappa: kappa,
  };
}
