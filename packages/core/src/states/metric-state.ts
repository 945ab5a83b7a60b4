import type { TaskResult } from '../evaluate/prepared-task.js';

/** Version of the serialised form of every state; bump when a state's JSON changes shape. */
export const STATE_VERSION = 1;

/** The serialised form of a metric state: plain JSON, binary buffers as base64 (see `encodeTypedArray`). */
export interface StateJson {
  /** Which state this is, e.g. `binary/exact`, `regression`. */
  readonly kind: string;
  readonly version: number;
  readonly [field: string]: unknown;
}

/**
 * A mergeable metric state: the unit of streaming (update per batch), of worker-thread parallelism and of
 * distribution (merge states built anywhere). States hold running totals and sorted runs, never means.
 *
 * Laws (tested for every family): chunked updates == one update; merge of states built from any split == the whole;
 * merge is associative and order-free; `fromJSON(toJSON(s))` computes exactly what `s` computes.
 */
export interface MetricState<Batch> {
  readonly kind: string;
  /** Adds a batch of validated rows. Returns this. */
  update(batch: Batch): this;
  /** Adds another state of the same kind and options into this one. Returns this. */
  merge(other: this): this;
  /** The metrics of everything added so far. */
  compute(): TaskResult;
  /**
   * Optional: `compute` for a state that nothing computes, updates or merges again (a stream's last state): the same
   * result, computed in whatever way spares memory (an exact binary state reports its waiting rows from their sorted
   * buckets without storing the curve; its `compute` stores it, so that later reports of a growing state merge instead
   * of sorting everything again).
   */
  computeFinal?(): TaskResult;
  /** A compact, versioned, lossless serialisation. */
  toJSON(): StateJson;
  /**
   * Optional: hands the state's big buffers back for reuse by new states of its kind; the state must not be used
   * again. For owners that drop a state right after merging it into another (`BalancedMerger`).
   */
  recycle?(): void;
}
