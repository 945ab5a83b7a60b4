import type { StateArray } from '../state-buffers.js';

type Ctor<T extends StateArray> = new (length: number) => T;

/**
 * An append-only typed column with amortised O(1) appends (capacity doubles), for states that must keep values.
 * `view()` is the filled prefix, without a copy.
 * @example
 * ```ts
 * const c = new GrowableColumn(Float64Array);
 * c.append(Float64Array.of(1, 2));
 * c.view(); // Float64Array [1, 2]
 * ```
 */
export class GrowableColumn<T extends StateArray> {
  private data: T;
  private size = 0;

  /**
   * @param ctor - the typed-array constructor
   * @param initial - values to start with (copied)
   */
  constructor(private readonly ctor: Ctor<T>, initial?: ArrayLike<number>) {
    this.data = new ctor(Math.max(16, initial?.length ?? 0));
    if (initial !== undefined) this.append(initial);
  }

  /** Number of values held. */
  get length(): number {
    return this.size;
  }

  /** Appends values (copied; float32 values are promoted exactly when the column is float64). */
  append(values: ArrayLike<number>): void {
    this.reserve(values.length);
    const d = this.data;
    for (let i = 0, k = this.size; i < values.length; i++, k++) d[k] = values[i];
    this.size += values.length;
  }

  /** Appends one value. */
  push(value: number): void {
    this.reserve(1);
    this.data[this.size++] = value;
  }

  /** The filled prefix (a view: do not keep it across appends). */
  view(): T {
    return this.data.subarray(0, this.size) as T;
  }

  private reserve(extra: number): void {
    const need = this.size + extra;
    if (need <= this.data.length) return;
    let cap = this.data.length;
    while (cap < need) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.size) as never);
    this.data = next;
  }
}
