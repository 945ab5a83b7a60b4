import type { CheckReport } from '@modelperf/core';
import { PLOT_SIZE, short, topLevel, type ChartSpec } from '../charts/chart-spec.js';
import { type DriftRow, driftRows } from './check-report-view.js';

/** Columns drawn one chart each: the drifted ones first, then the largest PSI, at most this many. */
export const MAX_DRIFT_CHARTS = 12;

/**
 * The charts of a check report's drift: an overview of every compared column's PSI per split (with the threshold),
 * then, per column (drifted first, largest PSI first, at most {@link MAX_DRIFT_CHARTS}), the share of rows per bin —
 * train deciles or categories — in train and in the other split, side by side.
 *
 * @param report - a `modelperf check` report
 * @returns named Vega-Lite specs (none when nothing was compared)
 * @example
 * ```ts
 * for (const { name, spec } of driftChartSpecs(report)) await writeFile(`${name}.svg`, await renderSpecSvg(spec));
 * ```
 */
export function driftChartSpecs(report: CheckReport): Array<{ name: string; spec: ChartSpec }> {
  const rows = driftRows(report);
  if (rows.length === 0) return [];
  const out = [{ name: 'drift-overview', spec: overviewSpec(rows, report.thresholds.psi) }];
  const ranked = [...rows].sort((a, b) => Number(b.drifted) - Number(a.drifted) || b.psi - a.psi).slice(0, MAX_DRIFT_CHARTS);
  ranked.forEach((row, k) => out.push({ name: `drift-${k}`, spec: columnSpec(row) }));
  return out;
}

function overviewSpec(rows: DriftRow[], threshold: number): ChartSpec {
  const values = rows.map((r) => ({ column: r.column, split: r.split, psi: r.psi, drifted: r.drifted ? 'drifted' : 'stable' }));
  const columns = [...new Set(rows.map((r) => r.column))];
  return topLevel(['Population stability index per column', `against train; the rule marks the warning threshold ${short(threshold)}`], {
    width: PLOT_SIZE * 1.2, height: { step: 18 },
    data: { values },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y: { field: 'column', type: 'nominal', sort: columns, title: null },
          yOffset: { field: 'split' },
          x: { field: 'psi', type: 'quantitative', title: 'PSI' },
          color: { field: 'drifted', type: 'nominal', scale: { domain: ['stable', 'drifted'], range: ['#8da0cb', '#e45756'] }, title: null, legend: { orient: 'bottom' } },
          tooltip: [{ field: 'column' }, { field: 'split' }, { field: 'psi', format: '.4g' }],
        },
      },
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#444' }, data: { values: [{ psi: threshold }] }, encoding: { x: { field: 'psi', type: 'quantitative' } } },
    ],
  });
}

function binLabels(row: DriftRow): string[] {
  if (row.kind === 'categorical') return [...(row.categories ?? [])];
  const e = row.edges ?? [];
  if (e.length === 0) return ['all'];
  return [`< ${short(e[0])}`, ...e.slice(1).map((v, k) => `${short(e[k])} – ${short(v)}`), `≥ ${short(e[e.length - 1])}`];
}

function columnSpec(row: DriftRow): ChartSpec {
  const bins = binLabels(row);
  const values = bins.flatMap((bin, k) => [
    { bin, split: 'train', share: row.train_shares[k] ?? 0 },
    { bin, split: row.split, share: row.shares[k] ?? 0 },
  ]);
  const stats = row.kind === 'numeric'
    ? `PSI ${short(row.psi)}, KS ${short(row.ks_statistic ?? NaN)} (p ${short(row.ks_p_value ?? NaN)})`
    : `PSI ${short(row.psi)}, chi² p ${short(row.chi2_p_value ?? NaN)}, JS ${short(row.js_divergence ?? NaN)}`;
  return topLevel([`${row.column}: train vs ${row.split}${row.drifted ? ' (drifted)' : ''}`, stats], {
    width: { step: Math.max(16, Math.min(40, 480 / bins.length)) }, height: PLOT_SIZE * 0.6,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'bin', type: 'nominal', sort: bins, title: row.kind === 'numeric' ? 'train decile bin' : 'category', axis: { labelAngle: -40, labelLimit: 200 } },
      xOffset: { field: 'split', sort: ['train', row.split] },
      y: { field: 'share', type: 'quantitative', title: 'share of rows', axis: { format: '%' } },
      color: { field: 'split', type: 'nominal', sort: ['train', row.split], scale: { range: ['#4c78a8', '#f58518'] }, title: null, legend: { orient: 'bottom' } },
      tooltip: [{ field: 'bin' }, { field: 'split' }, { field: 'share', format: '.2%' }],
    },
  });
}
