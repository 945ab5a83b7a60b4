import { Float64, Table, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { LEAF_ROWS, LeafBatches, leafRowsFor } from '../../src/evaluate/leaf-batches.js';
import { EXACT_DEFERRAL } from '../../src/states/binary/binary-exact-state.js';

/** One record batch of `rows` float64 values in each of `columns` columns. */
function batch(rows: number, columns = 1): RecordBatch {
  const data: Record<string, ReturnType<typeof vectorFromArray>> = {};
  for (let c = 0; c < columns; c++) data[`c${c}`] = vectorFromArray(Array.from({ length: rows }, (_, i) => i), new Float64());
  return new Table(data).batches[0];
}

describe('LeafBatches', () => {
  it('closes a leaf once it holds leafRows rows, never splits a batch, and flushes the rest', () => {
    const leaves = new LeafBatches(1_000);
    expect(leaves.add(batch(400))).toBeUndefined();
    expect(leaves.add(batch(0))).toBeUndefined(); // empty batches are skipped
    expect(leaves.pendingRows).toBe(400);
    const first = leaves.add(batch(700))!;
    expect(first.map((b) => b.numRows)).toEqual([400, 700]);
    expect(leaves.pendingRows).toBe(0);
    expect(leaves.add(batch(5_000))!.map((b) => b.numRows)).toEqual([5_000]); // a big batch is a leaf alone
    expect(leaves.add(batch(10))).toBeUndefined();
    expect(leaves.flush()!.map((b) => b.numRows)).toEqual([10]);
    expect(leaves.flush()).toBeUndefined();
  });

  it('closes a leaf at leafBytes of batch data whatever its rows (wide batches)', () => {
    const leaves = new LeafBatches(1_000_000, 64 * 1024);
    // 20 float64 columns of 300 rows: 48 000 bytes a batch.
    expect(leaves.add(batch(300, 20))).toBeUndefined();
    expect(leaves.add(batch(300, 20))!.length).toBe(2);
  });

  it('refuses a leaf size that is not a positive integer', () => {
    expect(() => new LeafBatches(0)).toThrow(/leafRows must be a positive integer, got 0/);
    expect(() => new LeafBatches(1.5)).toThrow(/leafRows/);
  });

  it('gathers batches into leaves of 2^16 rows (2^21 for weighted exact binary curves), unless told', () => {
    expect(leafRowsFor('binary', 'exact', undefined, true)).toBe(LEAF_ROWS);
    // Unweighted exact curves hold leaves of 2^16 rows unsorted: bigger leaves would only copy their batches together.
    expect(leafRowsFor('binary', 'exact')).toBe(EXACT_DEFERRAL.fromRows);
    expect(leafRowsFor('binary', 'exact', 3)).toBe(3);
    // Binned leaves each cost a histogram: small batches are gathered to 2^16 rows, weighted or not.
    expect(leafRowsFor('binary', 'binned')).toBe(EXACT_DEFERRAL.fromRows);
    expect(leafRowsFor('binary', 'binned', undefined, true)).toBe(EXACT_DEFERRAL.fromRows);
    expect(leafRowsFor('binary', 'binned', 1)).toBe(1);
    for (const task of ['multiclass', 'multilabel', 'regression', 'ranking']) {
      expect(leafRowsFor(task, 'exact')).toBe(EXACT_DEFERRAL.fromRows);
      expect(leafRowsFor(task, 'exact', undefined, true)).toBe(EXACT_DEFERRAL.fromRows);
    }
    expect(leafRowsFor('regression', 'exact', 5_000)).toBe(5_000);
    expect(leafRowsFor('binary', 'exact', 1)).toBe(1);
  });
});
