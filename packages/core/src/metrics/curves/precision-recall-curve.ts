import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import type { ReportWarning } from '../../report/report-warning.js';

/** A precision-recall curve, thresholds increasing; precision and recall end with the point (recall 0, precision 1). */
export interface PrecisionRecallCurve {
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly thresholds: Float64Array;
}

/**
 * The precision-recall curve from the shared curve state, as scikit-learn's `precision_recall_curve`.
 *
 * @param curve - the binary curve state
 * @param warnings - receives a warning when there are no positives (recall is then 1 everywhere)
 * @returns precision and recall (length m + 1) and the m distinct thresholds, ascending
 * @remarks precision = tps / (tps + fps) (0 where nothing is predicted positive), recall = tps / tps[last].
 * @see sklearn.metrics.precision_recall_curve
 * @example
 * ```ts
 * const pr = precisionRecallCurve(jsBinaryClfCurve(rows));
 * ```
 */
export function precisionRecallCurve(curve: BinaryClfCurve, warnings?: ReportWarning[]): PrecisionRecallCurve {
  const { tps, fps, thresholds } = curve;
  const m = thresholds.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  const total = m > 0 ? tps[m - 1] : 0;
  if (total === 0) {
    warnings?.push({ code: 'no_positives', message: 'No positive samples: recall is set to 1 for all thresholds.' });
  }
  for (let k = 0; k < m; k++) {
    const j = m - 1 - k;
    const ps = tps[k] + fps[k];
    precision[j] = ps !== 0 ? tps[k] / ps : 0;
    recall[j] = total === 0 ? 1 : tps[k] / total;
    th[j] = thresholds[k];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th };
}
