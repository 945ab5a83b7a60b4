import type { LabelValue, ReportSlice } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { PreprocessorJSON } from './preprocessor.js';

/** Version tag of the baseline report JSON. */
export const BASELINE_REPORT_SCHEMA = 'modelperf/baselines@1';

/** One fitted baseline, as the report describes it. */
export interface BaselineModelInfo {
  /** Name used in prediction columns (`<model>_score`, `<model>_p<k>`) and evaluations. */
  model: string;
  kind: 'dummy' | 'logistic' | 'linear' | 'popularity';
  /** Dummy: what it predicts (e.g. the class shares, the constant). */
  definition?: string;
  /** Trained models: the penalty and how the fit ended. */
  l2?: number;
  converged?: boolean;
  status?: string;
  iterations?: number;
  solver?: string;
  backend?: string;
  device?: string;
  /** Coefficients by design-matrix column (binary, regression), or by class then column (multiclass). */
  coef?: Record<string, number> | Record<string, Record<string, number>>;
  intercept?: number | Record<string, number>;
  fit_ms?: number;
}

/** The evaluation of one baseline on one split. */
export interface BaselineEvaluation {
  model: string;
  split: string;
  rows: number;
  metrics: Record<string, number>;
  slices?: ReportSlice[];
  warnings?: ReportWarning[];
}

/** The result of {@link runBaselines}: plain JSON-able. */
export interface BaselineReport {
  schema: typeof BASELINE_REPORT_SCHEMA;
  task: string;
  label: string;
  /** Classification: the training classes, in code order (binary: [negative, positive]). */
  classes?: LabelValue[];
  train: { rows: number };
  splits: Array<{ name: string; rows: number }>;
  /** The input feature columns of the trained model. */
  features: string[];
  preprocessing?: PreprocessorJSON;
  models: BaselineModelInfo[];
  baselines: BaselineEvaluation[];
  options: Record<string, unknown>;
  warnings: ReportWarning[];
  timing_ms: { fit: number; evaluate: number; total: number };
}
