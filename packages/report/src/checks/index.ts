// Renderers of `modelperf check` reports: terminal table, Markdown, self-contained HTML with drift charts.
export { renderCheckTable } from './render-check-table.js';
export { renderCheckMarkdown } from './render-check-markdown.js';
export { renderCheckHtml, type RenderCheckHtmlOptions } from './render-check-html.js';
export { driftChartSpecs, MAX_DRIFT_CHARTS } from './drift-charts.js';
export { driftRows, type DriftRow } from './check-report-view.js';
