import { MessageHeader, RecordBatchReader, type RecordBatch, type Schema } from 'apache-arrow';
import { InputOutputError, isModelperfError } from '../../errors.js';
import { BodyRecycler } from './body-recycler.js';
import type { ByteReader } from './byte-source.js';
import { checkIpcMessage } from './check-ipc-message.js';

/** A source opened for batch-by-batch reading: its schema, and its batches as they are read. */
export interface OpenedBatches {
  readonly schema: Schema;
  /** One pass over the batches; ending the iteration early (break, throw) releases the input. */
  readonly batches: AsyncGenerator<RecordBatch, void, undefined>;
  /**
   * Releases the input when `batches` was never iterated (a generator that has not started runs no `finally` on
   * `return()`, so it cannot close the file itself).
   */
  release(): Promise<void>;
  /** Reuses released batch bodies (Arrow IPC streams); absent where batches are decoded into fresh memory anyway. */
  readonly recycler?: BodyRecycler;
}

/** What the framing pass has seen so far, shared with the decoding side. */
interface FrameState {
  /** Record batches whose bytes were passed on whole. */
  batches: number;
  /** Rows each passed record batch declares. */
  readonly rows: number[];
  /** The buffer each passed record batch's body was read into, in order, until its batch is decoded. */
  readonly bodies: Uint8Array[];
  readonly recycler: BodyRecycler;
}

const CONTINUATION = -1;

/** Room for a message header (prefix and metadata) kept in a new batch body's buffer (see `bodyBufferBytes`). */
const HEADER_ROOM = 1 << 16;

/**
 * The size of a new buffer for a batch body or a whole message read ahead: `bytes` rounded up to whole 64 KiB, so that
 * a released body's buffer fits the next message of a stream of equal batches, header included.
 */
function bodyBufferBytes(bytes: number): number {
  return Math.ceil(bytes / HEADER_ROOM) * HEADER_ROOM;
}

function corrupt(message: string, cause?: unknown): InputOutputError {
  return new InputOutputError('corrupt_file', message, cause === undefined ? undefined : { cause });
}

function int32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(at, true);
}

function afterBatches(n: number): string {
  return n === 0 ? 'before the first record batch' : `after record batch ${n - 1}`;
}

/**
 * Reads an Arrow IPC stream (`.arrows`, stdin) one record batch at a time, holding one batch's bytes at a time.
 *
 * @remarks
 * A framing pass reads each message whole (continuation marker, metadata length, metadata, body) and checks it
 * (see {@link checkIpcMessage}) before apache-arrow's `AsyncRecordBatchStreamReader` decodes it, because
 * apache-arrow alone ends a stream cut between two messages, or inside a message header, as if it were complete.
 * So a cut input fails with `corrupt_file` naming the record batch it falls in, after the complete batches before
 * it have been yielded: a consumer sees every batch, then the error, never a silent short result. A second
 * schema message (two streams concatenated) is an error naming the batch it precedes. Bytes after the
 * end-of-stream marker are not read.
 *
 * @param source - the stream's bytes
 * @param requireEndOfStream - require the end-of-stream marker (default true); without it a stream cut exactly
 * between two messages cannot be told from a complete one
 * @returns the schema (read on open) and the batches
 * @throws InputOutputError `corrupt_file` (on open or while iterating) naming the byte and record batch of a
 * truncation or damage; ValidationError `empty_input` for zero bytes
 * @example
 * ```ts
 * const { schema, batches } = await readArrowStreamBatches(new ByteSource(process.stdin));
 * for await (const batch of batches) console.log(batch.numRows);
 * ```
 */
export async function readArrowStreamBatches(source: ByteReader, requireEndOfStream = true): Promise<OpenedBatches> {
  const state: FrameState = { batches: 0, rows: [], bodies: [], recycler: new BodyRecycler() };
  let reader: Awaited<ReturnType<typeof openReader>>;
  try {
    reader = await openReader(arrowStreamFrames(source, state, requireEndOfStream));
  } catch (error) {
    await source.close();
    throw asCorrupt(error, 0);
  }
  return { schema: reader.schema, batches: decodeBatches(reader, source, state), release: () => source.close(), recycler: state.recycler };
}

async function openReader(frames: AsyncIterable<Uint8Array>) {
  const reader = await RecordBatchReader.from(frames);
  await reader.open();
  return reader;
}

async function* decodeBatches(
  reader: Awaited<ReturnType<typeof openReader>>,
  source: ByteReader,
  state: FrameState,
): AsyncGenerator<RecordBatch, void, undefined> {
  let index = 0;
  try {
    for (;;) {
      let next: IteratorResult<RecordBatch>;
      try {
        next = await reader.next();
      } catch (error) {
        throw asCorrupt(error, index);
      }
      if (next.done === true) break;
      const batch = next.value;
      const body = state.bodies.shift();
      if (body !== undefined) state.recycler.attach(batch, body);
      if (batch.numRows !== state.rows[index]) {
        throw corrupt(
          `Arrow stream record batch ${index} declares ${state.rows[index]} rows but decodes to ${batch.numRows}: the stream is damaged.`,
        );
      }
      yield batch;
      index++;
    }
    if (index !== state.batches) {
      throw corrupt(`The Arrow IPC stream holds ${state.batches} record batches but only ${index} were decoded.`);
    }
  } finally {
    await reader.return().catch(() => undefined);
    await source.close();
  }
}

function asCorrupt(error: unknown, index: number): Error {
  if (isModelperfError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return corrupt(`Arrow stream record batch ${index} cannot be decoded: ${text}`, error);
}

/**
 * Yields the stream's messages, each only once it has arrived whole and passed its checks; throws at the first
 * incomplete or damaged one.
 */
async function* arrowStreamFrames(source: ByteReader, state: FrameState, requireEnd: boolean): AsyncGenerator<Uint8Array> {
  let messages = 0;
  let readingAhead = false;
  for (;;) {
    const at = source.bytesRead;
    let prefix = await source.read(4);
    if (prefix.length === 0) {
      if (messages === 0) throw corrupt('The Arrow IPC stream is empty: it holds no schema message.');
      if (!requireEnd) return;
      throw corrupt(
        `The Arrow IPC stream ends at byte ${at}, ${afterBatches(state.batches)}, without its end-of-stream marker: it is truncated.`,
      );
    }
    if (prefix.length < 4) throw truncatedHeader(at, state.batches);
    let metaLength = int32(prefix, 0);
    if (metaLength === CONTINUATION) {
      const length = await source.read(4);
      if (length.length < 4) throw truncatedHeader(at, state.batches);
      metaLength = int32(length, 0);
      prefix = concat(prefix, length);
    }
    if (metaLength === 0) {
      if (messages === 0) throw corrupt('The Arrow IPC stream holds no schema message.');
      yield prefix; // the end-of-stream marker, so that apache-arrow stops here too
      return;
    }
    if (metaLength < 0) {
      throw corrupt(
        messages === 0
          ? 'The input is not an Arrow IPC stream (its first message has no valid length).'
          : `The Arrow IPC stream is damaged: the message at byte ${at}, ${afterBatches(state.batches)}, has a negative length.`,
      );
    }
    const metadata = await source.read(metaLength);
    if (metadata.length < metaLength) {
      throw corrupt(
        messages === 0
          ? `The Arrow IPC stream ends inside its schema message (byte ${at}): it is truncated or not an Arrow stream.`
          : `The Arrow IPC stream ends inside the metadata of the message at byte ${at}, ${afterBatches(state.batches)} ` +
              `(record batch ${state.batches} or a message before it): it is truncated.`,
      );
    }
    const where = `the message at byte ${at} (${afterBatches(state.batches)})`;
    const { message, rows } = checkIpcMessage(metadata, where);
    const isSchema = message.headerType === MessageHeader.Schema;
    if (messages === 0 && !isSchema) throw corrupt('The Arrow IPC stream does not start with a schema message.');
    if (messages > 0 && isSchema) {
      throw new InputOutputError(
        'corrupt_file',
        `The Arrow IPC stream changes its schema before record batch ${state.batches} (a second schema message at byte ${at}); ` +
          'every batch must share the first schema (are two streams concatenated?).',
      );
    }
    const bodyLength = Number(message.bodyLength);
    // Record batch bodies go into released bodies when there are any; dictionaries stay (later batches use them).
    const isBatch = message.headerType === MessageHeader.RecordBatch;
    // Read straight from the file (nothing read ahead yet: the first batch), a new body gets room for a message
    // header, so that its buffer can later take a whole message read ahead.
    const roomy = isBatch && !readingAhead && source.readAhead !== undefined && bodyLength >= state.recycler.minBytes;
    const into = isBatch ? (state.recycler.take(bodyLength) ?? (roomy ? new Uint8Array(bodyBufferBytes(bodyLength + HEADER_ROOM)) : undefined)) : undefined;
    const body = await source.read(bodyLength, into);
    readingAhead = false;
    // Served from bytes read ahead (a view of their buffer): the released body taken for it stays free.
    if (into !== undefined && body.buffer !== into.buffer) state.recycler.putBack(into);
    if (body.length < bodyLength) {
      const what =
        message.headerType === MessageHeader.RecordBatch
          ? `record batch ${state.batches}`
          : `a dictionary batch ${afterBatches(state.batches)}`;
      throw corrupt(
        `Arrow stream ends inside ${what} (message at byte ${at}): its body declares ${bodyLength} bytes but only ` +
          `${body.length} remain; the stream is truncated.`,
      );
    }
    messages++;
    // Counted before the bytes go on: apache-arrow yields the batch before this generator resumes.
    if (isBatch) {
      state.rows.push(rows);
      state.bodies.push(body);
      state.batches++;
      // The next message (guessed as long as this one) is read while this batch is decoded and used: reading a 2^20-row
      // batch took 13-17 ms on the reference VM, time the caller's work now hides.
      const guess = source.bytesRead - at;
      if (source.readAhead !== undefined) {
        source.readAhead(guess, state.recycler.take(bodyBufferBytes(guess)) ?? new Uint8Array(bodyBufferBytes(guess)));
        readingAhead = true;
      }
    }
    yield concat(prefix, metadata);
    if (bodyLength > 0) yield body;
  }
}

function truncatedHeader(at: number, batches: number): InputOutputError {
  return corrupt(
    `The Arrow IPC stream ends inside the header of the message at byte ${at}, ${afterBatches(batches)} ` +
      `(record batch ${batches} or the end-of-stream marker): it is truncated.`,
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
