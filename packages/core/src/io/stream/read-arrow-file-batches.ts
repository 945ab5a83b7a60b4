import type { FileHandle } from 'node:fs/promises';
import { MessageHeader, type RecordBatch, RecordBatchReader } from 'apache-arrow';
import { InputOutputError, isModelperfError } from '../../errors.js';
import { checkIpcMessage } from './check-ipc-message.js';
import type { OpenedBatches } from './read-arrow-stream-batches.js';

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

function corrupt(message: string, cause?: unknown): InputOutputError {
  return new InputOutputError('corrupt_file', message, cause === undefined ? undefined : { cause });
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < MAGIC.length; i++) if (bytes[at + i] !== MAGIC[i]) return false;
  return true;
}

/** Progress of an Arrow IPC file read: the end of the last block read. */
export interface FileProgress {
  bytesRead: number;
}

/**
 * Reads an Arrow IPC file (`.arrow`, Feather v2) one record batch at a time: the footer first, then each record
 * batch by its offset, so only one batch's bytes are in memory at a time.
 *
 * @remarks
 * The trailing `ARROW1` magic and footer length are checked with plain reads before apache-arrow's
 * `AsyncRecordBatchFileReader` (over the same file handle) reads the footer and dictionaries. Before each record
 * batch is decoded, its footer block must lie between the leading magic and the footer, and its metadata must
 * name only buffers inside its body ({@link checkIpcMessage}); after decoding, its row count must be the one its
 * metadata declares. Each failure is `corrupt_file` naming the batch.
 *
 * @param handle - an open file handle; closed when the iteration ends (or here, when opening fails)
 * @param size - the file's size in bytes
 * @param progress - updated as blocks are read
 * @returns the schema (from the footer) and the batches
 * @throws InputOutputError `corrupt_file` for a truncated or damaged file, `unknown_format` for Feather v1
 * @example
 * ```ts
 * const { batches } = await readArrowFileBatches(await open('preds.arrow'), size, { bytesRead: 0 });
 * ```
 */
export async function readArrowFileBatches(handle: FileHandle, size: number, progress: FileProgress): Promise<OpenedBatches> {
  let reader: Awaited<ReturnType<typeof openFileReader>>;
  let footerStart: number;
  try {
    footerStart = await checkFileEnds(handle, size);
    reader = await openFileReader(handle);
  } catch (error) {
    await handle.close().catch(() => undefined);
    if (isModelperfError(error)) throw error;
    throw corrupt(`The Arrow IPC file's footer or dictionaries cannot be decoded: ${errorText(error)}`, error);
  }
  progress.bytesRead = 8 + (size - footerStart);
  return {
    schema: reader.schema,
    batches: fileBatches(reader, handle, footerStart, progress),
    release: () => handle.close().catch(() => undefined),
  };
}

async function openFileReader(handle: FileHandle) {
  const reader = await RecordBatchReader.from(handle);
  await reader.open();
  if (!reader.isFile()) throw corrupt('The Arrow IPC file cannot be opened as a file.');
  return reader;
}

/** Checks the magic at both ends and the footer length; returns the footer's first byte. */
async function checkFileEnds(handle: FileHandle, size: number): Promise<number> {
  const head = await readAt(handle, 0, Math.min(size, 8));
  if (head.length >= 4 && head[0] === 0x46 && head[1] === 0x45 && head[2] === 0x41 && head[3] === 0x31) {
    throw new InputOutputError(
      'unknown_format',
      'This is a Feather v1 file, which modelperf does not read; rewrite it as Feather v2 / Arrow IPC ' +
        '(pyarrow: feather.write_feather(table, path, version=2)).',
    );
  }
  if (head.length < 6 || !hasMagic(head, 0)) throw corrupt('The input is not an Arrow IPC file: it does not start with the ARROW1 magic.');
  if (size < 8 + 10) throw corrupt(`The Arrow IPC file is truncated: it is only ${size} bytes long.`);
  const tail = await readAt(handle, size - 10, 10);
  if (!hasMagic(tail, 4)) {
    throw corrupt(`The Arrow IPC file is truncated: its ${size} bytes do not end with the ARROW1 magic and footer.`);
  }
  const footerLength = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  const footerStart = size - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8) {
    throw corrupt(`The Arrow IPC file's footer length (${footerLength} bytes) does not fit in its ${size} bytes.`);
  }
  return footerStart;
}

async function* fileBatches(
  reader: Awaited<ReturnType<typeof openFileReader>>,
  handle: FileHandle,
  footerStart: number,
  progress: FileProgress,
): AsyncGenerator<RecordBatch, void, undefined> {
  try {
    const count = reader.numRecordBatches;
    for (let index = 0; index < count; index++) {
      const block = reader.footer?.getRecordBatch(index) ?? null;
      if (block === null) throw corrupt(`The Arrow IPC file's footer has no entry for record batch ${index}.`);
      const offset = Number(block.offset);
      const metaLength = Number(block.metaDataLength);
      const bodyLength = Number(block.bodyLength);
      const end = offset + metaLength + bodyLength;
      if (!(offset >= 8 && metaLength >= 8 && bodyLength >= 0 && end <= footerStart)) {
        throw corrupt(
          `Arrow file record batch ${index} lies at bytes [${offset}, ${end}), outside the file's record batch area ` +
            `[8, ${footerStart}): the file is truncated or damaged.`,
        );
      }
      const where = `record batch ${index} (byte ${offset})`;
      const frame = await readAt(handle, offset, metaLength);
      const prefix = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
      const skip = prefix.getInt32(0, true) === -1 ? 8 : 4;
      const length = prefix.getInt32(skip - 4, true);
      if (!(length > 0 && skip + length <= metaLength)) {
        throw corrupt(`Arrow file ${where} has a metadata length (${length}) that does not fit its ${metaLength}-byte block.`);
      }
      const { message, rows } = checkIpcMessage(frame.subarray(skip, skip + length), where);
      if (message.headerType !== MessageHeader.RecordBatch || Number(message.bodyLength) > bodyLength) {
        throw corrupt(`Arrow file ${where} is not a record batch that fits its footer block: the file is damaged.`);
      }
      let batch: RecordBatch | null;
      try {
        batch = await reader.readRecordBatch(index);
      } catch (error) {
        throw corrupt(`Arrow file ${where} cannot be decoded: ${errorText(error)}`, error);
      }
      if (batch === null || batch.numRows !== rows) {
        throw corrupt(`Arrow file ${where} declares ${rows} rows but decodes to ${batch?.numRows ?? 'nothing'}.`);
      }
      progress.bytesRead += metaLength + bodyLength;
      yield batch;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
