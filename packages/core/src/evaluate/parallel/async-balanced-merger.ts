/**
 * `BalancedMerger` for states that are merged asynchronously (on worker threads): the same binary-counter tree —
 * two states of the same level merge into one of the next level, and `finish` folds the levels from the highest
 * (earliest batches) down — so the association of merges, hence every float sum, is the same as on one thread; but
 * each merge is a promise, and independent merges run at the same time.
 */
export class AsyncBalancedMerger<T> {
  private readonly levels: Array<Promise<T> | undefined> = [];

  /** @param mergePair - merges two states, earlier one first */
  constructor(private readonly mergePair: (earlier: T, later: T) => Promise<T>) {}

  /**
   * Adds the state of the next batch.
   * @param state - the state, or a promise of it
   */
  push(state: T | Promise<T>): void {
    let carry: Promise<T> = Promise.resolve(state);
    let level = 0;
    for (;;) {
      const held = this.levels[level];
      if (held === undefined) {
        this.levels[level] = carry;
        return;
      }
      this.levels[level] = undefined;
      carry = this.merge(held, carry);
      level++;
    }
  }

  /**
   * Merges everything pushed so far.
   * @returns the merged state, or undefined when nothing was pushed
   */
  async finish(): Promise<T | undefined> {
    let result: Promise<T> | undefined;
    for (let level = this.levels.length - 1; level >= 0; level--) {
      const held = this.levels[level];
      if (held === undefined) continue;
      result = result === undefined ? held : this.merge(result, held);
    }
    return result;
  }

  private merge(earlier: Promise<T>, later: Promise<T>): Promise<T> {
    const merged = Promise.all([earlier, later]).then(([a, b]) => this.mergePair(a, b));
    // A failure surfaces through `finish` (or the caller's own checks); a merge nobody awaits yet is not unhandled.
    merged.catch(() => undefined);
    return merged;
  }
}
