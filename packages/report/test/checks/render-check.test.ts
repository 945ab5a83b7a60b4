import { checkTables, readCsvBytes, type CheckReport } from '@modelperf/core';
import { describe, expect, it } from 'vitest';
import { driftChartSpecs, driftRows, MAX_DRIFT_CHARTS, renderCheckHtml, renderCheckMarkdown, renderCheckTable } from '../../src/index.js';

/** Deterministic splits: `u` shifted in test, `kind` gains a category `<b>new</b>` in test; `same` does not move. */
async function report(extraColumns = 0): Promise<CheckReport> {
  const n = 600;
  const frac = (i: number, k: number): number => ((i * k) % 997) / 997;
  // Tables from CSV text (the report package does not depend on apache-arrow itself).
  const make = (shift: number, fresh: boolean) => {
    const extra = Array.from({ length: extraColumns }, (_, k) => `e${k}`);
    const lines = [['u', 'same', 'kind', 'y', ...extra].join(',')];
    for (let i = 0; i < n; i++) {
      const kind = fresh && i % 4 === 0 ? '<b>new</b>' : ['a', 'b', 'c'][i % 3];
      lines.push([frac(i, 389) * 10 + shift, frac(i, 613), kind, i % 2, ...extra.map((_, k) => frac(i, 101 + k) + shift * k)].join(','));
    }
    return readCsvBytes(`${lines.join('\n')}\n`);
  };
  return checkTables({ train: make(0, false), test: make(3, true) }, { label: 'y', skip: ['representativeness'] });
}

describe('check report renderers', () => {
  it('lists every compared column with its statistics', async () => {
    const r = await report();
    const rows = driftRows(r);
    expect(rows.map((d) => [d.column, d.drifted])).toEqual([['u', true], ['same', false], ['kind', true], ['y', false]]);
    const kind = rows.find((d) => d.column === 'kind')!;
    expect(kind.categories).toContain('<b>new</b>');
    expect(kind.train_shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('renders a terminal table and Markdown', async () => {
    const r = await report();
    const table = renderCheckTable(r);
    expect(table).toMatch(/^modelperf check — WARN — 0 errors, \d+ warnings/);
    expect(table).toMatch(/WARNING\s+feature_drift\s+test\s+u\s/);
    expect(table).toMatch(/test\s+same\s+numeric\s/);
    const md = renderCheckMarkdown(r);
    expect(md).toMatch(/\| warning \| new_categories \| test \| kind \|/);
    expect(md).toMatch(/\| test \| u \| numeric \| [\d.]+ \| [\d.]+ \|/);
  });
  it('renders a self-contained HTML page with a PSI overview and one chart per drifted column, escaped', async () => {
    const r = await report();
    const html = await renderCheckHtml(r, { generatedAt: new Date('2024-05-06T07:08:09Z') });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?https?:/i);
    expect(html).toContain('2024-05-06T07:08:09.000Z');
    expect(html).toContain('data-chart="drift-overview"');
    const charts = driftChartSpecs(r);
    expect(charts.map((c) => c.name)).toEqual(['drift-overview', 'drift-0', 'drift-1', 'drift-2', 'drift-3']);
    expect(html.match(/<svg[\s>]/g)?.length).toBe(charts.length);
    expect(html).not.toContain('<b>new</b>');
    expect(html).toContain('&lt;b&gt;new&lt;/b&gt;');
    expect(html).toMatch(/sev-warning/);
  });
  it(`draws at most ${MAX_DRIFT_CHARTS} column charts, drifted columns first`, async () => {
    const r = await report(20);
    const charts = driftChartSpecs(r);
    expect(charts).toHaveLength(MAX_DRIFT_CHARTS + 1);
    const titles = charts.slice(1).map((c) => String((c.spec.title as { text: string[] }).text[0]));
    const drifted = titles.filter((t) => t.endsWith('(drifted)')).length;
    expect(titles.slice(0, drifted).every((t) => t.endsWith('(drifted)'))).toBe(true);
  });
  it('says so when there are no findings', async () => {
    const r = await checkTables({ train: readCsvBytes('a\n1\n2\n3\n4\n'), test: readCsvBytes('a\n5\n6\n7\n8\n') }, { skip: ['feature_drift', 'representativeness'] });
    expect(r.findings).toEqual([]);
    expect(renderCheckTable(r)).toContain('no findings');
    expect(await renderCheckHtml(r)).toContain('No findings');
  });
});
