/** Memory other threads can read (where the runtime has it): waiting rows are sorted there on several threads. */
function sharedBuffer(bytes: number): ArrayBuffer | SharedArrayBuffer {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * The buffers of waiting rows that a sort has consumed (`PrefixBuckets.drain`), for the next rows to wait in: one per
 * evaluation (a stream's states share it, `BinaryStateInit.rowBuffers`), dropped with it.
 *
 * @remarks A stream of more than 2^25 rows sorts its waiting rows into runs as it goes; the buffers they waited in
 * (8 bytes a row, shared memory) were garbage until V8's next full collection, which on the benchmark's 1e8-row stream
 * came seconds later: the rows arriving meanwhile took fresh memory, and the peak varied from 1.57 to 1.87 GB in four
 * runs (one thread). Reused here: 1.44-1.49 GB in three.
 */
export class PrefixRowPool {
  private readonly free: Float64Array[] = [];

  /** Bytes of the buffers waiting to be reused. */
  get bytes(): number {
    let total = 0;
    for (const keys of this.free) total += keys.byteLength;
    return total;
  }

  /**
   * Scores for `rows` waiting rows: a view of a freed batch's buffer when one fits (at most twice the rows, so a big
   * buffer is not spent on a small batch), else new shared memory.
   * @param rows - rows to hold
   * @returns an array of exactly `rows` elements
   */
  take(rows: number): Float64Array {
    const at = this.free.findIndex((keys) => keys.length >= rows && keys.length <= 2 * rows);
    return at < 0 ? fresh(rows) : this.free.splice(at, 1)[0].subarray(0, rows);
  }

  /**
   * Takes back the scores of a batch no store holds any more (its whole buffer).
   * @param batch - the batch (its `keys` may be a view: the buffer is kept)
   */
  give(batch: { readonly keys: Float64Array }): void {
    this.free.push(new Float64Array(batch.keys.buffer, 0, batch.keys.buffer.byteLength >> 3));
  }
}

/**
 * A new array for waiting rows' scores, in shared memory where the runtime has it.
 * @param rows - rows to hold
 * @returns an array of `rows` elements
 */
export function fresh(rows: number): Float64Array {
  return new Float64Array(sharedBuffer(8 * rows));
}
