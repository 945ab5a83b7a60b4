import { metricDirection } from '../compare/metric-direction.js';
import type { Report } from '../report/report.js';
import { sliceGateValue, type GateSource } from './gate.js';

/**
 * The numbers of an evaluation report for absolute gates (`modelperf evaluate --require`): its metrics and, when it
 * has them, their confidence intervals; per slice too (`--by`).
 *
 * @param report - an evaluation report
 * @returns a gate source without baselines
 * @example
 * ```ts
 * import { evaluate, gateSourceFromReport } from '@modelperf/core';
 * const report = await evaluate({ y: [0, 0, 1, 1], p: [0.1, 0.4, 0.35, 0.8] }, { task: 'binary', label: 'y', score: 'p', backend: 'js' });
 * console.log(gateSourceFromReport(report).lookup('roc_auc')?.value); // 0.75
 * ```
 */
export function gateSourceFromReport(report: Pick<Report, 'metrics' | 'intervals' | 'slices'>): GateSource {
  return {
    ...(report.slices !== undefined
      ? { slices: report.slices.map((s) => ({ value: sliceGateValue(s.value), source: gateSourceFromReport({ metrics: s.metrics, intervals: s.intervals }) })) }
      : {}),
    metrics: Object.keys(report.metrics),
    baselines: [],
    lookup(metric, baseline) {
      if (baseline !== undefined || !(metric in report.metrics)) return undefined;
      const interval = report.intervals?.[metric];
      return {
        value: report.metrics[metric],
        direction: metricDirection(metric),
        ...(interval !== undefined ? { low: interval.low, high: interval.high, level: interval.level, method: interval.method } : {}),
      };
    },
  };
}
