import type { ReportWarning } from '../../report/report-warning.js';
import type { ZeroDivision } from '../binary/threshold-metrics.js';

/** Per-class precision, recall, F1 and support plus their macro, micro and weighted averages. */
export interface PrecisionRecallFscore {
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  /** (Weighted) count of true rows per class. */
  support: Float64Array;
  averages: Record<`${'precision' | 'recall' | 'f1'}_${'macro' | 'micro' | 'weighted'}`, number>;
}

/**
 * Precision, recall and F1 of every class from the confusion matrix, averaged three ways.
 *
 * @param cm - flat row-major k x k confusion matrix (rows = true, columns = predicted)
 * @param k - number of classes
 * @param zeroDivision - what a 0/0 becomes (0, 1 or NaN)
 * @param warnings - receives one `zero_division` warning per ill-defined quantity
 * @returns per-class arrays and the `precision_macro` ... `f1_weighted` averages
 * @remarks P_c = C[c][c] / sum_t C[t][c], R_c = C[c][c] / sum_p C[c][p], F1_c = 2 P_c R_c / (P_c + R_c) (0 when
 * P_c + R_c = 0, as scikit-learn 1.2). Macro = mean over classes; weighted = support-weighted mean; micro pools the
 * counts: P = R = F1 = trace / total. With `zeroDivision: 'nan'`, averages skip NaN entries (scikit-learn >= 1.3).
 * @see sklearn.metrics.precision_recall_fscore_support
 * @example
 * ```ts
 * precisionRecallFscore(Float64Array.of(2, 1, 0, 3), 2, 0).averages.f1_macro; // 0.831...
 * ```
 */
export function precisionRecallFscore(
  cm: Float64Array,
  k: number,
  zeroDivision: ZeroDivision = 0,
  warnings?: ReportWarning[],
): PrecisionRecallFscore {
  const zd = zeroDivision === 'nan' ? NaN : zeroDivision;
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  const f1 = new Float64Array(k);
  const support = new Float64Array(k);
  const predSum = new Float64Array(k);
  let tpTotal = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const v = cm[t * k + p];
      support[t] += v;
      predSum[p] += v;
    }
    tpTotal += cm[t * k + t];
  }
  const noPred: number[] = [];
  const noTrue: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = cm[c * k + c];
    if (predSum[c] === 0) { precision[c] = zd; noPred.push(c); } else precision[c] = tp / predSum[c];
    if (support[c] === 0) { recall[c] = zd; noTrue.push(c); } else recall[c] = tp / support[c];
    let denom = precision[c] + recall[c];
    if (denom === 0) denom = 1;
    f1[c] = (2 * precision[c] * recall[c]) / denom;
  }
  const list = (cs: number[]): string => (cs.length > 8 ? `${cs.slice(0, 8).join(', ')}, ...` : cs.join(', '));
  if (noPred.length > 0) {
    warnings?.push({ code: 'zero_division', message: `Precision is ill-defined for class(es) ${list(noPred)} (no predicted rows); set to ${String(zd)}.` });
  }
  if (noTrue.length > 0) {
    warnings?.push({ code: 'zero_division', message: `Recall is ill-defined for class(es) ${list(noTrue)} (no true rows); set to ${String(zd)}.` });
  }

  let total = 0;
  for (let c = 0; c < k; c++) total += support[c];
  let predTotal = 0;
  for (let c = 0; c < k; c++) predTotal += predSum[c];
  const microP = predTotal === 0 ? zd : tpTotal / predTotal;
  const microR = total === 0 ? zd : tpTotal / total;
  const microDenom = microP + microR === 0 ? 1 : microP + microR;
  const microF = (2 * microP * microR) / microDenom;

  let weighted: [number, number, number];
  if (total === 0) {
    const v = zeroDivision === 'nan' ? NaN : zeroDivision === 1 ? 1 : 0;
    weighted = predTotal === 0 ? [v, v, v] : [0, v, 0];
  } else {
    weighted = [nanAverage(precision, support), nanAverage(recall, support), nanAverage(f1, support)];
  }
  return {
    precision,
    recall,
    f1,
    support,
    averages: {
      precision_macro: nanAverage(precision),
      recall_macro: nanAverage(recall),
      f1_macro: nanAverage(f1),
      precision_micro: microP,
      recall_micro: microR,
      f1_micro: microF,
      precision_weighted: weighted[0],
      recall_weighted: weighted[1],
      f1_weighted: weighted[2],
    },
  };
}

/** Weighted mean of the non-NaN entries (NaN when none has positive weight). */
function nanAverage(values: Float64Array, weights?: Float64Array): number {
  let sum = 0;
  let wsum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    const w = weights === undefined ? 1 : weights[i];
    sum += v * w;
    wsum += w;
  }
  return sum / wsum;
}
