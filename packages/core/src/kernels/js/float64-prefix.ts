/** Buckets of {@link float64Prefix}: 2^16. */
export const FLOAT64_PREFIX_BUCKETS = 1 << 16;

/**
 * The 16-bit prefix bucket of a float64 from its high 32-bit word (sign, exponent, top 4 mantissa bits), numbered in
 * ascending value order: negatives (reversed) below positives, `-0` in the bucket just below `+0`. Every bucket is a
 * contiguous interval of values, so counting values per bucket locates any rank, and a value's bucket bounds it.
 *
 * @param high - the high word of the value (`Uint32Array` view, index `2 i + 1` on little-endian machines)
 * @returns the bucket, 0 to 65535
 * @example
 * ```ts
 * const hi = new Uint32Array(Float64Array.of(-1, 1).buffer);
 * float64Prefix(hi[1]) < float64Prefix(hi[3]); // true
 * ```
 */
export function float64Prefix(high: number): number {
  return (high & 0x80000000) !== 0 ? (~high >>> 16) & 0x7fff : (high >>> 16) | 0x8000;
}
