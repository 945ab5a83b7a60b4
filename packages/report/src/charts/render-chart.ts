import { ValidationError, type Report } from '@modelperf/core';
import { chartSpec } from './chart-specs.js';
import type { ChartName, ChartSpec } from './chart-spec.js';

/**
 * Renders a Vega-Lite spec to SVG text in Node (no canvas, no network: the data is inline).
 * @param spec - a Vega-Lite spec
 * @returns SVG text starting with `<svg`
 */
export async function renderSpecSvg(spec: ChartSpec): Promise<string> {
  // Loaded on first use: vega is large and most CLI runs draw nothing.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders one chart of a report to SVG.
 * @param report - a report
 * @param chart - which chart (see `chartSpecs` for the ones that apply)
 * @returns SVG text
 * @throws ValidationError when the report cannot draw the chart
 * @example
 * ```ts
 * await writeFile('roc.svg', await renderChartSvg(report, 'roc'));
 * ```
 */
export async function renderChartSvg(report: Report, chart: ChartName): Promise<string> {
  return renderSpecSvg(chartSpec(report, chart));
}

/**
 * Renders one chart of a report to PNG with resvg (at 2x for sharp text).
 * @param report - a report
 * @param chart - which chart
 * @param scale - pixel density (default 2)
 * @returns PNG bytes
 * @throws ValidationError when the report cannot draw the chart; `backend_unavailable` when resvg is not installed
 */
export async function renderChartPng(report: Report, chart: ChartName, scale = 2): Promise<Uint8Array> {
  const svg = await renderChartSvg(report, chart);
  let resvg: typeof import('@resvg/resvg-js');
  try {
    resvg = await import('@resvg/resvg-js');
  } catch (cause) {
    throw new ValidationError('backend_unavailable', 'PNG output needs @resvg/resvg-js, which is not installed for this platform; write .svg instead.', { cause });
  }
  const png = new resvg.Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
