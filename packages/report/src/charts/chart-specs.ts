import { ValidationError, type Report } from '@modelperf/core';
import { calibrationOf, gainsOf, residualsOf, sweepOf } from '../report-sections.js';
import { CHART_NAMES, type ChartName, type ChartSpec } from './chart-spec.js';
import { calibrationChartSpec, gainsChartSpec, prChartSpec, rocChartSpec, thresholdChartSpec } from './curve-charts.js';
import { confusionChartSpec, perClassChartSpec, predictedVsActualChartSpec, residualsChartSpec, slicesChartSpec } from './table-charts.js';

const BUILDERS: Record<ChartName, (report: Report) => ChartSpec> = {
  roc: rocChartSpec, pr: prChartSpec, calibration: calibrationChartSpec, confusion: confusionChartSpec,
  threshold: thresholdChartSpec, per_class: perClassChartSpec, slices: slicesChartSpec, residuals: residualsChartSpec,
  predicted_vs_actual: predictedVsActualChartSpec, gains: gainsChartSpec,
};

/**
 * Why a report cannot draw a chart, with the fix.
 * @param report - a report
 * @param chart - a chart name
 * @returns the reason, or undefined when the chart applies
 */
export function chartUnavailableReason(report: Report, chart: ChartName): string | undefined {
  const binaryOnly = (what: string): string | undefined => (report.task !== 'binary' ? `${what} needs a binary report; this report is ${report.task}.` : undefined);
  switch (chart) {
    case 'roc':
    case 'pr':
      return binaryOnly(`the ${chart} chart`) ?? (report.curves === undefined ? `the report has no curves; run \`modelperf evaluate\` with --curves.` : undefined);
    case 'calibration':
      return binaryOnly('the calibration chart') ?? (calibrationOf(report) === undefined ? 'the report has no calibration bins.' : undefined);
    case 'threshold': {
      const s = sweepOf(report);
      return binaryOnly('the threshold chart') ?? (s?.threshold === undefined || s.precision === undefined || s.recall === undefined || s.f1 === undefined
        ? 'the report has no per-threshold sweep; run `modelperf evaluate` with --curves.' : undefined);
    }
    case 'gains':
      return binaryOnly('the gains chart') ?? (gainsOf(report) === undefined ? 'the report has no gains section.' : undefined);
    case 'confusion':
      return report.confusion_matrix === undefined ? `the report has no confusion matrix (${report.task} reports have none).` : undefined;
    case 'per_class':
      return report.per_class === undefined || report.per_class.length === 0 ? `the report has no per-class results (multiclass and multilabel reports have them; this one is ${report.task}).` : undefined;
    case 'slices':
      return report.slices === undefined || report.slices.length === 0 ? 'the report has no slices; run `modelperf evaluate` with --by <column>.' : undefined;
    case 'residuals':
      return residualsOf(report) === undefined ? `the residuals chart needs a regression report; this report is ${report.task}.` : undefined;
    case 'predicted_vs_actual': {
      const r = residualsOf(report);
      if (r === undefined) return `the predicted_vs_actual chart needs a regression report; this report is ${report.task}.`;
      return r.by_prediction === undefined ? 'the report has no residuals.by_prediction bins; evaluate again with this version of modelperf.' : undefined;
    }
  }
}

/**
 * The Vega-Lite spec of one chart of a report.
 * @param report - a report
 * @param chart - which chart
 * @returns the spec (data inlined; curves down-sampled)
 * @throws ValidationError `invalid_argument` when the report cannot draw the chart, saying how to get it
 * @example
 * ```ts
 * const spec = chartSpec(report, 'roc');
 * ```
 */
export function chartSpec(report: Report, chart: ChartName): ChartSpec {
  if (!(CHART_NAMES as readonly string[]).includes(chart)) {
    throw new ValidationError('invalid_argument', `Unknown chart "${String(chart)}"; expected one of ${CHART_NAMES.join(', ')}.`);
  }
  const reason = chartUnavailableReason(report, chart);
  if (reason !== undefined) throw new ValidationError('invalid_argument', `Cannot draw the ${chart} chart: ${reason}`);
  return BUILDERS[chart](report);
}

/**
 * The charts that apply to a report, in reading order, with their Vega-Lite specs.
 * @param report - a report
 * @returns one entry per applicable chart
 * @example
 * ```ts
 * chartSpecs(report).map((c) => c.chart); // ['roc', 'pr', 'calibration', ...]
 * ```
 */
export function chartSpecs(report: Report): Array<{ chart: ChartName; spec: ChartSpec }> {
  return CHART_NAMES.filter((c) => chartUnavailableReason(report, c) === undefined).map((chart) => ({ chart, spec: BUILDERS[chart](report) }));
}
