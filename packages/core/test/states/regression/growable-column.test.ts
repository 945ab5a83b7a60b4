import { describe, expect, it } from 'vitest';
import { GrowableColumn } from '../../../src/states/regression/growable-column.js';

describe('GrowableColumn', () => {
  it('keeps values in order across appends, pushes and columns appended without copying', () => {
    const a = new GrowableColumn(Float64Array, [1, 2]);
    a.push(3);
    const b = new GrowableColumn(Float64Array);
    b.append(Float32Array.of(4.5, 5));
    const c = new GrowableColumn(Float64Array);
    for (let i = 0; i < 40; i++) c.push(100 + i); // past the first capacity: the tail grows
    a.appendColumn(b);
    a.appendColumn(new GrowableColumn(Float64Array)); // nothing to add
    a.append([6]);
    a.appendColumn(c);
    a.push(7);
    const want = [1, 2, 3, 4.5, 5, 6, ...Array.from({ length: 40 }, (_, i) => 100 + i), 7];
    expect(a.length).toBe(want.length);
    expect(Array.from(a.view())).toEqual(want);
    // Joined once: the view is one array now, and stays right after more appends.
    a.append([8, 9]);
    expect(Array.from(a.view())).toEqual([...want, 8, 9]);
  });

  it('shares the other column\'s values: later appends to either column leave the other one as it was', () => {
    const b = new GrowableColumn(Int32Array, [1, 2, 3]);
    const a = new GrowableColumn(Int32Array, [0]);
    a.appendColumn(b);
    b.append([4, 5]); // into b's tail, past the values a shares
    b.push(6);
    a.append([9]);
    expect(Array.from(a.view())).toEqual([0, 1, 2, 3, 9]);
    expect(Array.from(b.view())).toEqual([1, 2, 3, 4, 5, 6]);
    // A column appended to itself doubles its values.
    b.appendColumn(b);
    expect(Array.from(b.view())).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(a.view())).toEqual([0, 1, 2, 3, 9]);
  });

  it('a balanced tree of merges gives the values in input order', () => {
    const leaves = Array.from({ length: 13 }, (_, k) => new GrowableColumn(Float64Array, Array.from({ length: 5 + k }, (_, i) => k * 100 + i)));
    const want = leaves.flatMap((l) => Array.from(l.view()));
    // ((0 1) (2 3)) ((4 5) (6 7)) ... then the rest left to right.
    const merge = (x: GrowableColumn<Float64Array>, y: GrowableColumn<Float64Array>): GrowableColumn<Float64Array> => { x.appendColumn(y); return x; };
    const eight = merge(merge(merge(leaves[0], leaves[1]), merge(leaves[2], leaves[3])), merge(merge(leaves[4], leaves[5]), merge(leaves[6], leaves[7])));
    const all = merge(merge(merge(eight, merge(leaves[8], leaves[9])), merge(leaves[10], leaves[11])), leaves[12]);
    expect(Array.from(all.view())).toEqual(want);
  });
});
