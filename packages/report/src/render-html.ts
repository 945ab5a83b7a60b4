import type { Report, ReportInterval } from '@modelperf/core';
import { chartSpecs } from './charts/chart-specs.js';
import { renderSpecSvg } from './charts/render-chart.js';
import { sliceMetricKeys } from './charts/table-charts.js';
import { formatLabel, formatNumber } from './format-number.js';
import { HTML_STYLE } from './html-style.js';
import { lowerIsBetter, metricLabel } from './metric-descriptions.js';

/** Options of `renderHtml`. */
export interface RenderHtmlOptions {
  /** Title of the page (default: "modelperf report: <task>"). */
  title?: string;
  /** Time shown as "generated" (default: now). */
  generatedAt?: Date;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function intervalText(i: ReportInterval | undefined): string {
  if (i === undefined) return '';
  return `${Math.round(i.level * 100)}% CI ${formatNumber(i.low)} – ${formatNumber(i.high)} (${i.method})`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** Makes the ids of one SVG unique within the page (vega names clip paths clip1, clip2, ... per process). */
function scopeSvgIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
}

function header(report: Report, generatedAt: Date): string {
  const source = report.input?.path ? `${report.input.path} (${report.input.format ?? '?'})` : 'in-memory data';
  const columns = Object.entries(report.columns).map(([role, c]) => `${role}: ${Array.isArray(c) ? c.join(', ') : c}`).join('; ');
  const t = report.timing_ms;
  const timing = `${t.read !== undefined ? `read ${formatNumber(t.read)} ms, ` : ''}compute ${formatNumber(t.compute)} ms, total ${formatNumber(t.total)} ms`;
  const facts: Array<[string, string]> = [
    ['data set', source], ['task', report.task], ['rows', formatNumber(report.rows)],
    ...(report.dropped_rows ? [['dropped rows (null/NaN)', formatNumber(report.dropped_rows)] as [string, string]] : []),
    ['columns', columns],
    ...(report.task === 'binary' ? [['positive class / threshold', `${formatLabel(report.options.pos_label)} / ${String(report.options.threshold)}`] as [string, string]] : []),
    ['backend', `${report.backend.name} (${report.backend.device})`], ['time', timing], ['generated', generatedAt.toISOString()],
  ];
  return `<header><h1>${escapeHtml(`modelperf report: ${report.task}`)}</h1>
<p class="meta">${escapeHtml(source)}</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></header>`;
}

function warnings(report: Report): string {
  if (report.warnings.length === 0) return '';
  const items = report.warnings.map((w) => `<li><strong>${escapeHtml(w.code)}</strong>: ${escapeHtml(w.message)}</li>`).join('\n');
  return `<section class="warnings" role="alert" aria-labelledby="warnings-h"><h2 id="warnings-h">⚠ ${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}</h2><ul>\n${items}\n</ul></section>`;
}

function headline(report: Report): string {
  const cards = Object.entries(report.metrics).map(([k, v]) => {
    const name = k === 'fbeta' ? `F-beta (beta=${String(report.options.beta)})` : metricLabel(k);
    const ci = intervalText(report.intervals?.[k]);
    return `<div class="metric"><div class="name" title="${escapeHtml(k)}">${escapeHtml(name)}${lowerIsBetter(k) ? ' ↓' : ''}</div><div class="value">${escapeHtml(formatNumber(v))}</div>${ci ? `<div class="ci">${escapeHtml(ci)}</div>` : ''}</div>`;
  });
  return `<section><h2>Metrics</h2><div class="headline">\n${cards.join('\n')}\n</div><p class="meta">↓ lower is better.</p></section>`;
}

function tables(report: Report): string {
  const out: string[] = [];
  if (report.confusion_matrix !== undefined && report.confusion_matrix.labels.length <= 50) {
    const labels = report.confusion_matrix.labels.map((l) => formatLabel(l));
    out.push('<h3>Confusion matrix (rows: actual, columns: predicted)</h3>');
    out.push(table(['actual \\ predicted', ...labels], report.confusion_matrix.matrix.map((r, i) => [labels[i], ...r.map(formatNumber)])));
  }
  if (report.per_class !== undefined && report.per_class.length > 0) {
    out.push(`<h3>Per ${report.task === 'multilabel' ? 'label' : 'class'}</h3>`);
    out.push(table(['class', 'precision', 'recall', 'f1', 'support'], report.per_class.map((c) => [formatLabel(c.class), formatNumber(c.precision), formatNumber(c.recall), formatNumber(c.f1), formatNumber(c.support)])));
  }
  if (report.slices !== undefined && report.slices.length > 0) {
    const keys = sliceMetricKeys(report);
    const withCi = report.slices.some((s) => s.intervals !== undefined);
    out.push(`<h3>Per slice of ${escapeHtml(report.slices[0].column)}</h3>`);
    out.push(table(['slice', 'rows', ...keys.flatMap((k) => (withCi ? [k, `${k} interval`] : [k]))], report.slices.map((s) => [
      Array.isArray(s.value) ? s.value.map(formatLabel).join(', ') : formatLabel(s.value), formatNumber(s.rows),
      ...keys.flatMap((k) => {
        const i = s.intervals?.[k];
        return withCi ? [formatNumber(s.metrics[k] ?? NaN), i ? `[${formatNumber(i.low)}, ${formatNumber(i.high)}]` : ''] : [formatNumber(s.metrics[k] ?? NaN)];
      }),
    ])));
    const slicesWithWarnings = report.slices.filter((s) => (s.warnings?.length ?? 0) > 0);
    if (slicesWithWarnings.length > 0) out.push(`<p class="meta">${slicesWithWarnings.length} slice(s) have warnings; see the JSON report.</p>`);
  }
  return out.length > 0 ? `<section><h2>Tables</h2>\n${out.join('\n')}\n</section>` : '';
}

/**
 * Renders a report as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts, fonts or network
 * requests; curves are down-sampled (at most ~2000 points each), never raw rows. Printable.
 * @param report - an evaluation report
 * @param options - title and generation time
 * @returns the HTML text
 * @example
 * ```ts
 * await writeFileAtomic('report.html', await renderHtml(report));
 * ```
 */
export async function renderHtml(report: Report, options: RenderHtmlOptions = {}): Promise<string> {
  const title = options.title ?? `modelperf report: ${report.task}`;
  const charts = chartSpecs(report);
  const svgs = await Promise.all(charts.map(async ({ chart, spec }) => {
    const svg = scopeSvgIds(await renderSpecSvg(spec), `chart-${chart}`);
    return `<figure class="chart" id="chart-${chart}" data-chart="${chart}">${svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(chart)} chart" `)}</figure>`;
  }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="modelperf">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
${header(report, options.generatedAt ?? new Date())}
${warnings(report)}
${headline(report)}
${svgs.length > 0 ? `<section><h2>Charts</h2><div class="charts">\n${svgs.join('\n')}\n</div></section>` : ''}
${tables(report)}
<footer>Generated by modelperf. Aggregates only: no rows of the data are in this file.</footer>
</main>
</body>
</html>
`;
}
