import type { Report } from '@modelperf/core';
import { formatLabel, formatNumber } from './format-number.js';
import { SLICE_METRICS } from './metric-descriptions.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function table(head: string[], rows: string[][], align: Array<'l' | 'r'>): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/**
 * Renders a report as GitHub-flavoured Markdown (for PR comments and CI summaries).
 * @param report - an evaluation report
 * @returns Markdown text ending in a newline
 * @example
 * ```ts
 * fs.writeFileSync('summary.md', renderMarkdown(report));
 * ```
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`## modelperf: ${report.task}`);
  out.push('');
  const source = report.input?.path ? `\`${cell(report.input.path)}\` (${report.input.format ?? '?'})` : 'in-memory data';
  const columns = Object.entries(report.columns)
    .map(([role, col]) => `${role} ${(Array.isArray(col) ? col : [col]).map((c) => `\`${cell(c)}\``).join(', ')}`).join('; ');
  out.push(`${formatNumber(report.rows)} rows from ${source}; ${columns}; backend ${report.backend.name} (${report.backend.device}).`);
  out.push('');
  const withCi = report.intervals !== undefined;
  out.push(...table(
    ['metric', 'value', ...(withCi ? ['interval'] : [])],
    Object.entries(report.metrics).map(([k, v]) => {
      const i = report.intervals?.[k];
      return [k, formatNumber(v), ...(withCi ? [i ? `[${formatNumber(i.low)}, ${formatNumber(i.high)}]` : ''] : [])];
    }),
    ['l', 'r', ...(withCi ? ['l' as const] : [])],
  ));
  if (report.confusion_matrix !== undefined && report.confusion_matrix.labels.length <= 20) {
    const labels = report.confusion_matrix.labels.map((l) => formatLabel(l));
    out.push('');
    out.push(...table(['actual \\ predicted', ...labels], report.confusion_matrix.matrix.map((r, i) => [labels[i], ...r.map(formatNumber)]), ['l', ...labels.map(() => 'r' as const)]));
  }
  if (report.per_class !== undefined && report.per_class.length > 0) {
    out.push('');
    out.push(...table(['class', 'precision', 'recall', 'f1', 'support'],
      report.per_class.map((c) => [formatLabel(c.class), formatNumber(c.precision), formatNumber(c.recall), formatNumber(c.f1), formatNumber(c.support)]),
      ['l', 'r', 'r', 'r', 'r']));
  }
  if (report.slices !== undefined && report.slices.length > 0) {
    const keys = SLICE_METRICS[report.task].filter((k) => report.slices?.some((s) => k in s.metrics));
    out.push('');
    out.push(...table([report.slices[0].column, 'rows', ...keys],
      report.slices.map((s) => [Array.isArray(s.value) ? s.value.map(formatLabel).join(', ') : formatLabel(s.value), formatNumber(s.rows), ...keys.map((k) => formatNumber(s.metrics[k] ?? NaN))]),
      ['l', 'r', ...keys.map(() => 'r' as const)]));
  }
  if (report.warnings.length > 0) {
    out.push('');
    out.push('**Warnings**');
    out.push('');
    for (const w of report.warnings) out.push(`- ${cell(w.message)}`);
  }
  return out.join('\n') + '\n';
}
