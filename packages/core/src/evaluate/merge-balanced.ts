import type { MetricState } from '../states/metric-state.js';

/**
 * Merges states as they arrive like a binary counter: two states of the same level (batch count) merge into one of the
 * next level. With linear-time merges (sorted runs) k batches of n rows cost O(n log k), where merging each batch into
 * one growing state would cost O(n k).
 */
export class BalancedMerger<S extends MetricState<unknown>> {
  private readonly levels: Array<S | undefined> = [];

  /**
   * Adds a state (built from one batch).
   * @param state - the state; it may be merged into (mutated)
   */
  push(state: S): void {
    let carry = state;
    let level = 0;
    for (;;) {
      const held = this.levels[level];
      if (held === undefined) {
        this.levels[level] = carry;
        return;
      }
      this.levels[level] = undefined;
      carry = held.merge(carry);
      level++;
    }
  }

  /**
   * Merges everything pushed so far.
   * @returns the merged state, or undefined when nothing was pushed
   */
  finish(): S | undefined {
    let result: S | undefined;
    // Lower levels hold later batches: merge them after the earlier (higher) ones to keep row order.
    for (let level = this.levels.length - 1; level >= 0; level--) {
      const held = this.levels[level];
      if (held === undefined) continue;
      result = result === undefined ? held : result.merge(held);
    }
    return result;
  }
}
