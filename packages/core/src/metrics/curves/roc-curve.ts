import type { BinaryClfCurve } from '../../kernels/binary-clf-curve.js';
import type { ReportWarning } from '../../report/report-warning.js';

/** A ROC curve: false and true positive rates at decreasing thresholds; `thresholds[0]` is +Infinity. */
export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  readonly thresholds: Float64Array;
}

/**
 * The ROC curve from the shared curve state, as scikit-learn's `roc_curve`.
 *
 * @param curve - the binary curve state (distinct thresholds with cumulative tps/fps)
 * @param options - `dropIntermediate` (default true) drops points collinear with their neighbours
 * @param warnings - receives a warning when a rate is undefined (no positives or no negatives)
 * @returns fpr, tpr and thresholds, starting at (0, 0) with threshold +Infinity
 * @remarks fpr = fps / fps[last], tpr = tps / tps[last]; a point k is dropped when both second differences
 * `diff(fps, 2)[k-1]` and `diff(tps, 2)[k-1]` are zero. NaN rates when a class is absent.
 * @see sklearn.metrics.roc_curve (modelperf uses +inf for the first threshold, as scikit-learn >= 1.3 does)
 * @example
 * ```ts
 * const roc = rocCurve(jsBinaryClfCurve(rows));
 * ```
 */
export function rocCurve(
  curve: BinaryClfCurve,
  options: { dropIntermediate?: boolean } = {},
  warnings?: ReportWarning[],
): RocCurve {
  const { tps, fps, thresholds } = curve;
  const m = thresholds.length;
  let keep: Uint32Array;
  if ((options.dropIntermediate ?? true) && m > 2) {
    const idx = new Uint32Array(m);
    let c = 0;
    idx[c++] = 0;
    for (let k = 1; k < m - 1; k++) {
      // Same float operations as numpy's diff(x, 2), so the kept points match scikit-learn's exactly.
      const dFps = (fps[k + 1] - fps[k]) - (fps[k] - fps[k - 1]);
      const dTps = (tps[k + 1] - tps[k]) - (tps[k] - tps[k - 1]);
      if (dFps !== 0 || dTps !== 0) idx[c++] = k;
    }
    idx[c++] = m - 1;
    keep = idx.subarray(0, c);
  } else {
    keep = Uint32Array.from({ length: m }, (_, k) => k);
  }
  const len = keep.length + 1;
  const fpr = new Float64Array(len);
  const tpr = new Float64Array(len);
  const th = new Float64Array(len);
  th[0] = Infinity;
  const fpsTotal = m > 0 ? fps[m - 1] : 0;
  const tpsTotal = m > 0 ? tps[m - 1] : 0;
  if (fpsTotal <= 0) warnings?.push({ code: 'undefined_fpr', message: 'No negative samples: the false positive rate is undefined (NaN).' });
  if (tpsTotal <= 0) warnings?.push({ code: 'undefined_tpr', message: 'No positive samples: the true positive rate is undefined (NaN).' });
  for (let j = 0; j < keep.length; j++) {
    const k = keep[j];
    fpr[j + 1] = fpsTotal > 0 ? fps[k] / fpsTotal : NaN;
    tpr[j + 1] = tpsTotal > 0 ? tps[k] / tpsTotal : NaN;
    th[j + 1] = thresholds[k];
  }
  if (fpsTotal <= 0) fpr[0] = NaN;
  if (tpsTotal <= 0) tpr[0] = NaN;
  return { fpr, tpr, thresholds: th };
}
