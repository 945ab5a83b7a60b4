import { Bool, Dictionary, Float32, Float64, Int32, Int64, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnValues } from '../../src/checks/column-values.js';
import { NO_ROW, RowHashTable } from '../../src/checks/row-hash-table.js';
import { mixColumnHashes } from '../../src/checks/row-hasher.js';
import { SplitState } from '../../src/checks/split-state.js';

function hashes(column: Parameters<typeof columnValues>[0] | null, n: number): string[] {
  const h1 = new Uint32Array(n);
  const h2 = new Uint32Array(n);
  mixColumnHashes(h1, h2, column === null ? null : columnValues(column, 'c'));
  return Array.from(h1, (v, i) => `${v}:${h2[i]}`);
}

describe('row hashing', () => {
  it('hashes values, not Arrow types: int32, int64, float32 and float64 of the same numbers agree', () => {
    const f64 = hashes(vectorFromArray([1, 2, -0, 3.5], new Float64()), 4);
    expect(hashes(vectorFromArray([1, 2, 0, 3.5], new Float32()), 4)).toEqual(f64);
    expect(hashes(vectorFromArray([1, 2, 0, 3], new Int32()), 4).slice(0, 3)).toEqual(f64.slice(0, 3));
    expect(hashes(vectorFromArray([1n, 2n, 0n], new Int64()), 3)).toEqual(f64.slice(0, 3));
    expect(new Set(f64).size).toBe(4);
  });
  it('utf8 and dictionary strings agree; a string never hashes like its number; booleans hash as 0/1', () => {
    const utf8 = hashes(vectorFromArray(['a', 'b', 'a', '1'], new Utf8()), 4);
    expect(hashes(vectorFromArray(['a', 'b', 'a', '1'], new Dictionary(new Utf8(), new Int32())), 4)).toEqual(utf8);
    expect(utf8[0]).toBe(utf8[2]);
    expect(utf8[3]).not.toBe(hashes(vectorFromArray([1], new Float64()), 1)[0]);
    expect(hashes(vectorFromArray([true, false], new Bool()), 2)).toEqual(hashes(vectorFromArray([1, 0], new Int32()), 2));
  });
  it('null, NaN and an absent column hash alike, and unlike any value', () => {
    const nulls = hashes(vectorFromArray([null, NaN, 0], new Float64()), 3);
    expect(nulls[0]).toBe(nulls[1]);
    expect(nulls[0]).not.toBe(nulls[2]);
    expect(hashes(null, 2)).toEqual([nulls[0], nulls[0]]);
    expect(hashes(vectorFromArray([null, 'x'], new Utf8()), 2)[0]).toBe(nulls[0]);
  });
  it('column order matters: (a, b) differs from (b, a)', () => {
    const a = columnValues(makeVector(Float64Array.of(1)), 'a');
    const b = columnValues(makeVector(Float64Array.of(2)), 'b');
    const ab = [new Uint32Array(1), new Uint32Array(1)] as const;
    const ba = [new Uint32Array(1), new Uint32Array(1)] as const;
    mixColumnHashes(ab[0], ab[1], a);
    mixColumnHashes(ab[0], ab[1], b);
    mixColumnHashes(ba[0], ba[1], b);
    mixColumnHashes(ba[0], ba[1], a);
    expect([ab[0][0], ab[1][0]]).not.toEqual([ba[0][0], ba[1][0]]);
  });
});

describe('RowHashTable', () => {
  it('counts keys through growth, keeps the first two rows and flags label conflicts', () => {
    const t = new RowHashTable(4);
    for (let i = 0; i < 5000; i++) t.add(i % 1000, (i % 1000) * 7, i, i < 1000 || i % 1000 !== 3 ? 1 : 2);
    expect(t.size).toBe(1000);
    expect(t.capacity).toBeGreaterThanOrEqual(2000);
    const s = t.find(3, 21);
    expect([t.count[s], t.first[s], t.second[s], t.conflict[s]]).toEqual([5, 3, 1003, 1]);
    const u = t.find(4, 28);
    expect([t.count[u], t.conflict[u]]).toEqual([5, 0]);
    expect(t.find(5000, 1)).toBe(-1);
  });
  it('merge shifts the other rows and equals one table over all rows', () => {
    const whole = new RowHashTable();
    const a = new RowHashTable();
    const b = new RowHashTable();
    const keys = [5, 9, 5, 2, 9, 9, 7];
    keys.forEach((k, i) => whole.add(k, 1, i, k));
    keys.slice(0, 3).forEach((k, i) => a.add(k, 1, i, k));
    keys.slice(3).forEach((k, i) => b.add(k, 1, i, k));
    a.merge(b, 3);
    for (const k of [5, 9, 2, 7]) {
      const [s, t] = [whole.find(k, 1), a.find(k, 1)];
      expect([a.count[t], a.first[t], a.second[t]]).toEqual([whole.count[s], whole.first[s], whole.second[s]]);
    }
    expect(a.second[a.find(7, 1)]).toBe(NO_ROW);
  });
});

describe('SplitState', () => {
  it('profiles only the used columns but notes every column\'s type', () => {
    const s = new SplitState('train', { features: ['a'], otherColumns: ['t'] });
    s.update(new Table({ a: makeVector(Float64Array.of(1, 2)), b: vectorFromArray(['x', 'y'], new Utf8()), t: makeVector(Int32Array.of(5, 6)) }));
    expect([...s.profiles.keys()]).toEqual(['a', 't']);
    expect([...s.columnTypes]).toEqual([['a', 'float64'], ['b', 'utf8'], ['t', 'int32']]);
  });
  it('refuses a batch that brings a new column after rows were added', () => {
    const s = new SplitState('train', { features: ['a'] });
    s.update(new Table({ a: makeVector(Float64Array.of(1)) }));
    expect(() => s.update(new Table({ a: makeVector(Float64Array.of(1)), b: makeVector(Float64Array.of(2)) }))).toThrow(/Column `b` of the train split appears only from row 1/);
  });
});
