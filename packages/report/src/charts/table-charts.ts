import { jsonNumber, type Report, type ReportSlice } from '@modelperf/core';
import { formatLabel } from '../format-number.js';
import { metricLabel, SLICE_METRICS } from '../metric-descriptions.js';
import { residualsOf } from '../report-sections.js';
import { finiteOrNull, PLOT_SIZE, short, topLevel, type ChartSpec } from './chart-spec.js';

/** Above this many classes the cells are too small for numbers. */
const MAX_LABELLED_CLASSES = 20;

/**
 * Confusion matrix heat maps: counts, and shares of each actual class (rows sum to 1).
 * @param report - a report with a confusion matrix
 * @returns a Vega-Lite spec
 */
export function confusionChartSpec(report: Report): ChartSpec {
  const { labels, matrix } = report.confusion_matrix!;
  const names = labels.map((l) => formatLabel(l));
  const cells: Array<{ actual: string; predicted: string; count: number; share: number | null }> = [];
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + jsonNumber(b), 0);
    row.forEach((v, j) => cells.push({ actual: names[i], predicted: names[j], count: jsonNumber(v), share: total > 0 ? jsonNumber(v) / total : null }));
  });
  const labelled = names.length <= MAX_LABELLED_CLASSES;
  const side = Math.min(PLOT_SIZE * 1.2, Math.max(200, names.length * 64));
  const maxCount = Math.max(...cells.map((c) => c.count));
  const axes = {
    x: { field: 'predicted', type: 'ordinal', sort: names, title: 'predicted', axis: { labelAngle: 0 } },
    y: { field: 'actual', type: 'ordinal', sort: names, title: 'actual' },
  };
  const panel = (field: 'count' | 'share', title: string, format: string, cut: number): ChartSpec => ({
    width: side, height: side, title,
    layer: [
      { mark: 'rect', encoding: { ...axes, color: { field, type: 'quantitative', title: null, scale: { scheme: 'blues' }, legend: labelled ? null : { format: field === 'share' ? '%' : ',d' } } } },
      ...(labelled ? [{
        mark: { type: 'text', fontSize: names.length > 8 ? 9 : 13 },
        encoding: { ...axes, text: { field, type: 'quantitative', format }, color: { condition: { test: `datum.${field} > ${cut}`, value: 'white' }, value: 'black' } },
      }] : []),
    ],
  });
  const threshold = report.task === 'binary' ? ` at threshold ${String(report.options.threshold)}` : '';
  return topLevel(`Confusion matrix${threshold}`, {
    data: { values: cells },
    hconcat: [panel('count', 'counts', ',.0f', maxCount / 2), panel('share', 'share of each actual class (row-normalised)', '.1%', 0.5)],
    resolve: { scale: { color: 'independent' } },
  });
}

/**
 * Precision, recall and F1 of each class (multiclass) or label (multilabel) as grouped bars.
 * @param report - a report with per-class results
 * @returns a Vega-Lite spec
 */
export function perClassChartSpec(report: Report): ChartSpec {
  const values = report.per_class!.flatMap((c) => (['precision', 'recall', 'f1'] as const).map((m) => ({
    class: formatLabel(c.class), metric: m, value: finiteOrNull(jsonNumber(c[m])), support: c.support,
  })));
  const classes = report.per_class!.map((c) => formatLabel(c.class));
  return topLevel(`Per ${report.task === 'multilabel' ? 'label' : 'class'}: precision, recall and F1`, {
    width: { step: 60 }, height: PLOT_SIZE * 0.7,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'class', type: 'nominal', sort: classes, title: report.task === 'multilabel' ? 'label' : 'class', axis: { labelAngle: 0 } },
      xOffset: { field: 'metric', sort: ['precision', 'recall', 'f1'] },
      y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'value' },
      color: { field: 'metric', type: 'nominal', sort: ['precision', 'recall', 'f1'], title: null, legend: { orient: 'bottom' } },
    },
  });
}

function sliceName(s: ReportSlice): string {
  return Array.isArray(s.value) ? s.value.map(formatLabel).join(', ') : formatLabel(s.value);
}

/** The slice metrics a chart or table shows for this report. */
export function sliceMetricKeys(report: Report): string[] {
  return SLICE_METRICS[report.task].filter((k) => report.slices?.some((s) => k in s.metrics));
}

/**
 * One horizontal bar chart per headline slice metric, with interval error bars where the report has them and the
 * overall value as a dashed rule.
 * @param report - a report with slices
 * @returns a Vega-Lite spec
 */
export function slicesChartSpec(report: Report): ChartSpec {
  const slices = report.slices!;
  const names = slices.map(sliceName);
  const panels = sliceMetricKeys(report).slice(0, 3).map((key) => {
    const values = slices.map((s, i) => {
      const iv = s.intervals?.[key];
      return { slice: names[i], rows: s.rows, value: finiteOrNull(jsonNumber(s.metrics[key])), low: iv ? finiteOrNull(jsonNumber(iv.low)) : null, high: iv ? finiteOrNull(jsonNumber(iv.high)) : null };
    });
    const y = { field: 'slice', type: 'nominal', sort: names, title: slices[0].column };
    const layers: ChartSpec[] = [
      { data: { values }, mark: { type: 'bar', color: '#6baed6' }, encoding: { y, x: { field: 'value', type: 'quantitative', title: metricLabel(key) } } },
    ];
    if (values.some((v) => v.low !== null)) {
      layers.push({ data: { values: values.filter((v) => v.low !== null) }, mark: { type: 'rule', color: '#08306b', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } });
    }
    const overall = report.metrics[key];
    if (Number.isFinite(overall)) layers.push({ data: { values: [{ x: overall }] }, mark: { type: 'rule', color: '#d62728', strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } });
    return { width: PLOT_SIZE * 0.6, height: { step: 22 }, title: metricLabel(key), layer: layers };
  });
  return topLevel([`Per slice of ${slices[0].column}`, 'bars: slice value; dark lines: interval; red dashed: all rows'], { hconcat: panels });
}

/**
 * Residual quantile plot (label − prediction against the quantile), with zero and the mean ± one standard deviation.
 * Reports keep residual quantiles, not rows, so this stands in for a residual scatter and predicted-vs-actual plot.
 * @param report - a regression report
 * @returns a Vega-Lite spec
 */
export function residualsChartSpec(report: Report): ChartSpec {
  const r = residualsOf(report)!;
  const values = r.quantiles.map((q) => ({ q: q.q, value: finiteOrNull(q.value) }));
  const band = Number.isFinite(r.mean) && Number.isFinite(r.std) ? [{ low: r.mean - r.std, high: r.mean + r.std, mean: r.mean }] : [];
  return topLevel([`Residuals (label − prediction): mean ${short(r.mean)}, std ${short(r.std)}`, 'quantiles of the residuals; band: mean ± 1 std'], {
    width: PLOT_SIZE * 1.2, height: PLOT_SIZE * 0.8,
    layer: [
      ...(band.length > 0 ? [{ data: { values: band }, layer: [
        { mark: { type: 'rect', color: '#deebf7' }, encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
        { mark: { type: 'rule', color: '#6baed6', strokeDash: [4, 3] }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
      ] }] : []),
      { data: { values: [{ y: 0 }] }, mark: { type: 'rule', color: '#555' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      { data: { values }, mark: { type: 'line', point: { filled: true, size: 50 }, color: '#1f77b4', strokeWidth: 2 }, encoding: { x: { field: 'q', type: 'quantitative', title: 'quantile', scale: { domain: [0, 1] }, axis: { format: '%' } }, y: { field: 'value', type: 'quantitative', title: 'residual' } } },
    ],
  });
}

/**
 * Predicted against actual: the mean target of each equal-count prediction bin against its mean prediction (points and
 * line), the y = x diagonal, and a band from mean prediction + residual p10 to mean prediction + residual p90 (where
 * 80% of each bin's targets lie, up to the spread of predictions within the bin). Reports keep these bins, not rows.
 * @param report - a regression report whose residuals have `by_prediction`
 * @returns a Vega-Lite spec
 */
export function predictedVsActualChartSpec(report: Report): ChartSpec {
  const bins = residualsOf(report)!.by_prediction!;
  const values = bins.map((b) => ({
    mean_predicted: finiteOrNull(b.mean_predicted), mean_actual: finiteOrNull(b.mean_actual), count: b.count,
    low: finiteOrNull(b.mean_predicted + b.residual_p10), high: finiteOrNull(b.mean_predicted + b.residual_p90),
  }));
  const ends = values.flatMap((v) => [v.mean_predicted, v.mean_actual, v.low, v.high]).filter((v): v is number => v !== null);
  const lo = ends.length > 0 ? Math.min(...ends) : 0;
  const hi = ends.length > 0 ? Math.max(...ends) : 1;
  const x = { field: 'mean_predicted', type: 'quantitative', title: 'mean prediction in bin', scale: { domain: [lo, hi], zero: false, nice: false } };
  const y = { type: 'quantitative', title: 'mean label in bin', scale: { domain: [lo, hi], zero: false, nice: false } };
  const rows = bins.reduce((s, b) => s + b.count, 0);
  return topLevel(['Predicted vs actual', `${bins.length} equal-count bins of the prediction (${short(rows)} rows)`, 'band and bars: 10–90% of residuals; dashed: y = x'], {
    width: PLOT_SIZE, height: PLOT_SIZE,
    layer: [
      { data: { values }, mark: { type: 'area', color: '#deebf7', opacity: 0.9 }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } } },
      { data: { values: [{ x: lo, y: lo }, { x: hi, y: hi }] }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      { data: { values }, mark: { type: 'rule', color: '#6baed6' }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } } },
      {
        data: { values }, mark: { type: 'line', point: { filled: true, size: 50 }, color: '#1f77b4', strokeWidth: 2 },
        encoding: { x, y: { ...y, field: 'mean_actual' }, tooltip: [{ field: 'count', title: 'rows' }] },
      },
    ],
  });
}
