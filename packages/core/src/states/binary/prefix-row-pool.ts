/** Memory other threads can read (where the runtime has it): waiting rows are sorted there on several threads. */
function sharedBuffer(bytes: number): ArrayBuffer | SharedArrayBuffer {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** The score and class-flag arrays of a batch of waiting rows. */
export interface RowArrays {
  readonly keys: Float64Array;
  readonly flags: Uint8Array;
}

/**
 * The buffers of waiting rows that a sort has consumed (`PrefixBuckets.drain`), for the next rows to wait in: one per
 * evaluation (a stream's states share it, `BinaryStateInit.rowBuffers`), dropped with it.
 *
 * @remarks A stream of more than 2^25 rows sorts its waiting rows into runs as it goes; the buffers they waited in
 * (9 bytes a row, shared memory) were garbage until V8's next full collection, which on the benchmark's 1e8-row stream
 * came seconds later: the rows arriving meanwhile took fresh memory, and the peak varied from 1.57 to 1.87 GB in four
 * runs (one thread). Reused here: 1.44-1.49 GB in three.
 */
export class PrefixRowPool {
  private readonly free: RowArrays[] = [];

  /** Bytes of the buffers waiting to be reused. */
  get bytes(): number {
    let total = 0;
    for (const f of this.free) total += f.keys.byteLength + f.flags.byteLength;
    return total;
  }

  /**
   * Arrays for `rows` waiting rows: views of a freed batch's buffers when one fits (at most twice the rows, so a big
   * buffer is not spent on a small batch), else new shared memory.
   * @param rows - rows to hold
   * @returns keys and flags of exactly `rows` elements
   */
  take(rows: number): RowArrays {
    const at = this.free.findIndex((f) => f.keys.length >= rows && f.keys.length <= 2 * rows);
    if (at < 0) return fresh(rows);
    const { keys, flags } = this.free.splice(at, 1)[0];
    return { keys: keys.subarray(0, rows), flags: flags.subarray(0, rows) };
  }

  /**
   * Takes back the arrays of a batch no store holds any more (their whole buffers).
   * @param arrays - the batch's keys and flags (views: their buffers are kept)
   */
  give(arrays: RowArrays): void {
    const keys = new Float64Array(arrays.keys.buffer, 0, arrays.keys.buffer.byteLength >> 3);
    const flags = new Uint8Array(arrays.flags.buffer);
    this.free.push({ keys, flags });
  }
}

/**
 * New arrays for waiting rows, in shared memory where the runtime has it.
 * @param rows - rows to hold
 * @returns keys and flags of `rows` elements
 */
export function fresh(rows: number): RowArrays {
  return { keys: new Float64Array(sharedBuffer(8 * rows)), flags: new Uint8Array(sharedBuffer(rows)) };
}
