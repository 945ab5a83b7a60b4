import {
  Field, Float, Int, makeData, RecordBatch, Schema, Struct, Table, Type, Utf8, type Data, type DataType,
} from 'apache-arrow';

/** The column types a batch hands to a worker as plain buffers (anything else goes as Arrow IPC). */
type PackedType =
  | { readonly id: 'int'; readonly bitWidth: 8 | 16 | 32 | 64; readonly signed: boolean }
  | { readonly id: 'float'; readonly precision: number }
  | { readonly id: 'utf8' };

/** One column of a {@link PackedColumns}: its type and buffers, views of the packed buffer. */
interface PackedColumn {
  readonly name: string;
  readonly type: PackedType;
  readonly values: ArrayBufferView;
  /** Utf8: the `rows + 1` offsets into `values`. */
  readonly valueOffsets?: Int32Array;
}

/**
 * A stream leaf's used columns (one or more record batches) copied into one fresh buffer, to transfer to a worker thread whole: one `memcpy` a
 * column instead of re-encoding the batch as Arrow IPC (`tableToIPC` copies every buffer into a list of chunks, then
 * joins them into a second copy; measured on 1e7 rows of (f64 score, i8 label): ~100 ms of the main thread's time).
 */
export interface PackedColumns {
  readonly rows: number;
  readonly columns: readonly PackedColumn[];
  /** The buffer behind every column's arrays: the one to transfer (or, shared memory, to reuse once the job is done). */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

function packedType(type: DataType): PackedType | undefined {
  switch (type.typeId) {
    case Type.Int: {
      const int = type as Int;
      return { id: 'int', bitWidth: int.bitWidth, signed: int.isSigned };
    }
    case Type.Float:
      return { id: 'float', precision: (type as Float).precision };
    case Type.Utf8:
      return { id: 'utf8' };
    default:
      return undefined;
  }
}

function arrowType(type: PackedType): DataType {
  switch (type.id) {
    case 'int': return new Int(type.signed, type.bitWidth);
    case 'float': return new Float(type.precision);
    case 'utf8': return new Utf8();
  }
}

/** A column chunk's bytes to copy, or undefined when it is not a plain null-free chunk. */
interface ChunkBytes {
  readonly type: PackedType;
  readonly values: Uint8Array;
  /** Utf8: the chunk's `rows + 1` offsets into its values (not rebased). */
  readonly offsets?: Int32Array;
}

function chunkBytes(data: Data): ChunkBytes | undefined {
  const type = packedType(data.type);
  if (type === undefined || data.nullCount !== 0 || data.children.length > 0 || data.dictionary !== undefined) return undefined;
  if (type.id === 'utf8') {
    const offsets = data.valueOffsets as Int32Array | undefined;
    if (offsets === undefined || offsets.length < data.length + 1) return undefined;
    const start = offsets[0];
    const end = offsets[data.length];
    const values = data.values as Uint8Array;
    if (!(start >= 0 && start <= end && end <= values.length)) return undefined;
    return { type, values: values.subarray(start, end), offsets: offsets.subarray(0, data.length + 1) };
  }
  // Fixed width: apache-arrow slices the values of a sliced batch, so they start at its first row.
  const values = data.values as ArrayBufferView & { length: number; BYTES_PER_ELEMENT: number };
  const bytes = data.length * values.BYTES_PER_ELEMENT;
  if (values.byteLength < bytes) return undefined;
  return { type, values: new Uint8Array(values.buffer, values.byteOffset, bytes) };
}

/** The chunks of one column across the batches, when all are plain and of one type. */
function columnChunks(batches: readonly RecordBatch[], name: string): ChunkBytes[] | undefined {
  const chunks: ChunkBytes[] = [];
  for (const batch of batches) {
    const vector = batch.getChild(name);
    if (vector === null) return undefined;
    for (const data of vector.data) {
      const chunk = chunkBytes(data);
      if (chunk === undefined || (chunks.length > 0 && JSON.stringify(chunk.type) !== JSON.stringify(chunks[0].type))) return undefined;
      chunks.push(chunk);
    }
  }
  return chunks.length > 0 ? chunks : undefined;
}

const align = (n: number): number => (n + 7) & ~7;

/**
 * Copies the named columns of consecutive batches (a stream's leaf) into one buffer, when each is a null-free
 * Int, Float or Utf8 column (the common case: scores, integer or string labels, weights).
 * @param batches - the record batches, of one schema
 * @param names - the columns to copy (each present in the batches)
 * @param allocate - gives the buffer of at least `bytes` (default: a new `ArrayBuffer`; a {@link SharedBufferPool}
 *   reuses shared memory)
 * @returns the packed columns, or undefined when a column has nulls or another type (send it as Arrow IPC instead)
 */
export function packColumns(
  batches: readonly RecordBatch[],
  names: readonly string[],
  allocate: (bytes: number) => ArrayBuffer | SharedArrayBuffer = (bytes) => new ArrayBuffer(bytes),
): PackedColumns | undefined {
  const parts: Array<{ name: string; chunks: ChunkBytes[]; bytes: number }> = [];
  let rows = 0;
  for (const batch of batches) rows += batch.numRows;
  let size = 0;
  for (const name of names) {
    const chunks = columnChunks(batches, name);
    if (chunks === undefined) return undefined;
    let bytes = 0;
    for (const chunk of chunks) bytes += chunk.values.byteLength;
    parts.push({ name, chunks, bytes });
    size += align(bytes) + (chunks[0].type.id === 'utf8' ? align(4 * (rows + 1)) : 0);
  }
  const buffer = allocate(size);
  const out = new Uint8Array(buffer, 0, size);
  let at = 0;
  const columns: PackedColumn[] = parts.map(({ name, chunks, bytes }) => {
    const type = chunks[0].type;
    let w = at;
    for (const chunk of chunks) {
      out.set(chunk.values, w);
      w += chunk.values.byteLength;
    }
    const values = viewOf(type, buffer, at, bytes);
    at += align(bytes);
    if (type.id !== 'utf8') return { name, type, values };
    // Offsets rebased onto the joined values: each chunk's start at the bytes before it.
    const valueOffsets = new Int32Array(buffer, at, rows + 1);
    let row = 0;
    let base = 0;
    for (const chunk of chunks) {
      const offsets = chunk.offsets!;
      const n = offsets.length - 1;
      for (let i = 0; i < n; i++) valueOffsets[row + i] = base + offsets[i] - offsets[0];
      row += n;
      base += offsets[n] - offsets[0];
    }
    valueOffsets[rows] = base;
    at += align(4 * (rows + 1));
    return { name, type, values, valueOffsets };
  });
  return { rows, columns, buffer };
}

function viewOf(type: PackedType, buffer: ArrayBuffer | SharedArrayBuffer, at: number, bytes: number): ArrayBufferView {
  switch (type.id) {
    case 'utf8': return new Uint8Array(buffer, at, bytes);
    case 'float': {
      // Precision.HALF = 0 (uint16 bits), SINGLE = 1, DOUBLE = 2.
      const Ctor = type.precision === 2 ? Float64Array : type.precision === 1 ? Float32Array : Uint16Array;
      return new Ctor(buffer as ArrayBuffer, at, bytes / Ctor.BYTES_PER_ELEMENT);
    }
    case 'int': {
      const w = type.bitWidth;
      const Ctor = w === 8 ? (type.signed ? Int8Array : Uint8Array)
        : w === 16 ? (type.signed ? Int16Array : Uint16Array)
          : w === 32 ? (type.signed ? Int32Array : Uint32Array)
            : (type.signed ? BigInt64Array : BigUint64Array);
      return new Ctor(buffer as ArrayBuffer, at, bytes / Ctor.BYTES_PER_ELEMENT);
    }
  }
}

/**
 * Rebuilds the table of {@link packColumns}'s columns (after a structured clone: the arrays are views of the
 * transferred or shared buffer, used as they are).
 * @param packed - the packed columns
 * @returns a one-batch table of those columns
 */
export function unpackColumns(packed: PackedColumns): Table {
  const fields: Field[] = [];
  const children: Data[] = [];
  for (const column of packed.columns) {
    const type = arrowType(column.type);
    fields.push(new Field(column.name, type, false));
    children.push(makeData({
      type, length: packed.rows, nullCount: 0, data: column.values, valueOffsets: column.valueOffsets,
    } as Parameters<typeof makeData>[0]));
  }
  const schema = new Schema(fields);
  return new Table(new RecordBatch(schema, makeData({ type: new Struct(fields), length: packed.rows, nullCount: 0, children })));
}

/**
 * Shared memory for packed leaves, reused once their jobs are done: a leaf copied into a buffer that was used before
 * costs no fresh pages (first touches cost 1.5-3 ms per MB on the 2-core reference VM, more than the copy itself), and
 * a `SharedArrayBuffer` reaches the worker without a transfer. Only for jobs whose results keep no view of their rows
 * (every task's states copy what they keep: tested in `recycled-bodies.test.ts`).
 * @example
 * ```ts
 * const pool = new SharedBufferPool(4);
 * const packed = packColumns(leaf, names, (bytes) => pool.take(bytes));
 * // ... when the job using it has settled:
 * pool.give(packed.buffer as SharedArrayBuffer);
 * ```
 */
export class SharedBufferPool {
  private readonly free: SharedArrayBuffer[] = [];

  /** @param keep - the most free buffers kept (more are left to the garbage collector) */
  constructor(private readonly keep: number) {}

  /**
   * A free buffer of at least `bytes`, or a new one (rounded up to whole MiB, so that it fits leaves of similar size).
   * @param bytes - the bytes needed
   * @returns the buffer, the caller's until it gives it back
   */
  take(bytes: number): SharedArrayBuffer {
    const at = this.free.findIndex((b) => b.byteLength >= bytes);
    if (at >= 0) return this.free.splice(at, 1)[0];
    return new SharedArrayBuffer(Math.max(8, Math.ceil(bytes / 2 ** 20) * 2 ** 20));
  }

  /**
   * Returns a buffer from `take` once nothing reads it any more.
   * @param buffer - the buffer
   */
  give(buffer: SharedArrayBuffer): void {
    if (this.free.length < this.keep) this.free.push(buffer);
  }
}
