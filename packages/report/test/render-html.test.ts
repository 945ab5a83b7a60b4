import { describe, expect, it } from 'vitest';
import { chartSpecs, renderHtml } from '../src/index.js';
import { binaryReport, multiclassReport, regressionReport } from './helpers.js';

function selfContained(html: string): void {
  expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?https?:/i);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link[^>]+stylesheet/i);
  expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
}

describe('renderHtml', () => {
  it('writes a self-contained page with one svg per applicable chart, the header, intervals and warnings', async () => {
    const report = binaryReport(1000);
    const html = await renderHtml(report, { generatedAt: new Date('2024-01-02T03:04:05Z') });
    selfContained(html);
    const charts = chartSpecs(report).map((c) => c.chart);
    expect(charts).toEqual(['roc', 'pr', 'calibration', 'confusion', 'threshold', 'gains']);
    for (const c of charts) expect(html).toContain(`data-chart="${c}"`);
    expect(html.match(/<svg[\s>]/g)?.length).toBe(charts.length);
    expect(html).toContain('data.arrow');
    expect(html).toContain('2024-01-02T03:04:05.000Z');
    expect(html).toContain('95% CI 0.86 – 0.88 (delong)');
    expect(html).toMatch(/class="warnings"[^]*precision is 0\/0 at &lt;threshold&gt; 1/);
    expect(html).toContain('@media print');
  });

  it('stays small for a report with curves from 1e6 rows: each curve down-sampled to at most 2000 points', async () => {
    const report = binaryReport(1_000_000);
    const specs = chartSpecs(report);
    const roc = specs.find((c) => c.chart === 'roc')!.spec as { layer: Array<{ data?: { values: unknown[] } }> };
    expect(roc.layer[1].data!.values.length).toBeLessThanOrEqual(2000);
    const sweep = specs.find((c) => c.chart === 'threshold')!.spec as { layer: Array<{ data?: { values: unknown[] } }> };
    expect(sweep.layer[0].data!.values.length).toBeLessThanOrEqual(3 * 2000);
    const html = await renderHtml(report);
    expect(html.length).toBeLessThan(2_000_000);
    selfContained(html);
  });

  it('draws per-class, slice and residual charts and their tables for other tasks', async () => {
    const reg = await renderHtml(regressionReport());
    expect(chartSpecs(regressionReport()).map((c) => c.chart)).toEqual(['slices', 'residuals', 'predicted_vs_actual']);
    expect(reg).toContain('data-chart="residuals"');
    expect(reg).toContain('data-chart="predicted_vs_actual"');
    const { by_prediction: _, ...old } = regressionReport().residuals as Record<string, unknown>;
    expect(chartSpecs({ ...regressionReport(), residuals: old }).map((c) => c.chart)).toEqual(['slices', 'residuals']);
    expect(reg).toContain('Per slice of seg');
    expect(reg).toContain('[1.8, 2.2]');
    const mc = await renderHtml(multiclassReport());
    expect(chartSpecs(multiclassReport()).map((c) => c.chart)).toEqual(['confusion', 'per_class']);
    expect(mc).toContain('Per class');
    selfContained(mc);
  });
});
