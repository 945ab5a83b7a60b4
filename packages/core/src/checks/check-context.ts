import type { CheckThresholds } from './check-options.js';
import type { SplitState } from './split-state.js';

/** What every check reads: the split states, the resolved columns and the thresholds. */
export interface CheckContext {
  readonly train: SplitState;
  /** The other splits, compared with train: `val` then `test`. */
  readonly others: readonly SplitState[];
  readonly features: readonly string[];
  readonly label?: string;
  readonly id?: string;
  readonly time?: string;
  readonly score?: string;
  readonly thresholds: CheckThresholds;
  readonly maxExamples: number;
  readonly psiBins: number;
  /** `train_test_duplicates` keys rows by features and label. */
  readonly duplicatesWithLabel?: boolean;
}

/**
 * A share as a percentage for messages: `12.5%`, `0.03%`, `<0.01%`.
 * @param share - a number in [0, 1]
 * @returns the text
 * @example
 * ```ts
 * formatShare(0.125); // '12.5%'
 * ```
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return String(share);
  if (share > 0 && share < 0.0001) return '<0.01%';
  return `${Number((share * 100).toPrecision(3))}%`;
}

/**
 * A number for messages: 4 significant digits.
 * @param v - the number
 * @returns the text
 * @example
 * ```ts
 * formatStat(0.123456789); // '0.1235'
 * ```
 */
export function formatStat(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}
