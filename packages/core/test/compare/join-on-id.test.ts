import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { joinOnId } from '../../src/compare/join-on-id.js';
import { SchemaError, ValidationError } from '../../src/errors.js';

const left = new Table({
  id: vectorFromArray([10, 11, 12, 13], new Int32()),
  y: vectorFromArray([1, 0, 1, 0], new Int32()),
  p: vectorFromArray([0.9, 0.2, 0.6, 0.4], new Float64()),
});
const right = new Table({
  id: vectorFromArray([13, 12, 10, 11], new Int32()),
  p: vectorFromArray([0.3, 0.7, 0.8, 0.1], new Float64()),
  cls: vectorFromArray(['d', 'c', 'a', 'b'], new Utf8()),
});
const names = { left: 'cand.arrow', right: 'base.arrow' };

describe('joinOnId', () => {
  it('brings the right columns over in the left order, under new names', () => {
    const joined = joinOnId(left, right, 'id', [{ from: 'p', as: 'baseline' }, { from: 'cls', as: 'cls' }], names);
    expect(joined.schema.fields.map((f) => f.name)).toEqual(['id', 'y', 'p', 'baseline', 'cls']);
    expect(Array.from(joined.getChild('baseline')!.toArray() as Float64Array)).toEqual([0.8, 0.1, 0.7, 0.3]);
    expect(joined.getChild('cls')!.toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(joined.getChild('p')!.toArray() as Float64Array)).toEqual([0.9, 0.2, 0.6, 0.4]);
  });

  it('joins string ids and a left table of several batches', () => {
    const l = new Table({ id: vectorFromArray(['x', 'y'], new Utf8()), v: vectorFromArray([1, 2], new Float64()) });
    const two = l.concat(new Table({ id: vectorFromArray(['z'], new Utf8()), v: vectorFromArray([3], new Float64()) }));
    const r = new Table({ id: vectorFromArray(['z', 'x', 'y'], new Utf8()), s: vectorFromArray([30, 10, 20], new Float64()) });
    const joined = joinOnId(two, r, 'id', [{ from: 's', as: 's' }]);
    expect(joined.numRows).toBe(3);
    expect(Array.from(joined.getChild('s')!.toArray() as Float64Array)).toEqual([10, 20, 30]);
    expect(Array.from(joined.getChild('v')!.toArray() as Float64Array)).toEqual([1, 2, 3]);
  });

  it('joins on id columns named differently in each table', () => {
    const rows = new Table({ row: vectorFromArray([11, 10, 13, 12], new Int32()), s: vectorFromArray([1, 0, 3, 2], new Float64()) });
    const joined = joinOnId(left, rows, { left: 'id', right: 'row' }, [{ from: 's', as: 's' }], names);
    expect(Array.from(joined.getChild('s')!.toArray() as Float64Array)).toEqual([0, 1, 2, 3]);
    expect(() => joinOnId(left, rows, 'id', [{ from: 's', as: 's' }], names)).toThrow(/`id` not found/);
  });

  it('names ids missing from either side', () => {
    const short = new Table({ id: vectorFromArray([13, 12, 10], new Int32()), p: vectorFromArray([0.3, 0.7, 0.8], new Float64()) });
    expect(() => joinOnId(left, short, 'id', [{ from: 'p', as: 'b' }], names))
      .toThrow('1 id(s) of cand.arrow are missing from base.arrow (`id` 11); both files must hold the same rows.');
    expect(() => joinOnId(short, left, 'id', [{ from: 'p', as: 'b' }], { left: 'base.arrow', right: 'cand.arrow' }))
      .toThrow('1 id(s) of cand.arrow are missing from base.arrow (`id` 11)');
  });

  it('names a duplicated id with both rows, and a null id', () => {
    const dup = new Table({ id: vectorFromArray([13, 12, 13, 10, 11], new Int32()), p: vectorFromArray([1, 2, 3, 4, 5], new Float64()) });
    expect(() => joinOnId(left, dup, 'id', [{ from: 'p', as: 'b' }], names)).toThrow('Id 13 occurs twice in column `id` of base.arrow (rows 0 and 2)');
    const nulls = new Table({ id: vectorFromArray([13, null, 10, 11], new Int32()), p: vectorFromArray([1, 2, 3, 4], new Float64()) });
    expect(() => joinOnId(left, nulls, 'id', [{ from: 'p', as: 'b' }], names)).toThrow(/holds a null at row 1/);
  });

  it('refuses a missing column and a name clash', () => {
    expect(() => joinOnId(left, right, 'key', [{ from: 'p', as: 'b' }], names)).toThrow(SchemaError);
    expect(() => joinOnId(left, right, 'id', [{ from: 'q', as: 'b' }], names)).toThrow(/`q` not found/);
    expect(() => joinOnId(left, right, 'id', [{ from: 'p', as: 'p' }], names)).toThrow(ValidationError);
  });
});
