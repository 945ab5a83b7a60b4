import type { BaselineComparison, ComparedModel, ComparisonResult } from '../compare/comparison-result.js';
import { metricDirection } from '../compare/metric-direction.js';
import { sliceGateValue, type GateSource } from './gate.js';

/**
 * The numbers of a comparison for gates: absolute gates read the candidate's metrics (and intervals); gates with a
 * baseline read the difference candidate - baseline and its paired interval; `[slice]` gates read a slice's.
 *
 * @param result - a comparison from `compareModels`
 * @returns a gate source whose baselines are the comparison's; `baseline` also names the only baseline when there is
 * exactly one (a baseline column literally named `baseline` takes precedence)
 * @example
 * ```ts
 * import { compareModels, evaluateGates, gateSourceFromComparison, parseGate, toTable } from '@modelperf/core';
 * const table = toTable({ y: [0, 0, 1, 1, 0, 1], p: [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], dummy: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
 * const result = await compareModels(table, { task: 'binary', label: 'y', candidate: 'p', baselines: ['dummy'], bootstrap: 0, backend: 'js' });
 * const [gate] = evaluateGates([parseGate('roc_auc-baseline>=0.2')], gateSourceFromComparison(result));
 * console.log(gate.message); // gate passed: roc_auc-baseline >= 0.2 (got 0.388889 = 0.888889 - 0.5)
 * ```
 */
export function gateSourceFromComparison(result: ComparisonResult): GateSource {
  const level = typeof result.options.ci === 'number' ? result.options.ci : undefined;
  return {
    ...sourceOf(result.models, result.comparisons, result.baselines, level),
    slices: result.slices?.map((s) => ({ value: sliceGateValue(s.value), source: sourceOf(s.models, s.comparisons, result.baselines, level) })),
  };
}

function sourceOf(models: readonly ComparedModel[], comparisons: readonly BaselineComparison[], baselines: readonly string[], level: number | undefined): GateSource {
  const candidate = models[0];
  const comparisonOf = (name: string): BaselineComparison | undefined => comparisons.find((c) => c.baseline === name)
    ?? (name === 'baseline' && comparisons.length === 1 ? comparisons[0] : undefined);
  return {
    metrics: Object.keys(candidate.metrics),
    baselines,
    lookup(metric, baseline) {
      if (baseline === undefined) {
        if (!(metric in candidate.metrics)) return undefined;
        const interval = candidate.intervals?.[metric];
        return {
          value: candidate.metrics[metric],
          direction: metricDirection(metric),
          ...(interval !== undefined ? { low: interval.low, high: interval.high, level, method: interval.method } : {}),
        };
      }
      const d = comparisonOf(baseline)?.metrics[metric];
      if (d === undefined) return undefined;
      return {
        value: d.difference,
        formula: `${num(d.candidate)} - ${num(d.baseline)}`,
        direction: d.direction,
        ...(d.low !== undefined && d.high !== undefined ? { low: d.low, high: d.high, level, method: d.method } : {}),
      };
    },
  };
}

function num(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}
