/**
 * @modelperf/report — renders modelperf reports: terminal tables, Markdown, self-contained HTML, and charts as SVG/PNG
 * (Vega-Lite specs rendered in Node; vega and resvg are loaded only when a chart is drawn).
 */
export { renderTable } from './render-table.js';
export { renderMarkdown } from './render-markdown.js';
export { renderComparisonTable, renderComparisonMarkdown } from './render-comparison.js';
export { renderHtml, escapeHtml, type RenderHtmlOptions } from './render-html.js';
export { formatNumber, formatLabel } from './format-number.js';
export { metricLabel, lowerIsBetter, SLICE_METRICS } from './metric-descriptions.js';
export { downsampleCurve, MAX_CURVE_POINTS } from './downsample-curve.js';
export { parseModelperfJson, parseReportJson } from './parse-report-json.js';
export {
  calibrationOf, gainsOf, sweepOf, residualsOf, binaryConfusionOf,
  type CalibrationSection, type CalibrationBin, type GainsGroup, type ThresholdSweep, type ResidualSection,
} from './report-sections.js';
export { CHART_NAMES, type ChartName, type ChartSpec } from './charts/chart-spec.js';
export { chartSpec, chartSpecs, chartUnavailableReason } from './charts/chart-specs.js';
export { renderChartSvg, renderChartPng, renderSpecSvg } from './charts/render-chart.js';
export * from './checks/index.js';
export { renderBaselinesTable, renderBaselinesMarkdown, BASELINE_TABLE_METRICS } from './render-baselines.js';
