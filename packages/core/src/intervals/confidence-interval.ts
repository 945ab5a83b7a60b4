/** How an interval was computed. */
export type IntervalMethod = 'delong' | 'bootstrap';

/**
 * A two-sided confidence interval of one metric.
 *
 * @example
 * ```ts
 * const ci: ConfidenceInterval = { low: 0.81, high: 0.86, level: 0.95, method: 'delong' };
 * ```
 */
export interface ConfidenceInterval {
  /** Lower end; NaN when undefined. */
  readonly low: number;
  /** Upper end; NaN when undefined. */
  readonly high: number;
  /** Nominal coverage in (0, 1), e.g. 0.95. */
  readonly level: number;
  readonly method: IntervalMethod;
}
