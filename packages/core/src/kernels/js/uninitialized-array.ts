/** What this module needs of Node's `Buffer`, when the runtime has it. */
interface UnsafeBuffer {
  allocUnsafeSlow(size: number): Uint8Array;
}

/**
 * A typed array whose memory is not zeroed (Node's `Buffer.allocUnsafeSlow`, a buffer of its own at offset 0), for big
 * outputs that are written before they are read and may end up larger than needed (room for later merges): the
 * allocator's fresh pages then stay untouched, and recycled ones are not cleared. A zeroed `new ArrayBuffer` cleared
 * recycled memory: on the 2-core VM a 1e7-row curve's three arrays of twice their rows took ~190 ms and touched every
 * page (a 1e8-row stream peaked ~0.9 GB higher in some runs). Elsewhere (no `Buffer`, or beyond its size limit), a
 * zeroed array.
 *
 * @param Ctor - `Float64Array` or `Uint32Array`
 * @param length - elements
 * @returns an array of `length` elements starting its own buffer; never read an element before writing it
 * @example
 * ```ts
 * const t = uninitializedArray(Float64Array, 1 << 20); // contents unspecified
 * t.fill(0, 0, 10);
 * ```
 */
export function uninitializedArray<C extends Float64ArrayConstructor | Uint32ArrayConstructor>(Ctor: C, length: number): InstanceType<C> {
  const unsafe = (globalThis as { Buffer?: UnsafeBuffer }).Buffer;
  if (unsafe !== undefined && length > 0) {
    try {
      const bytes = unsafe.allocUnsafeSlow(length * Ctor.BYTES_PER_ELEMENT);
      if (bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer) return new Ctor(bytes.buffer, 0, length) as InstanceType<C>;
    } catch {
      // Beyond Buffer's size limit: a plain array below.
    }
  }
  return new Ctor(length) as InstanceType<C>;
}
