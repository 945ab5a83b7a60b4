import type { ReportWarning } from '../../report/report-warning.js';

/** Metrics of hard predictions that read the whole confusion matrix. */
export interface ConfusionAgreementMetrics {
  accuracy: number;
  balanced_accuracy: number;
  matthews_corrcoef: number;
  cohen_kappa: number;
}

/**
 * Accuracy, balanced accuracy, multiclass MCC and Cohen's kappa from a k x k confusion matrix.
 *
 * @param cm - flat row-major k x k confusion matrix (rows = true, columns = predicted), weighted or not
 * @param k - number of classes
 * @param warnings - receives `undefined_metric` warnings
 * @returns the four metrics
 * @remarks With t_c the row sums, p_c the column sums, c = trace and s = total:
 * accuracy = c / s; balanced accuracy = mean over classes with t_c > 0 of C[c][c] / t_c;
 * MCC = (c s - t.p) / sqrt((s^2 - p.p)(s^2 - t.t)), 0 when the denominator is 0;
 * kappa = 1 - sum_{i != j} C[i][j] / sum_{i != j} p_i t_j / s (NaN when undefined).
 * @see sklearn.metrics.accuracy_score, balanced_accuracy_score, matthews_corrcoef, cohen_kappa_score
 * @example
 * ```ts
 * confusionAgreementMetrics(Float64Array.of(2, 1, 0, 3), 2).accuracy; // 0.8333...
 * ```
 */
export function confusionAgreementMetrics(
  cm: Float64Array,
  k: number,
  warnings?: ReportWarning[],
): ConfusionAgreementMetrics {
  const t = new Float64Array(k);
  const p = new Float64Array(k);
  let correct = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = cm[i * k + j];
      t[i] += v;
      p[j] += v;
    }
    correct += cm[i * k + i];
  }
  let s = 0;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let c = 0; c < k; c++) {
    s += t[c];
    tp += t[c] * p[c];
    pp += p[c] * p[c];
    tt += t[c] * t[c];
  }

  let recallSum = 0;
  let present = 0;
  let predictedAbsent = false;
  for (let c = 0; c < k; c++) {
    if (t[c] > 0) { recallSum += cm[c * k + c] / t[c]; present++; } else if (p[c] > 0) predictedAbsent = true;
  }
  if (predictedAbsent) {
    warnings?.push({ code: 'undefined_metric', message: 'Predictions hold classes absent from the labels; balanced_accuracy averages the classes present in the labels.' });
  }

  const covYtYp = correct * s - tp;
  const covYpYp = s * s - pp;
  const covYtYt = s * s - tt;
  const mcc = covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp);

  // sum_{i != j} p_i t_j / s = (s^2 - sum_i p_i t_i) / s; observed off-diagonal = s - trace.
  const kappa = 1 - (s - correct) / ((s * s - tp) / s);
  if (Number.isNaN(kappa)) {
    warnings?.push({ code: 'undefined_metric', message: 'cohen_kappa is undefined when labels and predictions hold a single class (NaN).' });
  }
  return {
    accuracy: correct / s,
    balanced_accuracy: present > 0 ? recallSum / present : NaN,
    matthews_corrcoef: mcc,
    cohen_kappa: kappa,
  };
}
