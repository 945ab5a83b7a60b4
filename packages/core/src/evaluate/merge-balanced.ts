import type { MetricState } from '../states/metric-state.js';

/**
 * Merges items as they arrive like a binary counter: two items of the same level (batch count) merge into one of the
 * next level, and `finish` folds the levels from the highest (earliest batches) down. With linear-time merges (sorted
 * runs) k batches of n rows cost O(n log k), where merging each batch into one growing state would cost O(n k).
 * The association of merges depends only on the number of items, so every float sum is the same wherever the merges
 * run (this thread, or worker threads through `AsyncBalancedMerger`).
 */
export class MergeTree<T> {
  private readonly levels: Array<T | undefined> = [];

  /** @param mergePair - merges two items, the earlier batches' first (it may reuse either) */
  constructor(private readonly mergePair: (earlier: T, later: T) => T) {}

  /**
   * Adds the item of the next batch.
   * @param item - the item; it may be merged into (mutated)
   */
  push(item: T): void {
    let carry = item;
    let level = 0;
    for (;;) {
      const held = this.levels[level];
      if (held === undefined) {
        this.levels[level] = carry;
        return;
      }
      this.levels[level] = undefined;
      carry = this.mergePair(held, carry);
      level++;
    }
  }

  /**
   * Merges everything pushed so far.
   * @returns the merged item, or undefined when nothing was pushed
   */
  finish(): T | undefined {
    let result: T | undefined;
    // Lower levels hold later batches: merge them after the earlier (higher) ones to keep row order.
    for (let level = this.levels.length - 1; level >= 0; level--) {
      const held = this.levels[level];
      if (held === undefined) continue;
      result = result === undefined ? held : this.mergePair(result, held);
    }
    return result;
  }
}

/**
 * A `MergeTree` of metric states merged on this thread (`a.merge(b)`). The tree owns the states pushed to it: a state
 * merged into another is dropped, and its buffers recycled (`MetricState.recycle`) for the next states of its kind.
 */
export class BalancedMerger<S extends MetricState<unknown>> extends MergeTree<S> {
  constructor() {
    super((earlier, later) => {
      const merged = earlier.merge(later);
      if (merged !== later) later.recycle?.();
      return merged;
    });
  }
}
