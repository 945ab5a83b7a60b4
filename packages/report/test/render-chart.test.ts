import { describe, expect, it } from 'vitest';
import { chartSpec, parseReportJson, renderChartPng, renderChartSvg, CHART_NAMES } from '../src/index.js';
import { reportToJson } from '@modelperf/core';
import { binaryReport, multiclassReport, regressionReport } from './helpers.js';

describe('renderChartSvg / renderChartPng', () => {
  it('renders SVG with the AUC in the ROC title', async () => {
    const svg = await renderChartSvg(binaryReport(500), 'roc');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('AUC 0.87');
  });

  it('renders every chart of each task', async () => {
    for (const report of [binaryReport(200), regressionReport(), multiclassReport()]) {
      for (const chart of CHART_NAMES) {
        try { chartSpec(report, chart); } catch { continue; }
        expect((await renderChartSvg(report, chart)).startsWith('<svg')).toBe(true);
      }
    }
  });

  it('draws predicted vs actual from the residual bins, with the diagonal and the 10-90% band', async () => {
    const spec = chartSpec(regressionReport(), 'predicted_vs_actual');
    const layers = spec.layer as Array<{ data: { values: Array<Record<string, number>> } }>;
    expect(layers[3].data.values.map((v) => [v.mean_predicted, v.mean_actual])).toEqual([[4.5, 4], [14.5, 14.5], [24.5, 25], [34.5, 35.5]]);
    expect(layers[0].data.values.map((v) => [v.low, v.high])).toEqual([[2.5, 6.5], [12.5, 16.5], [22.5, 26.5], [32.5, 36.5]]);
    expect(layers[1].data.values).toEqual([{ x: 2.5, y: 2.5 }, { x: 36.5, y: 36.5 }]);
    const svg = await renderChartSvg(regressionReport(), 'predicted_vs_actual');
    expect(svg).toContain('Predicted vs actual');
  });

  it('renders PNG with the PNG signature', async () => {
    const png = await renderChartPng(binaryReport(200), 'calibration');
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('explains how to get a chart the report cannot draw', () => {
    const noCurves = { ...binaryReport(10), curves: undefined, threshold_sweep: { best: {} } };
    expect(() => chartSpec(noCurves, 'roc')).toThrow(/--curves/);
    expect(() => chartSpec(noCurves, 'threshold')).toThrow(/--curves/);
    expect(() => chartSpec(multiclassReport(), 'roc')).toThrow(/binary report; this report is multiclass/);
    expect(() => chartSpec(binaryReport(10), 'slices')).toThrow(/--by/);
    expect(() => chartSpec(binaryReport(10), 'residuals')).toThrow(/regression/);
    expect(() => chartSpec(binaryReport(10), 'predicted_vs_actual')).toThrow(/regression/);
  });
});

describe('parseReportJson', () => {
  it('reads non-finite numbers back and keeps labels as written', () => {
    const report = { ...multiclassReport(), metrics: { accuracy: NaN, x: Infinity } };
    report.per_class![0].class = 'NaN';
    const back = parseReportJson(reportToJson(report));
    expect(back.metrics.accuracy).toBeNaN();
    expect(back.metrics.x).toBe(Infinity);
    expect(back.per_class![0].class).toBe('NaN');
  });

  it('rejects text that is not a modelperf report', () => {
    expect(() => parseReportJson('ARROW1', 'r.arrow')).toThrow(/r.arrow is not a modelperf report: it is not JSON/);
    expect(() => parseReportJson('{"a":1}', 'x.json')).toThrow(/expected "schema"/);
  });
});
