import { compressionRegistry, Message, MessageHeader } from 'apache-arrow';
import { InputOutputError } from '../../errors.js';

interface BatchHeader {
  readonly length: number | bigint;
  readonly buffers: ReadonlyArray<{ offset: number; length: number }>;
  readonly compression: { type: number } | null;
}

/**
 * Decodes one Arrow IPC message's flatbuffer metadata and checks it against its body before apache-arrow decodes
 * the body: a record or dictionary batch must name only buffers inside its `bodyLength` bytes, and compressed
 * bodies need a registered codec.
 *
 * @param metadata - the message's metadata bytes (after the continuation marker and length)
 * @param where - how messages name the message's place, e.g. `record batch 3 (byte 1024)`
 * @returns the message and, for a record batch, its declared row count (0 otherwise)
 * @throws InputOutputError `corrupt_file` naming `where`; `io_error` for a compressed body without a codec
 * @example
 * ```ts
 * const { message, rows } = checkIpcMessage(metadataBytes, 'record batch 0 (byte 8)');
 * ```
 */
export function checkIpcMessage(metadata: Uint8Array, where: string): { message: Message; rows: number } {
  let message: Message;
  let header: BatchHeader | undefined;
  try {
    message = Message.decode(metadata);
    if (message.headerType === MessageHeader.RecordBatch || message.headerType === MessageHeader.DictionaryBatch) {
      const decoded = message.header() as unknown as { data?: BatchHeader } & BatchHeader;
      header = message.headerType === MessageHeader.DictionaryBatch ? decoded.data : decoded;
    }
  } catch (error) {
    throw new InputOutputError('corrupt_file', `The Arrow IPC input has unreadable metadata in ${where}.`, { cause: error });
  }
  const bodyLength = Number(message.bodyLength);
  if (!(bodyLength >= 0)) {
    throw new InputOutputError('corrupt_file', `The Arrow IPC input declares a negative body length in ${where}.`);
  }
  if (header === undefined) return { message, rows: 0 };
  for (const { offset, length } of header.buffers) {
    if (!(offset >= 0 && length >= 0 && offset + length <= bodyLength)) {
      throw new InputOutputError(
        'corrupt_file',
        `The Arrow IPC input is damaged: ${where} names a buffer [${offset}, ${offset + length}) outside its ${bodyLength}-byte body.`,
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
  return { message, rows: message.headerType === MessageHeader.RecordBatch ? Number(header.length) : 0 };
}
