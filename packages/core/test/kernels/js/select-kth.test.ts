import { describe, expect, it } from 'vitest';
import { selectKth } from '../../../src/kernels/js/select-kth.js';
import { linearQuantileBySelection } from '../../../src/metrics/regression/linear-quantile-by-selection.js';
import { linearQuantileOfSorted } from '../../../src/metrics/regression/linear-quantile-of-sorted.js';
import { seededRandom } from '../../states/binary/binary-state-helpers.js';

function values(n: number, seed: number, distinct: number): Float64Array {
  const r = seededRandom(seed);
  // Few distinct values: long runs of ties; many: nearly all distinct; negative and -0/+0 included.
  return Float64Array.from({ length: n }, () => (distinct > 0 ? Math.floor(r() * distinct) - distinct / 2 : (r() - 0.5) * 1e6));
}

describe('selectKth', () => {
  it.each([
    [1, 0], [2, 0], [7, 5], [600, 0], [601, 300], [5_000, 3], [20_000, 0], [20_000, 50],
  ])('places the k-th smallest of %i values (%i distinct; 0 = all) exactly where a sort does, partitioned around it', (n, distinct) => {
    const v = values(n, n + distinct, distinct);
    const sorted = Float64Array.from(v).sort();
    for (const k of [0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 2, n - 1].filter((x) => x >= 0 && x < n)) {
      const work = Float64Array.from(v);
      expect(selectKth(work, k)).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(work[i]).toBeLessThanOrEqual(work[k]);
      for (let i = k + 1; i < n; i++) expect(work[i]).toBeGreaterThanOrEqual(work[k]);
      // A permutation: nothing lost or duplicated.
      expect(Float64Array.from(work).sort()).toEqual(sorted);
    }
  });

  it('works on a sub-range, leaving the rest untouched', () => {
    const v = values(3_000, 9, 0);
    const work = Float64Array.from(v);
    const inner = Float64Array.from(v.subarray(1_000, 2_001)).sort();
    expect(selectKth(work, 1_500, 1_000, 2_000)).toBe(inner[500]);
    expect(work.subarray(0, 1_000)).toEqual(v.subarray(0, 1_000));
    expect(work.subarray(2_001)).toEqual(v.subarray(2_001));
  });
});

describe('linearQuantileBySelection', () => {
  it('equals numpy-linear quantiles of the sorted values to the last bit', () => {
    for (const [n, distinct] of [[1, 0], [2, 0], [10, 3], [999, 0], [4_321, 17]] as const) {
      const v = values(n, 100 + n, distinct);
      const sorted = Float64Array.from(v).sort();
      for (const q of [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) {
        expect(linearQuantileBySelection(Float64Array.from(v), q)).toBe(linearQuantileOfSorted(sorted, q));
      }
    }
    expect(linearQuantileBySelection(new Float64Array(0), 0.5)).toBeNaN();
  });
});
