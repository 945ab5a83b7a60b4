import type { CheckFinding, CheckReport } from '@modelperf/core';
import { formatNumber } from '../format-number.js';

/** One column's drift statistics as the `feature_drift` info finding lists them. */
export interface DriftRow {
  readonly split: string;
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  readonly drifted: boolean;
  readonly psi: number;
  readonly ks_statistic?: number;
  readonly ks_p_value?: number;
  readonly chi2_p_value?: number;
  readonly js_divergence?: number;
  readonly edges?: readonly number[];
  readonly categories?: readonly string[];
  readonly train_shares: readonly number[];
  readonly shares: readonly number[];
}

/**
 * The per-column drift statistics of a check report (from its `feature_drift` info findings), plus the label and
 * prediction drift findings, in split then column order.
 * @param report - a check report
 * @returns one row per compared column and split
 * @example
 * ```ts
 * driftRows(report).filter((r) => r.drifted);
 * ```
 */
export function driftRows(report: CheckReport): DriftRow[] {
  const rows: DriftRow[] = [];
  for (const f of report.findings) {
    if (f.check === 'feature_drift' && f.column === null) {
      for (const c of (f.details.columns ?? []) as Array<Omit<DriftRow, 'split'>>) rows.push({ ...c, split: f.split ?? '' });
    } else if ((f.check === 'label_drift' || f.check === 'prediction_drift') && f.column !== null) {
      rows.push({ ...(f.details as unknown as DriftRow), split: f.split ?? '', column: f.column, drifted: f.severity !== 'info' });
    }
  }
  return rows;
}

/**
 * A one-line summary: status and counts, e.g. `FAIL — 1 error, 2 warnings, 3 infos`.
 * @param report - a check report
 * @returns the text
 * @example
 * ```ts
 * summaryLine(report); // 'FAIL — 1 error, 2 warnings, 3 infos'
 * ```
 */
export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${s.status.toUpperCase()} — ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
}

/**
 * The splits of a report as text: `train 2,000 rows (train.arrow) · test 1,000 rows`.
 * @param report - a check report
 * @returns the text
 * @example
 * ```ts
 * splitsLine(report); // 'train 2,000 rows (train.arrow) · test 1,000 rows (test.arrow)'
 * ```
 */
export function splitsLine(report: CheckReport): string {
  return report.splits.map((s) => `${s.name} ${formatNumber(s.rows)} rows${s.input ? ` (${s.input.path})` : ''}`).join(' · ');
}

/**
 * The columns of a report as text: `label y; id id; 4 features: a, b, c, d`.
 * @param report - a check report
 * @returns the text
 * @example
 * ```ts
 * columnsLine(report); // 'label y; id id; 3 features: x1, x2, city'
 * ```
 */
export function columnsLine(report: CheckReport): string {
  const c = report.columns;
  const roles = (['label', 'id', 'time', 'score'] as const).filter((r) => c[r] !== null).map((r) => `${r} ${String(c[r])}`);
  const f = c.features;
  return [...roles, `${f.length} feature${f.length === 1 ? '' : 's'}: ${f.slice(0, 12).join(', ')}${f.length > 12 ? ', …' : ''}`].join('; ');
}

/**
 * A finding's value for a table cell (empty when it has none).
 * @param f - a finding
 * @returns the text
 * @example
 * ```ts
 * findingValue(report.findings[0]); // '0.012'
 * ```
 */
export function findingValue(f: CheckFinding): string {
  return f.value === null ? '' : formatNumber(f.value);
}
