import type { Report } from '@modelperf/core';

/** A Vega-Lite specification as a plain object (compiled with `vega-lite`'s `compile`). */
export type ChartSpec = Record<string, unknown>;

/** The charts a report can have. */
export const CHART_NAMES = ['roc', 'pr', 'calibration', 'confusion', 'threshold', 'per_class', 'slices', 'residuals', 'predicted_vs_actual', 'gains'] as const;
/** One of the chart names. */
export type ChartName = (typeof CHART_NAMES)[number];

/** Size of a single square plot, in pixels. */
export const PLOT_SIZE = 360;

/** Shared look: readable on a laptop and in print, no web fonts. */
export const CHART_CONFIG = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 12,
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', offset: 10 },
  axis: { labelFontSize: 12, titleFontSize: 13, gridColor: '#e5e5e5' },
  legend: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: '#bbb' },
};

/**
 * Wraps a Vega-Lite body into a top-level spec with the shared config.
 * @param title - chart title (one string or lines)
 * @param body - mark/encoding/layer/concat parts
 * @returns the spec
 */
export function topLevel(title: string | string[], body: ChartSpec): ChartSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: title }, config: CHART_CONFIG, ...body };
}

/** A number for a title: 4 significant digits. */
export function short(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(4)));
}

/**
 * " (95% CI a–b)" for a metric with an interval in the report, else "".
 * @param report - the report
 * @param key - metric key
 * @returns text
 */
export function intervalText(report: Report, key: string): string {
  const i = report.intervals?.[key];
  if (i === undefined) return '';
  return ` (${Math.round(i.level * 100)}% CI ${short(i.low)}–${short(i.high)}${i.method === 'delong' ? ', DeLong' : ''})`;
}

/** Replaces non-finite numbers by null so that Vega skips them rather than drawing at NaN. */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
