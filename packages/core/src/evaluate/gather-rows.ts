/** Typed arrays a row subset can be gathered from. */
export type GatherableArray = Float64Array | Float32Array | Int32Array | Uint8Array | Int8Array | Uint32Array;

/**
 * Copies the values at `indices` into a new array of the same type.
 * @param values - the column
 * @param indices - row positions to take, in order (may repeat, as in a bootstrap sample)
 * @returns the gathered values
 * @example
 * ```ts
 * gatherRows(Float64Array.of(1, 2, 3), Uint32Array.of(2, 0)); // Float64Array [3, 1]
 * ```
 */
export function gatherRows<T extends GatherableArray>(values: T, indices: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}
