import type { BaselineComparison, ComparisonResult, ComparisonSlice, MetricDifference } from '@modelperf/core';
import { formatLabel, formatNumber } from './format-number.js';
import { metricLabel, SLICE_METRICS } from './metric-descriptions.js';

/** Output flavours of a comparison: aligned plain text or GitHub Markdown. */
type Flavour = 'table' | 'markdown';

function signed(v: number): string {
  return v > 0 ? `+${formatNumber(v)}` : formatNumber(v);
}

function interval(d: MetricDifference): string {
  if (d.low === undefined || d.high === undefined) return '';
  return `[${signed(d.low)}, ${signed(d.high)}]${d.method === 'delong' ? ' DeLong' : ''}`;
}

function pValue(p: number | undefined): string {
  if (p === undefined) return '';
  if (p === 0) return '< 1e-300';
  return p < 1e-4 ? p.toExponential(1) : formatNumber(Number(p.toPrecision(3)));
}

function verdict(d: MetricDifference): string {
  if (d.better === undefined) return '';
  if (d.better === 'tie') return 'tie';
  // An interval that holds zero leaves the order unclear at the interval's level; without an interval, say nothing.
  const noise = d.low !== undefined && d.high !== undefined && d.low <= 0 && d.high >= 0;
  return `${d.better}${noise ? ' (within noise)' : ''}`;
}

function sliceValue(s: ComparisonSlice): string {
  return Array.isArray(s.value) ? s.value.map(formatLabel).join(', ') : formatLabel(s.value);
}

/** Aligned columns (table) or a pipe table (markdown). */
function grid(rows: string[][], right: boolean[], flavour: Flavour, indent = ''): string[] {
  if (flavour === 'markdown') {
    const esc = (c: string) => c.replace(/\|/g, '\\|');
    return [
      `| ${rows[0].map(esc).join(' | ')} |`,
      `| ${right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
      ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`),
    ];
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

function comparisonRows(result: ComparisonResult, comparison: BaselineComparison, level: string): string[][] {
  const head = ['metric', result.candidate, comparison.baseline, 'difference', `${level} interval`, 'p-value', 'better'];
  const body = Object.entries(comparison.metrics).map(([key, d]) => [
    `${key}${d.direction === 'lower' ? ' (lower is better)' : ''}`,
    formatNumber(d.candidate), formatNumber(d.baseline), signed(d.difference), interval(d), pValue(d.p_value), verdict(d),
  ]);
  return [head, ...body];
}

function render(result: ComparisonResult, flavour: Flavour): string {
  const out: string[] = [];
  const md = flavour === 'markdown';
  const code = (s: string) => `\`${s}\``;
  const level = `${Math.round(((result.options.ci as number) ?? 0.95) * 1000) / 10}%`;
  const source = result.input?.path !== undefined
    ? `${result.input.path}${result.input.baseline_path !== undefined ? ` + ${result.input.baseline_path} (joined on ${code(result.input.joined_on ?? '?')})` : ''}`
    : 'in-memory data';
  out.push(md ? `## modelperf compare: ${result.task}` : `modelperf compare — ${result.task} — ${formatNumber(result.rows)} rows — ${source}`);
  if (md) out.push('', `${formatNumber(result.rows)} rows from ${source}.`);
  const boot = (result.options.bootstrap as number) > 0 ? `paired bootstrap (${String(result.options.bootstrap)} replicates, seed ${String(result.options.seed)})` : 'no bootstrap';
  out.push(`label ${code(result.columns.label)}; candidate ${code(result.candidate)}; baseline${result.baselines.length > 1 ? 's' : ''} ${result.baselines.map(code).join(', ')}` +
    `${result.task === 'binary' ? `; positive class ${formatLabel(result.options.pos_label)}` : ''}; backend ${result.backend.name} (${result.backend.device})`);
  out.push(`${level} intervals of candidate - baseline: ${boot}${result.task === 'binary' ? "; DeLong's test for ROC AUC" : ''}`);
  for (const comparison of result.comparisons) {
    out.push('');
    out.push(md ? `### ${code(result.candidate)} vs ${code(comparison.baseline)}` : `${result.candidate} vs ${comparison.baseline}`);
    if (md) out.push('');
    const rows = comparisonRows(result, comparison, level);
    out.push(...grid(rows, [false, true, true, true, false, true, false], flavour, '  '));
  }
  if (result.slices !== undefined && result.slices.length > 0) renderSlices(result, flavour, out);
  if (result.gates !== undefined && result.gates.length > 0) {
    out.push('', md ? '**Gates**' : 'gates', ...(md ? [''] : []));
    for (const g of result.gates) out.push(md ? `- ${g.passed ? '✅' : '❌'} ${g.message}` : `  ${g.message}`);
  }
  if (result.warnings.length > 0) {
    out.push('', md ? '**Warnings**' : 'warnings:', ...(md ? [''] : []));
    for (const w of result.warnings) out.push(md ? `- ${w.message}` : `  - ${w.message}`);
  }
  if (!md) out.push('', `time: ${result.timing_ms.read !== undefined ? `read ${result.timing_ms.read} ms, ` : ''}compute ${result.timing_ms.compute} ms, total ${result.timing_ms.total} ms`);
  return out.join('\n') + '\n';
}

function renderSlices(result: ComparisonResult, flavour: Flavour, out: string[]): void {
  const slices = result.slices as ComparisonSlice[];
  const keys = SLICE_METRICS[result.task].filter((k) => k !== 'prevalence' && slices.some((s) => s.comparisons[0]?.metrics[k] !== undefined)).slice(0, 3);
  for (const [j, baseline] of result.baselines.entries()) {
    out.push('');
    out.push(flavour === 'markdown' ? `### per slice of ${slices[0].column}: ${result.candidate} - ${baseline}` : `per slice of ${slices[0].column}: ${result.candidate} - ${baseline}`);
    if (flavour === 'markdown') out.push('');
    const head = ['slice', 'rows', ...keys.map(metricLabel)];
    const body = slices.map((s) => [sliceValue(s), formatNumber(s.rows), ...keys.map((k) => {
      const d = s.comparisons[j]?.metrics[k];
      return d === undefined ? '' : `${signed(d.difference)} ${interval(d)}`.trim();
    })]);
    out.push(...grid([head, ...body], [false, true, ...keys.map(() => false)], flavour, '  '));
  }
}

/**
 * Renders a model comparison as a plain-text summary for a terminal: per baseline, every metric of both models, the
 * difference with its interval, DeLong's p-value for ROC AUC and which model is better; then slices and gates.
 * @param result - a comparison from `compareModels`
 * @returns text ending in a newline
 * @example
 * ```ts
 * process.stdout.write(renderComparisonTable(await compareModels(table, spec)));
 * ```
 */
export function renderComparisonTable(result: ComparisonResult): string {
  return render(result, 'table');
}

/**
 * Renders a model comparison as GitHub-flavoured Markdown (PR comments, CI job summaries).
 * @param result - a comparison from `compareModels`
 * @returns Markdown ending in a newline
 * @example
 * ```ts
 * fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderComparisonMarkdown(result));
 * ```
 */
export function renderComparisonMarkdown(result: ComparisonResult): string {
  return render(result, 'markdown');
}
