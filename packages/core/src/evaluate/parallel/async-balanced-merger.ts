import { MergeTree } from '../merge-balanced.js';

/**
 * The `MergeTree` of states merged asynchronously (on worker threads): the same tree as `BalancedMerger` — so the
 * association of merges, hence every float sum, is the same as on one thread — but each merge is a promise that
 * starts when both of its inputs are ready, and independent merges run at the same time.
 */
export class AsyncBalancedMerger<T> {
  private readonly tree: MergeTree<Promise<T>>;

  /** @param mergePair - merges two states, the earlier batches' first */
  constructor(mergePair: (earlier: T, later: T) => Promise<T>) {
    this.tree = new MergeTree((earlier, later) => {
      const merged = Promise.all([earlier, later]).then(([a, b]) => mergePair(a, b));
      // A failure surfaces through `finish` (or the caller's own checks); a merge nobody awaits yet is not unhandled.
      merged.catch(() => undefined);
      return merged;
    });
  }

  /**
   * Adds the state of the next batch.
   * @param state - the state, or a promise of it
   */
  push(state: T | Promise<T>): void {
    this.tree.push(Promise.resolve(state));
  }

  /**
   * Merges everything pushed so far.
   * @returns the merged state, or undefined when nothing was pushed
   */
  async finish(): Promise<T | undefined> {
    return this.tree.finish();
  }
}
