import type { BaselineEvaluation, BaselineReport } from '@modelperf/core';
import { formatLabel, formatNumber } from './format-number.js';

/** The metrics shown per task in the baseline table (every metric is in the JSON report). */
export const BASELINE_TABLE_METRICS: Record<string, string[]> = {
  binary: ['roc_auc', 'average_precision', 'log_loss', 'brier_score_loss', 'accuracy', 'f1'],
  multiclass: ['accuracy', 'balanced_accuracy', 'log_loss', 'f1_macro', 'roc_auc_ovr_macro'],
  regression: ['rmse', 'mae', 'r2', 'mean_pinball_loss'],
  ranking: ['ndcg_at_10', 'map', 'mrr', 'hit_rate_at_10'],
};

type Flavour = 'table' | 'markdown';

function grid(rows: string[][], flavour: Flavour): string[] {
  if (flavour === 'markdown') {
    const esc = (c: string) => c.replace(/\|/g, '\\|');
    return [
      `| ${rows[0].map(esc).join(' | ')} |`,
      `| ${rows[0].map((_, c) => (c === 0 ? '---' : '---:')).join(' | ')} |`,
      ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`),
    ];
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}

function metricRows(entries: BaselineEvaluation[], metrics: string[]): string[][] {
  return [
    ['model', ...metrics],
    ...entries.map((e) => [e.model, ...metrics.map((m) => (e.metrics[m] === undefined ? '' : formatNumber(e.metrics[m])))]),
  ];
}

function render(report: BaselineReport, flavour: Flavour): string {
  const md = flavour === 'markdown';
  const code = (s: string) => `\`${s}\``;
  const out: string[] = [];
  const metrics = BASELINE_TABLE_METRICS[report.task] ?? [];
  out.push(md ? `## modelperf baseline: ${report.task}` : `modelperf baseline — ${report.task} — label ${report.label} — ${formatNumber(report.train.rows)} training rows`);
  if (md) out.push('', `Label ${code(report.label)}; ${formatNumber(report.train.rows)} training rows.`);
  if (report.classes !== undefined) out.push(`classes ${report.classes.map(formatLabel).join(', ')}${report.task === 'binary' ? ` (scores: probability of ${formatLabel(report.classes[1])})` : ''}`);
  for (const m of report.models) {
    if (m.kind === 'dummy' || m.kind === 'popularity') continue;
    const fit = `${m.converged ? 'converged' : `NOT converged (${m.status ?? '?'})`} after ${m.iterations ?? 0} iteration(s), ${m.solver ?? ''} on ${m.backend ?? 'js'} (${m.device ?? 'cpu'})`;
    out.push(`${m.model}: l2 ${formatNumber(m.l2 ?? Number.NaN)}, ${report.preprocessing?.featureNames.length ?? 0} design columns from ${report.features.length} features; ${fit}`);
  }
  const splits = ['train', ...report.splits.map((s) => s.name)];
  for (const split of splits) {
    const entries = report.baselines.filter((b) => b.split === split);
    if (entries.length === 0) continue;
    out.push('');
    out.push(md ? `### ${split} (${formatNumber(entries[0].rows)} rows)` : `${split} — ${formatNumber(entries[0].rows)} rows`);
    if (md) out.push('');
    out.push(...grid(metricRows(entries, metrics), flavour));
    const sliced = entries.filter((e) => e.slices !== undefined && e.slices.length > 0);
    if (sliced.length > 0) {
      const first = metrics[0];
      const values = sliced[0].slices!.map((s) => (Array.isArray(s.value) ? s.value.map(formatLabel).join(', ') : formatLabel(s.value)));
      out.push('');
      out.push(md ? `${first} per slice of ${code(sliced[0].slices![0].column)}:` : `  ${first} per slice of ${sliced[0].slices![0].column}:`);
      if (md) out.push('');
      const rows = [['model', ...values], ...sliced.map((e) => [e.model, ...e.slices!.map((s) => (s.metrics[first] === undefined ? '' : formatNumber(s.metrics[first])))])];
      out.push(...grid(rows, flavour));
    }
  }
  if (report.warnings.length > 0) {
    out.push('', md ? '### Warnings' : 'warnings:');
    if (md) out.push('');
    for (const w of report.warnings) out.push(`${md ? '-' : '  -'} ${w.code}: ${w.message}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Renders a baseline report (`modelperf baseline`) as aligned plain text: the fitted models' convergence, then per
 * split one row per baseline with the task's main metrics, per-slice values with `--by`, and the warnings.
 * @param report - the report of `runBaselines`
 * @returns text ending in a newline
 * @example
 * ```ts
 * process.stdout.write(renderBaselinesTable(report));
 * ```
 */
export function renderBaselinesTable(report: BaselineReport): string {
  return render(report, 'table');
}

/**
 * Renders a baseline report as GitHub Markdown (the same content as {@link renderBaselinesTable}).
 * @param report - the report of `runBaselines`
 * @returns Markdown ending in a newline
 * @example
 * ```ts
 * writeFileSync('baselines.md', renderBaselinesMarkdown(report));
 * ```
 */
export function renderBaselinesMarkdown(report: BaselineReport): string {
  return render(report, 'markdown');
}
