import type { Report, ReportInterval, ReportSlice } from '@modelperf/core';
import { formatLabel, formatNumber } from './format-number.js';
import { lowerIsBetter, metricLabel, SLICE_METRICS } from './metric-descriptions.js';

function pad(s: string, width: number, right = false): string {
  return right ? s.padStart(width) : s.padEnd(width);
}

/** Lays out rows of cells as aligned columns; `right` marks right-aligned columns. */
function grid(rows: string[][], right: boolean[], indent = ''): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, c) => pad(cell, widths[c], right[c])).join('  ').trimEnd());
}

function interval(i: ReportInterval | undefined): string {
  if (i === undefined) return '';
  return `[${formatNumber(i.low)}, ${formatNumber(i.high)}]${i.method === 'delong' ? ' DeLong' : ''}`;
}

function describeColumns(report: Report): string {
  return Object.entries(report.columns)
    .map(([role, col]) => `${role} ${Array.isArray(col) ? col.map((c) => `\`${c}\``).join(', ') : `\`${col}\``}`)
    .join('; ');
}

function sliceValue(s: ReportSlice): string {
  return Array.isArray(s.value) ? s.value.map(formatLabel).join(', ') : formatLabel(s.value);
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
  out.push(`modelperf — ${report.task} — ${formatNumber(report.rows)} rows — ${source}`);
  const positive = report.task === 'binary' ? `; positive class ${formatLabel(report.options.pos_label)}` : '';
  out.push(`${describeColumns(report)}${positive}; backend ${report.backend.name} (${report.backend.device})`);
  out.push('');

  const hasIntervals = report.intervals !== undefined;
  const head = ['metric', '', 'value', ...(hasIntervals ? [`${Math.round(((report.options.ci as number) ?? 0.95) * 100)}% interval`] : []), ''];
  const rows = Object.entries(report.metrics).map(([key, value]) => {
    const name = key === 'fbeta' ? `F-beta (beta=${String(report.options.beta)})` : metricLabel(key);
    return [key, name, formatNumber(value), ...(hasIntervals ? [interval(report.intervals?.[key])] : []), lowerIsBetter(key) ? '(lower is better)' : ''];
  });
  out.push(...grid([head, ...rows], [false, false, true, false, false]));

  if (report.confusion_matrix !== undefined) {
    const { labels, matrix } = report.confusion_matrix;
    out.push('');
    if (report.task === 'binary') {
      out.push(`confusion matrix at threshold ${String(report.options.threshold)} (predicted positive iff score >= threshold)`);
    } else {
      out.push('confusion matrix (rows: actual, columns: predicted)');
    }
    if (labels.length <= 20) {
      const header = ['', ...labels.map((l) => `pred ${formatLabel(l)}`)];
      const body = matrix.map((row, i) => [`actual ${formatLabel(labels[i])}`, ...row.map(formatNumber)]);
      out.push(...grid([header, ...body], [false, ...labels.map(() => true)], '  '));
    } else {
      out.push(`  ${labels.length} x ${labels.length}: see --format json`);
    }
  }
  if (report.per_class !== undefined && report.per_class.length > 0) {
    out.push('');
    out.push(report.task === 'multilabel' ? 'per label' : 'per class');
    const body = report.per_class.map((c) => [formatLabel(c.class), formatNumber(c.precision), formatNumber(c.recall), formatNumber(c.f1), formatNumber(c.support)]);
    out.push(...grid([['class', 'precision', 'recall', 'f1', 'support'], ...body], [false, true, true, true, true], '  '));
  }
  renderBinarySections(report, out);
  renderRegressionSections(report, out);
  if (report.slices !== undefined && report.slices.length > 0) {
    out.push('');
    const keys = SLICE_METRICS[report.task].filter((k) => report.slices?.some((s) => k in s.metrics));
    const rankingKeys = report.task === 'ranking' ? Object.keys(report.metrics).filter((k) => k.startsWith('ndcg_at_')).slice(0, 2) : [];
    const shown = [...rankingKeys, ...keys];
    out.push(`per slice of ${report.slices[0].column}`);
    const body = report.slices.map((s) => [sliceValue(s), formatNumber(s.rows), ...shown.map((k) => formatNumber(s.metrics[k] ?? NaN))]);
    out.push(...grid([['slice', 'rows', ...shown], ...body], [false, true, ...shown.map(() => true)], '  '));
  }
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

interface CalibrationSection { bins: Array<{ lower: number; upper: number; count: number; mean_predicted: number; fraction_positive: number }>; strategy: string }
interface GainsSection { groups: Array<{ group: number; threshold: number; rows: number; positives: number; cumulative_share_of_positives: number; lift: number; cumulative_lift: number }> }
interface SweepSection { best: Record<string, { threshold: number; value: number }> }

function renderBinarySections(report: Report, out: string[]): void {
  const sweep = report.threshold_sweep as SweepSection | undefined;
  if (sweep?.best !== undefined) {
    out.push('');
    out.push('best thresholds');
    const body = Object.entries(sweep.best).map(([by, b]) => [by, formatNumber(b.threshold), formatNumber(b.value)]);
    out.push(...grid([['by', 'threshold', 'value'], ...body], [false, true, true], '  '));
  }
  const calibration = report.calibration as CalibrationSection | undefined;
  if (calibration?.bins !== undefined && calibration.bins.length > 0) {
    out.push('');
    out.push(`calibration (${calibration.strategy} bins)`);
    const body = calibration.bins.map((b) => [`${formatNumber(b.lower)}-${formatNumber(b.upper)}`, formatNumber(b.count), formatNumber(b.mean_predicted), formatNumber(b.fraction_positive)]);
    out.push(...grid([['bin', 'rows', 'mean score', 'positive share'], ...body], [false, true, true, true], '  '));
  }
  const gains = report.gains as GainsSection | undefined;
  if (gains?.groups !== undefined && gains.groups.length > 0) {
    out.push('');
    out.push('gains and lift by decile of the score');
    const body = gains.groups.map((g) => [String(g.group), formatNumber(g.threshold), formatNumber(g.rows), formatNumber(g.positives), formatNumber(g.cumulative_share_of_positives), formatNumber(g.lift), formatNumber(g.cumulative_lift)]);
    out.push(...grid([['decile', 'min score', 'rows', 'positives', 'cum. gain', 'lift', 'cum. lift'], ...body], [false, true, true, true, true, true, true], '  '));
  }
}

function renderRegressionSections(report: Report, out: string[]): void {
  const residuals = report.residuals as { quantiles: Array<{ q: number; value: number }>; mean: number; std: number } | undefined;
  if (residuals === undefined) return;
  out.push('');
  out.push(`residuals (label - prediction): mean ${formatNumber(residuals.mean)}, std ${formatNumber(residuals.std)}`);
  const qs = residuals.quantiles;
  out.push(...grid([qs.map((q) => `q${formatNumber(q.q)}`), qs.map((q) => formatNumber(q.value))], qs.map(() => true), '  '));
}
