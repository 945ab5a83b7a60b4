import type { Report } from '@modelperf/core';
import { formatLabel, formatNumber } from './format-number.js';
import { BINARY_METRIC_INFO } from './metric-descriptions.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
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
  out.push(`## modelperf: ${report.task} classification`);
  out.push('');
  const source = report.input?.path ? `\`${cell(report.input.path)}\` (${report.input.format ?? '?'})` : 'in-memory data';
  out.push(`${formatNumber(report.rows)} rows from ${source}; label \`${cell(report.columns.label)}\`, score \`${cell(report.columns.score)}\`` +
    `${report.columns.weight ? `, weight \`${cell(report.columns.weight)}\`` : ''}; positive class ${cell(formatLabel(report.options.pos_label))}; ` +
    `threshold ${report.options.threshold}; backend ${report.backend.name} (${report.backend.device}).`);
  out.push('');
  out.push('| metric | value |');
  out.push('| --- | ---: |');
  for (const m of BINARY_METRIC_INFO) {
    if (m.key in report.metrics) out.push(`| ${m.key} | ${formatNumber(report.metrics[m.key])} |`);
  }
  out.push('');
  const [neg, pos] = report.confusion_matrix.labels.map((l) => cell(formatLabel(l)));
  const [[tn, fp], [fn, tp]] = report.confusion_matrix.matrix;
  out.push(`| actual \\ predicted | ${neg} | ${pos} |`);
  out.push('| --- | ---: | ---: |');
  out.push(`| ${neg} | ${formatNumber(tn)} | ${formatNumber(fp)} |`);
  out.push(`| ${pos} | ${formatNumber(fn)} | ${formatNumber(tp)} |`);
  if (report.warnings.length > 0) {
    out.push('');
    out.push('**Warnings**');
    out.push('');
    for (const w of report.warnings) out.push(`- ${cell(w.message)}`);
  }
  return out.join('\n') + '\n';
}
