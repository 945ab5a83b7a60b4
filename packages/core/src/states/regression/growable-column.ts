import type { StateArray } from '../state-buffers.js';

type Ctor<T extends StateArray> = new (length: number) => T;

/**
 * An append-only typed column, for states that must keep values: appends go to a tail whose capacity doubles
 * (amortised O(1)), `appendColumn` takes another column's values without copying them (its chunks are shared: no one
 * writes a value once appended), and `view()` joins the chunks into one array once, when the values are needed.
 *
 * @remarks A stream's states merge in a balanced tree: appending each merged state's values to the other's copied every
 * value once per level of the tree (and into fresh, doubled arrays); shared chunks and one join at the end copy each
 * value once.
 * @example
 * ```ts
 * const c = new GrowableColumn(Float64Array);
 * c.append(Float64Array.of(1, 2));
 * c.view(); // Float64Array [1, 2]
 * ```
 */
export class GrowableColumn<T extends StateArray> {
  /** Values appended before the tail, in order; never written again. */
  private chunks: T[] = [];
  private chunked = 0;
  private tail: T;
  private filled = 0;

  /**
   * @param ctor - the typed-array constructor
   * @param initial - values to start with (copied)
   */
  constructor(private readonly ctor: Ctor<T>, initial?: ArrayLike<number>) {
    this.tail = new ctor(Math.max(16, initial?.length ?? 0));
    if (initial !== undefined) this.append(initial);
  }

  /** Number of values held. */
  get length(): number {
    return this.chunked + this.filled;
  }

  /** Appends values (copied; float32 values are promoted exactly when the column is float64). */
  append(values: ArrayLike<number>): void {
    this.reserve(values.length);
    const d = this.tail;
    for (let i = 0, k = this.filled; i < values.length; i++, k++) d[k] = values[i];
    this.filled += values.length;
  }

  /** Appends one value. */
  push(value: number): void {
    this.reserve(1);
    this.tail[this.filled++] = value;
  }

  /**
   * Appends another column's values, sharing its arrays instead of copying them (neither column writes a value again
   * once appended). `other` stays usable; it may be this column.
   * @param other - a column of the same type
   */
  appendColumn(other: GrowableColumn<T>): void {
    const shared = [...other.chunks];
    if (other.filled > 0) shared.push(other.tail.subarray(0, other.filled) as T);
    if (shared.length === 0) return;
    this.seal();
    for (const chunk of shared) {
      this.chunks.push(chunk);
      this.chunked += chunk.length;
    }
  }

  /** The values in order, as one array (a view: do not keep it across appends). */
  view(): T {
    if (this.chunks.length > 0) {
      const all = new this.ctor(this.length);
      let at = 0;
      for (const chunk of this.chunks) {
        all.set(chunk as never, at);
        at += chunk.length;
      }
      all.set(this.tail.subarray(0, this.filled) as never, at);
      this.chunks = [];
      this.chunked = 0;
      this.tail = all;
      this.filled = all.length;
    }
    return this.tail.subarray(0, this.filled) as T;
  }

  /** Ends the tail as a chunk (its filled values), so that shared chunks can follow it; a new tail starts empty. */
  private seal(): void {
    if (this.filled === 0) return;
    this.chunks.push(this.tail.subarray(0, this.filled) as T);
    this.chunked += this.filled;
    this.tail = new this.ctor(16);
    this.filled = 0;
  }

  private reserve(extra: number): void {
    const need = this.filled + extra;
    if (need <= this.tail.length) return;
    let cap = Math.max(16, this.tail.length);
    while (cap < need) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.tail.subarray(0, this.filled) as never);
    this.tail = next;
  }
}
