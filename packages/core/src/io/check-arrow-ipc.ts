import { compressionRegistry, Message, MessageHeader } from 'apache-arrow';
import { InputOutputError, ValidationError } from '../errors.js';

/** The two Arrow IPC layouts: a random-access file (`ARROW1` magic, footer) or a stream of messages. */
export type ArrowIpcLayout = 'file' | 'stream';

/** Where the messages of a checked Arrow IPC buffer lie. */
export interface ArrowIpcExtent {
  /** `file` when the buffer starts with the `ARROW1` magic, else `stream`. */
  readonly layout: ArrowIpcLayout;
  /** Byte range `[start, end)` of the messages (a stream: through its end-of-stream marker; a file: up to the footer). */
  readonly start: number;
  readonly end: number;
  /** Record batches found. */
  readonly batches: number;
  /** Rows in all record batches, as their metadata declares. */
  readonly rows: number;
}

/** Options for {@link checkArrowIpc}. */
export interface CheckArrowIpcOptions {
  /**
   * Require the 8-byte end-of-stream marker at the end of a stream (default true). A stream cut exactly between two
   * messages is otherwise indistinguishable from a complete one; every Arrow writer (C++/pyarrow, Rust, Go, Java, JS)
   * writes the marker when closed.
   */
  readonly requireEndOfStream?: boolean;
}

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const CONTINUATION = -1; // 0xFFFFFFFF read as int32

function hasMagicAt(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || at + MAGIC.length > bytes.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[at + i] !== MAGIC[i]) return false;
  return true;
}

function corrupt(message: string, cause?: unknown): InputOutputError {
  return new InputOutputError('corrupt_file', message, cause === undefined ? undefined : { cause });
}

/**
 * Checks that a buffer holds a complete Arrow IPC file or stream before it is decoded, so that a truncated or
 * damaged input fails loudly instead of decoding as a shorter table.
 *
 * @remarks
 * Walks every message: the framing (continuation marker, metadata length), the flatbuffer metadata, and that each
 * message body, and each buffer a record or dictionary batch names, lies inside the input. A file must end in its
 * `ARROW1` magic with a footer length that fits; a stream must end with the end-of-stream marker (see
 * {@link CheckArrowIpcOptions.requireEndOfStream}). apache-arrow alone decodes a stream cut between two batches as a
 * shorter table without an error. Batches whose bodies are compressed (LZ4/ZSTD, pyarrow's Feather default) need a
 * codec registered in apache-arrow's `compressionRegistry`.
 *
 * @param bytes - the whole file or stream
 * @param options - see {@link CheckArrowIpcOptions}
 * @returns the layout and the byte range of the message stream
 * @throws ValidationError `empty_input` for zero bytes; InputOutputError `corrupt_file` naming the byte offset of the
 * problem; InputOutputError `io_error` for compressed batches without a registered codec
 * @example
 * ```ts
 * const { layout } = checkArrowIpc(tableToIPC(table, 'stream')); // 'stream'
 * ```
 */
export function checkArrowIpc(bytes: Uint8Array, options: CheckArrowIpcOptions = {}): ArrowIpcExtent {
  if (bytes.length === 0) throw new ValidationError('empty_input', 'The Arrow input is empty (0 bytes).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasMagicAt(bytes, 0)) {
    // File: "ARROW1" + 2 padding bytes, the stream, the footer, int32 footer length, "ARROW1".
    const n = bytes.length;
    if (n < 8 + 10 || !hasMagicAt(bytes, n - 6)) {
      throw corrupt(`The Arrow IPC file is truncated: it is ${n} bytes long and does not end with the ARROW1 magic and footer.`);
    }
    const footerLength = view.getInt32(n - 10, true);
    const footerStart = n - 10 - footerLength;
    if (footerLength <= 0 || footerStart < 8) {
      throw corrupt(`The Arrow IPC file's footer length (${footerLength} bytes) does not fit in its ${n} bytes.`);
    }
    // apache-arrow's file writer keeps the schema only in the footer; C++/pyarrow also write it first in the body.
    const walk = walkMessages(bytes, view, 8, footerStart, false, false);
    return { layout: 'file', start: 8, end: footerStart, batches: walk.batches, rows: walk.rows };
  }
  if (bytes.length >= 4 && bytes[0] === 0x46 && bytes[1] === 0x45 && bytes[2] === 0x41 && bytes[3] === 0x31) {
    throw new InputOutputError(
      'unknown_format',
      'This is a Feather v1 file, which modelperf does not read; rewrite it as Feather v2 / Arrow IPC ' +
        '(pyarrow: feather.write_feather(table, path, version=2)).',
    );
  }
  const requireEnd = options.requireEndOfStream ?? true;
  const walk = walkMessages(bytes, view, 0, bytes.length, requireEnd, true);
  return { layout: 'stream', start: 0, ...walk };
}

interface Walk {
  /** Just past the last message (or the end-of-stream marker). */
  readonly end: number;
  readonly batches: number;
  readonly rows: number;
}

/** Walks the messages in `[start, end)`. */
function walkMessages(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  requireEnd: boolean,
  requireSchema: boolean,
): Walk {
  let at = start;
  let batches = 0;
  let rows = 0;
  let first = true;
  for (;;) {
    if (at === end) {
      // A file's messages may stop right at the footer; a stream must close with the end-of-stream marker.
      if (first && requireSchema) throw corrupt('The Arrow IPC input holds no schema message.');
      if (requireEnd) {
        throw corrupt(`The Arrow IPC stream ends at byte ${at} without its end-of-stream marker: it is truncated.`);
      }
      return { end: at, batches, rows };
    }
    if (at + 4 > end) throw corrupt(`The Arrow IPC input is truncated inside the message header at byte ${at}.`);
    let prefix = 4;
    let metaLength = view.getInt32(at, true);
    if (metaLength === CONTINUATION) {
      if (at + 8 > end) throw corrupt(`The Arrow IPC input is truncated inside the message header at byte ${at}.`);
      metaLength = view.getInt32(at + 4, true);
      prefix = 8;
    }
    if (metaLength === 0) {
      if (first && requireSchema) throw corrupt('The Arrow IPC input holds no schema message.');
      return { end: at + prefix, batches, rows }; // end-of-stream marker; anything after it is ignored, as Arrow readers do
    }
    if (metaLength < 0 || at + prefix + metaLength > end) {
      throw corrupt(
        first && at === start
          ? 'The input is not an Arrow IPC file or stream (no ARROW1 magic and no valid first message).'
          : `The Arrow IPC input is truncated: the message at byte ${at} declares ${metaLength} metadata bytes, ` +
              `but only ${end - at - prefix} remain.`,
      );
    }
    let message: Message;
    try {
      message = Message.decode(bytes.subarray(at + prefix, at + prefix + metaLength));
    } catch (error) {
      throw corrupt(`The Arrow IPC message at byte ${at} has unreadable metadata.`, error);
    }
    const bodyLength = Number(message.bodyLength);
    const bodyStart = at + prefix + metaLength;
    if (!(bodyLength >= 0) || bodyStart + bodyLength > end) {
      throw corrupt(
        `The Arrow IPC input is truncated: the message at byte ${at} declares a ${bodyLength}-byte body, ` +
          `but only ${end - bodyStart} bytes remain.`,
      );
    }
    if (first && requireSchema && message.headerType !== MessageHeader.Schema) {
      throw corrupt('The Arrow IPC input does not start with a schema message.');
    }
    if (message.headerType === MessageHeader.RecordBatch || message.headerType === MessageHeader.DictionaryBatch) {
      const length = checkBatch(message, bodyLength, at);
      if (message.headerType === MessageHeader.RecordBatch) {
        batches++;
        rows += length;
      }
    }
    first = false;
    at = bodyStart + bodyLength;
  }
}

interface BatchHeader {
  readonly length: number;
  readonly buffers: ReadonlyArray<{ offset: number; length: number }>;
  readonly compression: { type: number } | null;
}

/** Checks a record or dictionary batch's buffers against its body; returns its row count. */
function checkBatch(message: Message, bodyLength: number, at: number): number {
  let header: BatchHeader;
  try {
    const decoded = message.header() as unknown as { data?: BatchHeader } & BatchHeader;
    header = message.headerType === MessageHeader.DictionaryBatch ? (decoded.data as BatchHeader) : decoded;
  } catch (error) {
    throw corrupt(`The Arrow IPC batch at byte ${at} has unreadable metadata.`, error);
  }
  for (const { offset, length } of header.buffers) {
    if (!(offset >= 0 && length >= 0 && offset + length <= bodyLength)) {
      throw corrupt(
        `The Arrow IPC batch at byte ${at} names a buffer [${offset}, ${offset + length}) outside its ${bodyLength}-byte body.`,
      );
    }
  }
  if (header.compression != null && compressionRegistry.get(header.compression.type as never) === null) {
    const codec = header.compression.type === 0 ? 'LZ4' : 'ZSTD';
    throw new InputOutputError(
      'io_error',
      `The Arrow IPC input uses ${codec}-compressed batches, which modelperf cannot decode yet; rewrite it ` +
        "uncompressed (pyarrow: feather.write_feather(df, path, compression='uncompressed')) or as Parquet.",
    );
  }
  return Number(header.length);
}
