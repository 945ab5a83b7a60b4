/** The typed arrays a {@link GrowableArray} can hold. */
type Typed = Float64Array | Int32Array | Uint32Array;

/**
 * An append-only typed array that doubles its buffer when full: the per-row store of the check states (one value
 * per row of a split, in row order).
 *
 * @example
 * ```ts
 * const values = new GrowableArray(Float64Array);
 * values.append(Float64Array.of(1, 2));
 * values.view(); // Float64Array [1, 2]
 * ```
 */
export class GrowableArray<T extends Typed> {
  private buffer: T;
  /** Values held. */
  length = 0;

  /**
   * @param make - the typed-array constructor
   * @param capacity - initial capacity
   */
  constructor(private readonly make: new (n: number) => T, capacity = 1024) {
    this.buffer = new make(capacity);
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new this.make(capacity);
    next.set(this.buffer.subarray(0, this.length) as never);
    this.buffer = next;
  }

  /** Appends values (copied). */
  append(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.buffer.set(values as never, this.length);
    this.length += values.length;
  }

  /** Appends `count` copies of `value`. */
  fill(value: number, count: number): void {
    this.reserve(count);
    this.buffer.fill(value, this.length, this.length + count);
    this.length += count;
  }

  /** A view of the values held (valid until the next append). */
  view(): T {
    return this.buffer.subarray(0, this.length) as T;
  }
}
