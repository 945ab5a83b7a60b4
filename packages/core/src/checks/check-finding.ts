/** How serious a finding is: `error` fails `modelperf check` (exit 4), `warning` fails it with `--fail-on warning`. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The names of the checks, as they appear in a finding's `check` field. */
export const CHECK_NAMES = [
  'schema_mismatch', 'train_test_duplicates', 'id_overlap', 'duplicate_rows', 'conflicting_labels', 'target_leakage',
  'time_leakage', 'feature_drift', 'label_drift', 'prediction_drift', 'missing_values', 'missing_mismatch',
  'new_categories', 'constant_columns', 'class_imbalance', 'representativeness',
] as const;

/** One of {@link CHECK_NAMES}. */
export type CheckName = (typeof CHECK_NAMES)[number];

/**
 * One thing a check found: plain JSON. `value` is the measured number (a share, a statistic) and `threshold` the
 * limit it was compared with (null when a finding is informational only).
 */
export interface CheckFinding {
  readonly check: CheckName;
  readonly severity: Severity;
  /** The split the finding is about (`train`, `val`, `test`), or null when it is about the data as a whole. */
  readonly split: string | null;
  /** The column, or null when the finding is about whole rows. */
  readonly column: string | null;
  readonly message: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Counts of findings by severity and by check; `status` is `fail` with an error, `warn` with a warning. */
export interface CheckSummary {
  readonly status: 'pass' | 'warn' | 'fail';
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly by_check: Readonly<Partial<Record<CheckName, number>>>;
}

/**
 * Summarises findings: counts per severity and per check, and the overall status.
 * @param findings - the findings of a run
 * @returns the summary
 * @example
 * ```ts
 * import { summarizeFindings } from '@modelperf/core';
 * const s = summarizeFindings([{ check: 'constant_columns', severity: 'warning', split: 'train', column: 'k', message: 'constant', value: 1, threshold: null, details: {} }]);
 * console.log(s.status, s.warnings, JSON.stringify(s.by_check)); // warn 1 {"constant_columns":1}
 * ```
 */
export function summarizeFindings(findings: readonly CheckFinding[]): CheckSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const byCheck: Partial<Record<CheckName, number>> = {};
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  return { status: errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass', errors, warnings, infos, by_check: byCheck };
}

/**
 * Orders findings: errors first, then warnings, then infos; within a severity by check order, split and column.
 * @param findings - findings in any order
 * @returns a new sorted array
 * @example
 * ```ts
 * import { sortFindings } from '@modelperf/core';
 * const base = { split: 'test', column: null, message: '', value: null, threshold: null, details: {} };
 * const sorted = sortFindings([{ ...base, check: 'missing_values', severity: 'info' }, { ...base, check: 'time_leakage', severity: 'error' }]);
 * console.log(sorted.map((f) => f.check).join(',')); // time_leakage,missing_values
 * ```
 */
export function sortFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  const rank = (f: CheckFinding): number => SEVERITIES.indexOf(f.severity) * 100 + CHECK_NAMES.indexOf(f.check);
  return [...findings].sort((a, b) => rank(a) - rank(b) || (a.split ?? '').localeCompare(b.split ?? '') || (a.column ?? '').localeCompare(b.column ?? ''));
}

/**
 * Builds a finding (fields in the documented order; `details` defaults to `{}`).
 * @param f - the finding's fields
 * @returns the finding
 * @example
 * ```ts
 * finding({ check: 'constant_columns', severity: 'warning', split: 'train', column: 'x', message: '...' });
 * ```
 */
export function finding(f: {
  check: CheckName; severity: Severity; split: string | null; column: string | null; message: string;
  value?: number | null; threshold?: number | null; details?: Record<string, unknown>;
}): CheckFinding {
  return {
    check: f.check, severity: f.severity, split: f.split, column: f.column, message: f.message,
    value: f.value ?? null, threshold: f.threshold ?? null, details: f.details ?? {},
  };
}
