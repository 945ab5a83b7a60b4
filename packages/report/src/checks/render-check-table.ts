import type { CheckReport } from '@modelperf/core';
import { formatNumber } from '../format-number.js';
import { columnsLine, driftRows, findingValue, splitsLine, summaryLine } from './check-report-view.js';

function grid(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

/**
 * Renders a check report as plain text for a terminal: the summary, the findings (errors first) and the drift
 * statistics of every compared column.
 * @param report - a `modelperf check` report
 * @returns text ending in a newline
 * @example
 * ```ts
 * process.stdout.write(renderCheckTable(report));
 * ```
 */
export function renderCheckTable(report: CheckReport): string {
  const out: string[] = [];
  out.push(`modelperf check — ${summaryLine(report)}`);
  out.push(splitsLine(report));
  out.push(columnsLine(report));
  out.push('');
  if (report.findings.length === 0) out.push('no findings');
  else {
    out.push(...grid([
      ['severity', 'check', 'split', 'column', 'value', 'message'],
      ...report.findings.map((f) => [f.severity.toUpperCase(), f.check, f.split ?? '', f.column ?? '', findingValue(f), f.message]),
    ], [false, false, false, false, true, false]));
  }
  const drift = driftRows(report);
  if (drift.length > 0) {
    out.push('');
    out.push('drift against train (PSI over train deciles or categories; KS for numbers, chi-square and Jensen–Shannon for categories)');
    out.push(...grid([
      ['split', 'column', 'kind', 'PSI', 'KS', 'KS p', 'chi2 p', 'JS', ''],
      ...drift.map((d) => [
        d.split, d.column, d.kind, formatNumber(d.psi), num(d.ks_statistic), num(d.ks_p_value), num(d.chi2_p_value), num(d.js_divergence), d.drifted ? 'drifted' : '',
      ]),
    ], [false, false, false, true, true, true, true, true, false]));
  }
  return `${out.join('\n')}\n`;
}

function num(v: number | undefined): string {
  return v === undefined ? '' : formatNumber(v);
}
