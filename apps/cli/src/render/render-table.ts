import type { Report } from '@modelperf/core';
import { formatLabel, formatNumber } from './format-number.js';
import { BINARY_METRIC_INFO } from './metric-descriptions.js';

function pad(s: string, width: number, right = false): string {
  return right ? s.padStart(width) : s.padEnd(width);
}

/**
 * Renders a report as a plain-text summary for a terminal.
 * @param report - an evaluation report
 * @returns text ending in a newline
 * @example
 * ```ts
 * process.stdout.write(renderTable(report));
 * ```
 */
export function renderTable(report: Report): string {
  const out: string[] = [];
  const source = report.input?.path ? `${report.input.path} (${report.input.format ?? '?'})` : 'in-memory data';
  out.push(`modelperf — ${report.task} classification — ${formatNumber(report.rows)} rows — ${source}`);
  out.push(
    `label \`${report.columns.label}\`, score \`${report.columns.score}\`` +
      (report.columns.weight ? `, weight \`${report.columns.weight}\`` : '') +
      `; positive class ${formatLabel(report.options.pos_label)}; backend ${report.backend.name} (${report.backend.device})`,
  );
  out.push('');
  const rows = BINARY_METRIC_INFO.filter((m) => m.key in report.metrics).map((m) => {
    const name = m.key === 'fbeta' ? `F-beta (beta=${report.options.beta})` : m.label;
    return [m.key, name, formatNumber(report.metrics[m.key]), m.higher ? '' : '(lower is better)'];
  });
  const w0 = Math.max(6, ...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const w2 = Math.max(5, ...rows.map((r) => r[2].length));
  out.push(`${pad('metric', w0)}  ${pad('', w1)}  ${pad('value', w2, true)}`);
  for (const r of rows) out.push(`${pad(r[0], w0)}  ${pad(r[1], w1)}  ${pad(r[2], w2, true)}  ${r[3]}`.trimEnd());
  out.push('');

  const [neg, pos] = report.confusion_matrix.labels;
  const [[tn, fp], [fn, tp]] = report.confusion_matrix.matrix;
  out.push(`confusion matrix at threshold ${report.options.threshold} (predicted positive iff score >= threshold)`);
  const head = ['', `pred ${formatLabel(neg)}`, `pred ${formatLabel(pos)}`];
  const body = [
    [`actual ${formatLabel(neg)}`, formatNumber(tn), formatNumber(fp)],
    [`actual ${formatLabel(pos)}`, formatNumber(fn), formatNumber(tp)],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...[head, ...body].map((r) => r[c].length)));
  for (const r of [head, ...body]) out.push(`  ${pad(r[0], widths[0])}  ${pad(r[1], widths[1], true)}  ${pad(r[2], widths[2], true)}`);

  if (report.curves) {
    out.push('');
    out.push(`curves: ROC ${report.curves.roc.fpr.length} points, PR ${report.curves.pr.precision.length} points (use --format json to get them)`);
  }
  if (report.warnings.length > 0) {
    out.push('');
    out.push('warnings:');
    for (const w of report.warnings) out.push(`  - ${w.message}`);
  }
  const t = report.timing_ms;
  out.push('');
  out.push(`time: ${t.read !== undefined ? `read ${t.read} ms, ` : ''}compute ${t.compute} ms, total ${t.total} ms`);
  return out.join('\n') + '\n';
}
