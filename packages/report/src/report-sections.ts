import { jsonNumber, type Report } from '@modelperf/core';

/** One bin of the calibration section. */
export interface CalibrationBin { lower: number; upper: number; count: number; mean_predicted: number; fraction_positive: number }
/** The calibration section of a binary report. */
export interface CalibrationSection { bins: CalibrationBin[]; strategy?: string; ece?: number; mce?: number }
/** One score group (decile) of the gains section. */
export interface GainsGroup {
  group: number; threshold: number; rows: number; positives: number; cumulative_share_of_rows: number;
  cumulative_share_of_positives: number; lift: number; cumulative_lift: number;
}
/** The threshold sweep of a binary report; the per-threshold arrays are there only with `--curves`. */
export interface ThresholdSweep {
  best: Record<string, { threshold: number; value: number }>;
  threshold?: number[]; precision?: number[]; recall?: number[]; f1?: number[];
}
/** One equal-count bin of the predictions in a regression report's residual summary (unweighted). */
export interface PredictionBin {
  pred_low: number; pred_high: number; count: number; mean_predicted: number; mean_actual: number; mean_residual: number;
  residual_p10: number; residual_p90: number;
}
/** The residual summary of a regression report; `by_prediction` is absent from reports written before it existed. */
export interface ResidualSection {
  quantiles: Array<{ q: number; value: number }>; mean: number; std: number; min?: number; max?: number; by_prediction?: PredictionBin[];
}

function numbers(v: unknown): number[] | undefined {
  return Array.isArray(v) ? v.map(jsonNumber) : undefined;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * The calibration section of a report, numbers parsed back from JSON.
 * @param report - a report
 * @returns the section, or undefined when the report has none (or no bins)
 */
export function calibrationOf(report: Report): CalibrationSection | undefined {
  const c = record(report.calibration);
  if (c === undefined || !Array.isArray(c.bins) || c.bins.length === 0) return undefined;
  const bins = (c.bins as Array<Record<string, unknown>>).map((b) => ({
    lower: jsonNumber(b.lower), upper: jsonNumber(b.upper), count: jsonNumber(b.count),
    mean_predicted: jsonNumber(b.mean_predicted), fraction_positive: jsonNumber(b.fraction_positive),
  }));
  return { bins, strategy: typeof c.strategy === 'string' ? c.strategy : undefined, ece: c.ece === undefined ? undefined : jsonNumber(c.ece), mce: c.mce === undefined ? undefined : jsonNumber(c.mce) };
}

/**
 * The gains section of a report.
 * @param report - a report
 * @returns the groups, or undefined when absent
 */
export function gainsOf(report: Report): GainsGroup[] | undefined {
  const g = record(report.gains);
  if (g === undefined || !Array.isArray(g.groups) || g.groups.length === 0) return undefined;
  return (g.groups as Array<Record<string, unknown>>).map((r) => ({
    group: jsonNumber(r.group), threshold: jsonNumber(r.threshold), rows: jsonNumber(r.rows), positives: jsonNumber(r.positives),
    cumulative_share_of_rows: jsonNumber(r.cumulative_share_of_rows), cumulative_share_of_positives: jsonNumber(r.cumulative_share_of_positives),
    lift: jsonNumber(r.lift), cumulative_lift: jsonNumber(r.cumulative_lift),
  }));
}

/**
 * The threshold sweep of a report.
 * @param report - a report
 * @returns the sweep, or undefined when absent
 */
export function sweepOf(report: Report): ThresholdSweep | undefined {
  const s = record(report.threshold_sweep);
  if (s === undefined) return undefined;
  const best: ThresholdSweep['best'] = {};
  for (const [k, v] of Object.entries(record(s.best) ?? {})) {
    const b = record(v);
    if (b) best[k] = { threshold: jsonNumber(b.threshold), value: jsonNumber(b.value) };
  }
  return { best, threshold: numbers(s.threshold), precision: numbers(s.precision), recall: numbers(s.recall), f1: numbers(s.f1) };
}

/**
 * The residual section of a regression report.
 * @param report - a report
 * @returns the section, or undefined when absent
 */
export function residualsOf(report: Report): ResidualSection | undefined {
  const r = record(report.residuals);
  if (r === undefined || !Array.isArray(r.quantiles)) return undefined;
  return {
    quantiles: (r.quantiles as Array<Record<string, unknown>>).map((q) => ({ q: jsonNumber(q.q), value: jsonNumber(q.value) })),
    mean: jsonNumber(r.mean), std: jsonNumber(r.std),
    min: r.min === undefined ? undefined : jsonNumber(r.min), max: r.max === undefined ? undefined : jsonNumber(r.max),
    by_prediction: Array.isArray(r.by_prediction) && r.by_prediction.length > 0
      ? (r.by_prediction as Array<Record<string, unknown>>).map((b) => ({
        pred_low: jsonNumber(b.pred_low), pred_high: jsonNumber(b.pred_high), count: jsonNumber(b.count),
        mean_predicted: jsonNumber(b.mean_predicted), mean_actual: jsonNumber(b.mean_actual), mean_residual: jsonNumber(b.mean_residual),
        residual_p10: jsonNumber(b.residual_p10), residual_p90: jsonNumber(b.residual_p90),
      }))
      : undefined,
  };
}

/**
 * The binary confusion counts at the report's threshold, from its 2x2 confusion matrix.
 * @param report - a binary report
 * @returns tn, fp, fn, tp, or undefined when the matrix is not 2x2
 */
export function binaryConfusionOf(report: Report): { tn: number; fp: number; fn: number; tp: number } | undefined {
  const m = report.confusion_matrix?.matrix;
  if (report.task !== 'binary' || m === undefined || m.length !== 2 || m[0].length !== 2) return undefined;
  return { tn: jsonNumber(m[0][0]), fp: jsonNumber(m[0][1]), fn: jsonNumber(m[1][0]), tp: jsonNumber(m[1][1]) };
}
