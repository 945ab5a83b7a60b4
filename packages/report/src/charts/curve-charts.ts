import type { Report } from '@modelperf/core';
import { downsampleCurve, MAX_CURVE_POINTS } from '../downsample-curve.js';
import { binaryConfusionOf, calibrationOf, gainsOf, sweepOf } from '../report-sections.js';
import { finiteOrNull, intervalText, PLOT_SIZE, short, topLevel, type ChartSpec } from './chart-spec.js';

const DIAGONAL = { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
const UNIT = { domain: [0, 1] };

function thresholdPoint(report: Report, x: number, y: number, xTitle: string, yTitle: string, labelLeft = false): ChartSpec {
  const t = report.options.threshold;
  return {
    data: { values: [{ x, y, label: `threshold ${String(t)}` }] },
    layer: [
      { mark: { type: 'point', filled: true, size: 90, color: '#d62728' }, encoding: { x: { field: 'x', type: 'quantitative', title: xTitle }, y: { field: 'y', type: 'quantitative', title: yTitle } } },
      { mark: { type: 'text', align: labelLeft ? 'right' : 'left', dx: labelLeft ? -8 : 8, dy: labelLeft ? 14 : 10, fontSize: 12, color: '#d62728' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
    ],
  };
}

/**
 * ROC curve with the AUC (and its interval) in the title and the report's threshold marked.
 * @param report - a binary report with curves
 * @returns a Vega-Lite spec
 */
export function rocChartSpec(report: Report): ChartSpec {
  const roc = report.curves!.roc;
  const keep = downsampleCurve(roc.fpr, roc.tpr, MAX_CURVE_POINTS);
  const values = keep.map((i, order) => ({ order, fpr: finiteOrNull(roc.fpr[i]), tpr: finiteOrNull(roc.tpr[i]) }));
  const layers: ChartSpec[] = [
    DIAGONAL,
    { data: { values }, mark: { type: 'line', color: '#1f77b4', strokeWidth: 2 }, encoding: { x: { field: 'fpr', type: 'quantitative', title: 'false positive rate', scale: UNIT }, y: { field: 'tpr', type: 'quantitative', title: 'true positive rate (recall)', scale: UNIT }, order: { field: 'order' } } },
  ];
  const c = binaryConfusionOf(report);
  if (c && c.fp + c.tn > 0 && c.tp + c.fn > 0) layers.push(thresholdPoint(report, c.fp / (c.fp + c.tn), c.tp / (c.tp + c.fn), 'false positive rate', 'true positive rate (recall)'));
  return topLevel(`ROC curve — AUC ${short(report.metrics.roc_auc)}${intervalText(report, 'roc_auc')}`, { width: PLOT_SIZE, height: PLOT_SIZE, layer: layers });
}

/**
 * Precision-recall curve with the average precision in the title and the prevalence as the no-skill baseline.
 * @param report - a binary report with curves
 * @returns a Vega-Lite spec
 */
export function prChartSpec(report: Report): ChartSpec {
  const pr = report.curves!.pr;
  const keep = downsampleCurve(pr.recall, pr.precision, MAX_CURVE_POINTS);
  const values = keep.map((i, order) => ({ order, recall: finiteOrNull(pr.recall[i]), precision: finiteOrNull(pr.precision[i]) }));
  const prevalence = report.metrics.prevalence;
  const layers: ChartSpec[] = [
    { data: { values }, mark: { type: 'line', color: '#1f77b4', strokeWidth: 2, interpolate: 'step-after' }, encoding: { x: { field: 'recall', type: 'quantitative', title: 'recall', scale: UNIT }, y: { field: 'precision', type: 'quantitative', title: 'precision', scale: UNIT }, order: { field: 'order' } } },
  ];
  if (Number.isFinite(prevalence)) {
    layers.unshift({
      data: { values: [{ y: prevalence, label: `no skill: prevalence ${short(prevalence)}` }] },
      layer: [
        { mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'right', dy: -7, x: PLOT_SIZE - 4, fontSize: 11, color: '#666' }, encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    });
  }
  const c = binaryConfusionOf(report);
  if (c && c.tp + c.fp > 0 && c.tp + c.fn > 0) layers.push(thresholdPoint(report, c.tp / (c.tp + c.fn), c.tp / (c.tp + c.fp), 'recall', 'precision', true));
  return topLevel(`Precision-recall curve — AP ${short(report.metrics.average_precision)}${intervalText(report, 'average_precision')}`, { width: PLOT_SIZE, height: PLOT_SIZE, layer: layers });
}

/**
 * Reliability diagram (mean score against positive share per bin, with the diagonal) over a histogram of the bin counts.
 * @param report - a binary report with a calibration section
 * @returns a Vega-Lite spec
 */
export function calibrationChartSpec(report: Report): ChartSpec {
  const cal = calibrationOf(report)!;
  const bins = cal.bins.map((b) => ({ ...b, mean_predicted: finiteOrNull(b.mean_predicted), fraction_positive: finiteOrNull(b.fraction_positive) }));
  const ece = report.metrics.expected_calibration_error ?? cal.ece;
  const x = { field: 'mean_predicted', type: 'quantitative', title: 'mean predicted score', scale: UNIT };
  return topLevel(`Calibration${ece !== undefined ? ` — ECE ${short(ece)}${intervalText(report, 'expected_calibration_error')}` : ''}`, {
    vconcat: [
      {
        width: PLOT_SIZE, height: PLOT_SIZE,
        layer: [
          DIAGONAL,
          { data: { values: bins }, mark: { type: 'line', point: { filled: true, size: 50 }, color: '#1f77b4', strokeWidth: 2 }, encoding: { x, y: { field: 'fraction_positive', type: 'quantitative', title: 'fraction of positives', scale: UNIT } } },
        ],
      },
      {
        width: PLOT_SIZE, height: 90,
        data: { values: cal.bins },
        mark: { type: 'bar', color: '#9ecae1', stroke: 'white', strokeWidth: 0.5 },
        encoding: { x: { field: 'lower', type: 'quantitative', title: 'score', scale: UNIT }, x2: { field: 'upper' }, y: { field: 'count', type: 'quantitative', title: 'rows' }, y2: { datum: 0 } },
      },
    ],
  });
}

/**
 * Precision, recall and F1 against the threshold, with the report's threshold and the best-F1 threshold marked.
 * @param report - a binary report whose threshold sweep has the per-threshold arrays (`--curves`)
 * @returns a Vega-Lite spec
 */
export function thresholdChartSpec(report: Report): ChartSpec {
  const s = sweepOf(report)!;
  const thresholds = s.threshold!;
  const values: Array<{ series: string; order: number; threshold: number | null; value: number | null }> = [];
  for (const series of ['precision', 'recall', 'f1'] as const) {
    const ys = s[series]!;
    // Each series is thinned on its own, so each keeps its own turns.
    const keep = downsampleCurve(thresholds, ys, MAX_CURVE_POINTS);
    keep.forEach((i, order) => values.push({ series, order, threshold: finiteOrNull(thresholds[i]), value: finiteOrNull(ys[i]) }));
  }
  const marks = [{ threshold: Number(report.options.threshold), label: `threshold ${String(report.options.threshold)}` }];
  if (s.best.f1) marks.push({ threshold: s.best.f1.threshold, label: `best F1 ${short(s.best.f1.value)} at ${short(s.best.f1.threshold)}` });
  return topLevel('Precision, recall and F1 by threshold', {
    width: PLOT_SIZE * 1.4, height: PLOT_SIZE * 0.8,
    layer: [
      { data: { values }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: { field: 'threshold', type: 'quantitative', title: 'threshold (predicted positive iff score >= threshold)' }, y: { field: 'value', type: 'quantitative', title: 'value', scale: UNIT }, color: { field: 'series', type: 'nominal', title: null, sort: ['precision', 'recall', 'f1'], legend: { orient: 'bottom' } }, order: { field: 'order' } } },
      { data: { values: marks.filter((m) => Number.isFinite(m.threshold)) }, layer: [
        { mark: { type: 'rule', color: '#555', strokeDash: [3, 3] }, encoding: { x: { field: 'threshold', type: 'quantitative' } } },
        { mark: { type: 'text', angle: 270, align: 'right', baseline: 'bottom', dx: -4, y: 0, fontSize: 11, color: '#333' }, encoding: { x: { field: 'threshold', type: 'quantitative' }, text: { field: 'label' } } },
      ] },
    ],
  });
}

/**
 * Cumulative gains curve (with the random baseline) beside the lift of each score decile.
 * @param report - a binary report with a gains section
 * @returns a Vega-Lite spec
 */
export function gainsChartSpec(report: Report): ChartSpec {
  const groups = gainsOf(report)!;
  const curve = [{ share_rows: 0, share_positives: 0 }, ...groups.map((g) => ({ share_rows: g.cumulative_share_of_rows, share_positives: finiteOrNull(g.cumulative_share_of_positives) }))];
  return topLevel('Cumulative gains and lift by score decile', {
    hconcat: [
      {
        width: PLOT_SIZE * 0.8, height: PLOT_SIZE * 0.8,
        layer: [
          DIAGONAL,
          { data: { values: curve }, mark: { type: 'line', point: { filled: true }, color: '#1f77b4', strokeWidth: 2 }, encoding: { x: { field: 'share_rows', type: 'quantitative', title: 'share of rows (highest scores first)', scale: UNIT, axis: { format: '%' } }, y: { field: 'share_positives', type: 'quantitative', title: 'share of positives found', scale: UNIT, axis: { format: '%' } } } },
        ],
      },
      {
        width: PLOT_SIZE * 0.8, height: PLOT_SIZE * 0.8,
        layer: [
          { data: { values: groups.map((g) => ({ group: g.group, lift: finiteOrNull(g.lift) })) }, mark: { type: 'bar', color: '#1f77b4' }, encoding: { x: { field: 'group', type: 'ordinal', title: 'score decile (1 = highest)', axis: { labelAngle: 0 } }, y: { field: 'lift', type: 'quantitative', title: 'lift' } } },
          { data: { values: [{ y: 1 }] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        ],
      },
    ],
  });
}
