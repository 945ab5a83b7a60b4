/** Comparison operators of a gate. */
export const GATE_OPERATORS = ['>=', '>', '<=', '<'] as const;
export type GateOperator = (typeof GATE_OPERATORS)[number];

/**
 * A parsed quality gate: a metric of the candidate (or its difference to a baseline), optionally one end of its
 * confidence interval, compared with a number.
 *
 * @example
 * ```ts
 * const gate: Gate = { text: 'roc_auc-baseline:low >= 0.02', metric: 'roc_auc', baseline: 'baseline', bound: 'low', operator: '>=', threshold: 0.02 };
 * ```
 */
export interface Gate {
  /** The gate written canonically, e.g. `roc_auc-dummy_score:low >= 0.02`. */
  readonly text: string;
  /** The metric key, e.g. `roc_auc`. */
  readonly metric: string;
  /** The baseline the gate compares with (difference = candidate - baseline); absent for an absolute gate. */
  readonly baseline?: string;
  /** Use this end of the confidence interval instead of the point estimate. */
  readonly bound?: 'low' | 'high';
  /** Check within one slice (`--by`) named by its value, or `*` for every slice (all must pass); absent: all rows. */
  readonly slice?: string;
  readonly operator: GateOperator;
  readonly threshold: number;
}

/** The outcome of one gate. */
export interface GateResult {
  readonly gate: string;
  readonly passed: boolean;
  /** The value compared with the threshold (NaN fails every gate). */
  readonly value: number;
  readonly threshold: number;
  /** `gate passed: ...` or `gate failed: ...` with the numbers, e.g. `gate failed: roc_auc >= 0.8 (got 0.7712)`. */
  readonly message: string;
}

/** What a gate's operand resolves to. */
export interface GateValue {
  /** The point estimate (a metric, or candidate - baseline). */
  readonly value: number;
  /** How the value arises, e.g. `0.8123 - 0.7989`; absent for a plain metric. */
  readonly formula?: string;
  readonly low?: number;
  readonly high?: number;
  /** Confidence level of low/high. */
  readonly level?: number;
  /** How low/high were computed (`delong`, `bootstrap`). */
  readonly method?: string;
  /** Whether higher or lower values of the metric are better. */
  readonly direction?: 'higher' | 'lower' | 'none';
}

/**
 * Where gates look their numbers up: an evaluation report or a comparison.
 *
 * @example
 * ```ts
 * const source = gateSourceFromReport(report);
 * source.lookup('roc_auc'); // { value: 0.84, low: ..., high: ... }
 * ```
 */
export interface GateSource {
  /** Metric keys a gate may name. */
  readonly metrics: readonly string[];
  /** Baseline names a gate may name (empty for a single-model report). */
  readonly baselines: readonly string[];
  /** Resolves a metric (of the candidate) or, with `baseline`, its difference to that baseline; undefined if unknown. */
  lookup(metric: string, baseline?: string): GateValue | undefined;
  /** The slices (`--by`), each with its value as a gate names it (several columns' values joined by `,`). */
  readonly slices?: ReadonlyArray<{ readonly value: string; readonly source: GateSource }>;
}

/**
 * How a gate names a slice value: strings as they are, null as `null`, several columns' values joined by `,`.
 * @param value - a slice's value (or values)
 * @returns the text to write between `[` and `]`
 * @example
 * ```ts
 * import { sliceGateValue } from '@modelperf/core';
 * console.log(sliceGateValue(['eu', 3])); // eu,3
 * ```
 */
export function sliceGateValue(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => String(v)).join(',') : String(value);
}
