import { describe, expect, it } from 'vitest';
import { BalancedMerger } from '../../../src/evaluate/merge-balanced.js';
import { AsyncBalancedMerger } from '../../../src/evaluate/parallel/async-balanced-merger.js';
import type { MetricState } from '../../../src/states/metric-state.js';

/** A "state" that records the shape of the merge tree, so association can be compared exactly. */
class TreeState implements MetricState<never> {
  readonly kind = 'tree';
  constructor(public shape: string) {}
  update(): this { return this; }
  merge(other: this): this { this.shape = `(${this.shape} ${other.shape})`; return this; }
  compute(): never { throw new Error('not used'); }
  toJSON(): never { throw new Error('not used'); }
}

describe('AsyncBalancedMerger', () => {
  it.each([1, 2, 3, 5, 8, 13, 31])('builds the same merge tree as BalancedMerger for %i states, whatever order merges finish in', async (n) => {
    const sync = new BalancedMerger<TreeState>();
    for (let i = 0; i < n; i++) sync.push(new TreeState(String(i)));
    let calls = 0;
    const merger = new AsyncBalancedMerger<string>(async (a, b) => {
      // Later merges finish first: completion order must not change the tree.
      await new Promise((resolve) => setTimeout(resolve, (7 - (calls++ % 7)) * 2));
      return `(${a} ${b})`;
    });
    for (let i = 0; i < n; i++) merger.push(i % 2 === 0 ? String(i) : Promise.resolve(String(i)));
    expect(await merger.finish()).toBe(sync.finish()!.shape);
  });

  it('is empty without pushes and passes a failed merge to finish', async () => {
    expect(await new AsyncBalancedMerger<string>(async (a, b) => a + b).finish()).toBeUndefined();
    const failing = new AsyncBalancedMerger<string>(async () => { throw new Error('merge failed'); });
    failing.push('a');
    failing.push('b');
    await expect(failing.finish()).rejects.toThrow('merge failed');
  });
});
