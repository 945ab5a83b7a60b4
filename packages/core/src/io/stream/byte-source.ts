import type { FileHandle } from 'node:fs/promises';
/**
 * Pulls exact byte counts from an async sequence of chunks (a Node `Readable`, `process.stdin`, a file read stream),
 * keeping at most one partly used chunk, and counts the bytes handed out.
 *
 * @remarks
 * The stream readers of `io/stream/` frame their input with it: an Arrow IPC message is read as "4 bytes, then
 * the metadata length, then the body length", so a cut anywhere is seen at the exact byte where the input ran out.
 *
 * @example
 * ```ts
 * const source = new ByteSource(createReadStream(path));
 * const header = await source.read(8); // fewer than 8 bytes only at the end of the input
 * ```
 */
/** What the stream readers pull bytes from: a chunked async source or a file read at known offsets. */
export interface ByteReader {
  /** Bytes handed out so far. */
  readonly bytesRead: number;
  /**
   * Exactly `length` bytes in a fresh buffer (or in `into`, when given: at least `length` bytes), or fewer at the
   * end of the input.
   */
  read(length: number, into?: Uint8Array): Promise<Uint8Array>;
  /** The next stretch of bytes, at most `limit`, or undefined at the end. */
  readAvailable(limit: number): Promise<Uint8Array | undefined>;
  /** Stops reading and releases the input. */
  close(): Promise<void>;
  /**
   * Starts reading the next `length` bytes now, into `into` when given (a whole buffer of at least `length` bytes), so
   * that they arrive while the caller computes; the next reads are served from them (see {@link FileByteSource}).
   * Sources that cannot read ahead leave it out.
   */
  readAhead?(length: number, into?: Uint8Array): void;
}

export class ByteSource implements ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private ended = false;
  private consumed = 0;

  /** @param chunks - the input; strings are not expected (a stream in object or text mode is a caller's error) */
  constructor(chunks: AsyncIterable<Uint8Array | string>) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  /** Bytes handed out by {@link read} and {@link readAvailable} so far. */
  get bytesRead(): number {
    return this.consumed;
  }

  /**
   * Reads exactly `length` bytes into a fresh buffer (so typed arrays over it are aligned and it keeps no larger
   * chunk alive), or fewer when the input ends first.
   * @param length - bytes wanted
   * @param into - a buffer of at least `length` bytes to read into instead (a recycled batch body)
   * @returns the bytes; shorter than `length` only at the end of the input
   */
  async read(length: number, into?: Uint8Array): Promise<Uint8Array> {
    const out = into !== undefined && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (this.at === this.chunk.length && !(await this.pull())) break;
      const take = Math.min(length - filled, this.chunk.length - this.at);
      out.set(this.chunk.subarray(this.at, this.at + take), filled);
      this.at += take;
      filled += take;
    }
    this.consumed += filled;
    return filled === length ? out : out.subarray(0, filled);
  }

  /**
   * Returns the next stretch of bytes as they arrived (a view, no copy), at most `limit` bytes.
   * @param limit - the most bytes wanted
   * @returns the bytes, or undefined at the end of the input
   */
  async readAvailable(limit: number): Promise<Uint8Array | undefined> {
    if (this.at === this.chunk.length && !(await this.pull())) return undefined;
    const take = Math.min(limit, this.chunk.length - this.at);
    const out = this.chunk.subarray(this.at, this.at + take);
    this.at += take;
    this.consumed += take;
    return out;
  }

  /** Stops reading: lets the underlying stream release its resources (closes a file stream). */
  async close(): Promise<void> {
    this.ended = true;
    this.chunk = new Uint8Array(0);
    this.at = 0;
    await this.iterator.return?.();
  }

  private async pull(): Promise<boolean> {
    while (!this.ended) {
      const next = await this.iterator.next();
      if (next.done === true) {
        this.ended = true;
        break;
      }
      const value = next.value;
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      if (bytes.length === 0) continue;
      this.chunk = bytes;
      this.at = 0;
      return true;
    }
    return false;
  }
}

/**
 * Reads a file through its handle at known offsets: each `read` lands straight in its own buffer, with no
 * intermediate stream chunks (measured on a 140 MB Arrow stream: read time 510 -> 110 ms, and half the fresh memory).
 * `readAhead` starts the next read before it is asked for: a later `read` lying wholly inside those bytes gets a view of
 * them (no copy; the body of a record batch then shares its buffer with the message's header), one reaching past them
 * a copy of what is there followed by a direct read of the rest.
 */
export class FileByteSource implements ByteReader {
  private position: number;
  /**
   * Bytes read ahead, from file offset `start` (still arriving while `bytes` is pending). Once a large view of them was
   * handed out (a batch body, whose buffer the caller may reuse when done with it), the rest is only copied out.
   */
  private ahead: { start: number; bytes: Promise<Uint8Array>; views: boolean } | undefined;

  /**
   * @param handle - an open file handle (closed by `close`)
   * @param size - the file's size in bytes
   * @param start - the offset to start reading at
   * @param counter - receives the bytes read so far, for progress
   */
  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
    start = 0,
    private readonly counter?: { bytesRead: number },
  ) {
    this.position = start;
  }

  get bytesRead(): number {
    return this.position;
  }

  async read(length: number, into?: Uint8Array): Promise<Uint8Array> {
    const n = Math.max(0, Math.min(length, this.size - this.position));
    let out: Uint8Array | undefined;
    let filled = 0;
    const ahead = this.ahead;
    if (ahead !== undefined) {
      const bytes = await ahead.bytes; // a failed read ahead fails here, at the read that needed it
      const offset = this.position - ahead.start;
      const available = bytes.length - offset;
      if (available >= n && ahead.views && (bytes.byteOffset + offset) % 8 === 0) {
        // Wholly inside, aligned for any typed array over it: a view.
        out = bytes.subarray(offset, offset + n);
        filled = n;
        if (n >= VIEW_CLAIMS_BUFFER) ahead.views = false;
      } else if (available > 0) {
        out = into !== undefined && into.length >= n ? into.subarray(0, n) : new Uint8Array(n);
        filled = Math.min(n, available);
        // `out` may be the very buffer read ahead (recycled meanwhile): `set` copies overlapping bytes correctly.
        out.set(bytes.subarray(offset, offset + filled), 0);
      }
      if (available <= filled) this.ahead = undefined;
    }
    out ??= into !== undefined && into.length >= n ? into.subarray(0, n) : new Uint8Array(n);
    if (filled < n) filled += await this.fill(out, filled, this.position + filled);
    this.position += filled;
    if (this.counter !== undefined) this.counter.bytesRead = this.position;
    return filled === n ? out : out.subarray(0, filled);
  }

  readAhead(length: number, into?: Uint8Array): void {
    if (this.ahead !== undefined) return;
    const start = this.position;
    const n = Math.min(length, this.size - start);
    if (n <= 0) return;
    const out = into !== undefined && into.length >= n ? into.subarray(0, n) : new Uint8Array(n);
    const bytes = this.fill(out, 0, start).then((filled) => (filled === n ? out : out.subarray(0, filled)));
    bytes.catch(() => undefined); // handled by the read that awaits it (or by nobody, once closed)
    this.ahead = { start, bytes, views: true };
  }

  async readAvailable(limit: number): Promise<Uint8Array | undefined> {
    if (this.position >= this.size) return undefined;
    return this.read(Math.min(limit, 1 << 20));
  }

  async close(): Promise<void> {
    const ahead = this.ahead;
    this.ahead = undefined;
    await ahead?.bytes.catch(() => undefined);
    await this.handle.close();
  }

  /** Reads into `out` from `from` on, at file offset `position`, until it is full or the file ends; returns the bytes. */
  private async fill(out: Uint8Array, from: number, position: number): Promise<number> {
    let filled = from;
    while (filled < out.length) {
      const { bytesRead } = await this.handle.read(out, filled, out.length - filled, position + filled - from);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled - from;
  }
}

/** A view of read-ahead bytes this long is taken to be a batch body: the rest of its buffer is copied out, not viewed. */
const VIEW_CLAIMS_BUFFER = 1 << 16;
