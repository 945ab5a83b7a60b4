import type { ReportWarning } from './report-warning.js';

/** Version tag of the report JSON. */
export const REPORT_SCHEMA = 'modelperf/report@1';

/** A label value as it appears in the data. */
export type LabelValue = number | string | boolean;

/** A curve as plain arrays (JSON-able). */
export interface ReportRocCurve { fpr: number[]; tpr: number[]; thresholds: number[] }
/** A precision-recall curve as plain arrays (JSON-able). */
export interface ReportPrCurve { precision: number[]; recall: number[]; thresholds: number[] }

/** The result of an evaluation: a plain JSON-able object (DESIGN.md "Report JSON"). */
export interface Report {
  schema: typeof REPORT_SCHEMA;
  task: 'binary';
  /** Rows evaluated (after any dropped by `nan: 'drop'`). */
  rows: number;
  input?: { path?: string; format?: string; bytes?: number };
  backend: { name: string; device: string };
  /** Which columns were used, and the options that shaped the numbers. */
  columns: { label: string; score: string; weight?: string };
  options: { pos_label: LabelValue; threshold: number; beta: number; zero_division: number | 'nan' };
  /** Scalar metrics keyed by scikit-learn-style names. */
  metrics: Record<string, number>;
  confusion_matrix: { labels: Array<LabelValue | null>; matrix: number[][] };
  curves?: { roc: ReportRocCurve; pr: ReportPrCurve };
  /** Rows dropped because a used column held null or NaN (only with `nan: 'drop'`). */
  dropped_rows?: number;
  warnings: ReportWarning[];
  timing_ms: { read?: number; compute: number; total: number };
}
