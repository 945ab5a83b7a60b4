import type { CheckReport } from '@modelperf/core';
import { formatNumber } from '../format-number.js';
import { columnsLine, driftRows, findingValue, splitsLine, summaryLine } from './check-report-view.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Renders a check report as Markdown (GitHub tables): summary, findings and drift statistics.
 * @param report - a `modelperf check` report
 * @returns Markdown text ending in a newline
 * @example
 * ```ts
 * await writeFile('checks.md', renderCheckMarkdown(report));
 * ```
 */
export function renderCheckMarkdown(report: CheckReport): string {
  const out: string[] = [`# modelperf check: ${summaryLine(report)}`, '', `Splits: ${splitsLine(report)}  `, `Columns: ${cell(columnsLine(report))}`, ''];
  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('No findings.');
  else {
    out.push('| severity | check | split | column | value | message |', '|---|---|---|---|--:|---|');
    for (const f of report.findings) {
      out.push(`| ${f.severity} | ${f.check} | ${f.split ?? ''} | ${cell(f.column ?? '')} | ${findingValue(f)} | ${cell(f.message)} |`);
    }
  }
  const drift = driftRows(report);
  if (drift.length > 0) {
    out.push('', '## Drift against train', '', '| split | column | kind | PSI | KS | KS p | chi² p | JS | drifted |', '|---|---|---|--:|--:|--:|--:|--:|---|');
    for (const d of drift) {
      const n = (v: number | undefined): string => (v === undefined ? '' : formatNumber(v));
      out.push(`| ${d.split} | ${cell(d.column)} | ${d.kind} | ${n(d.psi)} | ${n(d.ks_statistic)} | ${n(d.ks_p_value)} | ${n(d.chi2_p_value)} | ${n(d.js_divergence)} | ${d.drifted ? 'yes' : ''} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
