import type { ReportWarning } from './report-warning.js';

/** Version tag of the report JSON. */
export const REPORT_SCHEMA = 'modelperf/report@1';

/** The evaluation tasks. */
export const TASKS = ['binary', 'multiclass', 'multilabel', 'regression', 'ranking'] as const;
/** One of the evaluation tasks. */
export type TaskName = (typeof TASKS)[number];

/** A label value as it appears in the data. */
export type LabelValue = number | string | boolean;

/** A curve as plain arrays (JSON-able). */
export interface ReportRocCurve { fpr: number[]; tpr: number[]; thresholds: number[] }
/** A precision-recall curve as plain arrays (JSON-able). */
export interface ReportPrCurve { precision: number[]; recall: number[]; thresholds: number[] }

/** Per-class (multiclass) or per-label (multilabel) results. */
export interface ReportClassResult {
  class: LabelValue | string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One slice of the data (`--by`): the values that define it, its rows and its metrics. */
export interface ReportSlice {
  /** Column names joined with `,` when slicing by several columns. */
  column: string;
  /** The slice's value (or the values, in column order, for several columns); null for missing values. */
  value: LabelValue | null | Array<LabelValue | null>;
  rows: number;
  metrics: Record<string, number>;
  intervals?: Record<string, ReportInterval>;
  warnings?: ReportWarning[];
}

/** A confidence interval of one metric. */
export interface ReportInterval {
  low: number;
  high: number;
  level: number;
  method: 'delong' | 'bootstrap';
  /** Bootstrap replicates (bootstrap only). */
  replicates?: number;
}

/** The result of an evaluation: a plain JSON-able object (DESIGN.md "Report JSON"). */
export interface Report {
  schema: typeof REPORT_SCHEMA;
  task: TaskName;
  /** Rows evaluated (after any dropped by `nan: 'drop'`). */
  rows: number;
  input?: { path?: string; format?: string; bytes?: number };
  backend: { name: string; device: string };
  /** Which columns were used, by role. */
  columns: Record<string, string | string[]>;
  /** The options that shaped the numbers. */
  options: Record<string, unknown>;
  /** Scalar metrics keyed by scikit-learn-style names. */
  metrics: Record<string, number>;
  confusion_matrix?: { labels: Array<LabelValue | null>; matrix: number[][] };
  per_class?: ReportClassResult[];
  curves?: { roc: ReportRocCurve; pr: ReportPrCurve };
  /** Other task-specific sections (calibration, gains, threshold sweep, residuals, ranking counts). */
  [section: string]: unknown;
  slices?: ReportSlice[];
  intervals?: Record<string, ReportInterval>;
  /** Rows dropped because a used column held null or NaN (only with `nan: 'drop'`). */
  dropped_rows?: number;
  warnings: ReportWarning[];
  timing_ms: { read?: number; compute: number; total: number };
}
