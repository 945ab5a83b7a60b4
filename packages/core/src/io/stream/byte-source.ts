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
export class ByteSource {
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
   * @returns the bytes; shorter than `length` only at the end of the input
   */
  async read(length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
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
