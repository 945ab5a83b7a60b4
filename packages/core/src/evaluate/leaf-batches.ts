import type { RecordBatch } from 'apache-arrow';
import { ValidationError } from '../errors.js';
import { EXACT_DEFERRAL } from '../states/binary/binary-exact-state.js';

/** Rows from which gathered batches form a leaf of weighted exact binary curves (see {@link LeafBatches}). */
export const LEAF_ROWS = 2 ** 21;
/** Bytes of batch data from which gathered batches form a leaf, whatever their rows (wide batches). */
export const LEAF_BYTES = 32 * 2 ** 20;

/**
 * The leaf size of a stream: `leafRows` when given; else, for exact binary curves, {@link LEAF_ROWS} when weighted,
 * whose leaves are sorted and merged as sorted runs costing as much as the runs they hold (measured, 1e8 rows in
 * 2^20-row batches, runs in alternating order: 18.1-21.6 s -> 16.1-16.6 s), and `EXACT_DEFERRAL.fromRows` (2^16)
 * unweighted, whose leaves of that size wait unsorted in the state and are sorted once (`BinaryExactState`): there a
 * bigger leaf only adds the copy that joins its batches' columns (measured, 1e7 rows in 2^20-row batches: see
 * CHANGELOG.md), while smaller batches are still gathered to that size. Every other state: 2^16 as well — a leaf costs
 * its state, its preparation and a merge whatever its rows (a binned histogram its bins), so small batches are gathered
 * (measured, 1e6 rows in 1000-row batches: see CHANGELOG.md) while big ones stay leaves of their own (gathering
 * 2^20-row batches only added the copy that joins them: binned 1e8 +12%).
 * @param task - the task
 * @param curveMode - the binary curve mode
 * @param leafRows - the caller's choice, if any
 * @param weighted - whether the stream has a weight column
 * @returns the rows that close a leaf
 */
export function leafRowsFor(task: string, curveMode: 'exact' | 'binned', leafRows?: number, weighted = false): number {
  if (leafRows !== undefined) return leafRows;
  return task === 'binary' && weighted && curveMode === 'exact' ? LEAF_ROWS : Math.min(EXACT_DEFERRAL.fromRows, LEAF_ROWS);
}

/**
 * Gathers consecutive record batches into leaves: the unit a stream evaluates into one mergeable state. A leaf is
 * whole batches, closed once it holds `leafRows` rows (default {@link LEAF_ROWS}; a stream's from `leafRowsFor`) or
 * {@link LEAF_BYTES} bytes (a bigger batch is a leaf alone); the last leaf holds what is left. Fewer, larger states
 * mean one sort of more rows instead of merges of sorted runs: a weighted exact binary stream of 2^20-row batches then
 * merges 2^21-row leaves, one merge level less.
 * The leaves depend only on the batches, so every thread count evaluates the same leaves (same sums, to the bit).
 * @example
 * ```ts
 * const leaves = new LeafBatches();
 * for (const batch of batches) { const leaf = leaves.add(batch); if (leaf) evaluate(leaf); }
 * const last = leaves.flush(); if (last) evaluate(last);
 * ```
 */
export class LeafBatches {
  private held: RecordBatch[] = [];
  private rows = 0;
  private bytes = 0;

  /**
   * @param leafRows - rows that close a leaf
   * @param leafBytes - bytes that close a leaf
   */
  constructor(private readonly leafRows = LEAF_ROWS, private readonly leafBytes = LEAF_BYTES) {
    if (!(Number.isInteger(leafRows) && leafRows >= 1)) {
      throw new ValidationError('invalid_argument', `leafRows must be a positive integer, got ${String(leafRows)}.`);
    }
  }

  /** Rows gathered and not yet handed out. */
  get pendingRows(): number {
    return this.rows;
  }

  /**
   * Adds the next batch (empty ones are skipped).
   * @param batch - the batch
   * @returns the leaf this batch closes, else undefined
   */
  add(batch: RecordBatch): RecordBatch[] | undefined {
    if (batch.numRows === 0) return undefined;
    this.held.push(batch);
    this.rows += batch.numRows;
    this.bytes += batch.data.byteLength;
    return this.rows >= this.leafRows || this.bytes >= this.leafBytes ? this.flush() : undefined;
  }

  /** @returns the batches gathered so far as a leaf (undefined when none), and starts a new one */
  flush(): RecordBatch[] | undefined {
    if (this.held.length === 0) return undefined;
    const leaf = this.held;
    this.held = [];
    this.rows = 0;
    this.bytes = 0;
    return leaf;
  }
}
