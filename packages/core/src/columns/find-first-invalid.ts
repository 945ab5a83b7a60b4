/**
 * Finds the first NaN in a float array (null cells read through {@link toNumericArray} are NaN).
 *
 * @param values - the values; not modified
 * @returns the index of the first NaN, or -1 when there is none
 * @example
 * ```ts
 * findFirstInvalid(Float64Array.of(0.1, NaN, 0.3)); // 1
 * ```
 */
export function findFirstInvalid(values: Float64Array | Float32Array): number {
  for (let i = 0, n = values.length; i < n; i++) {
    const v = values[i];
    if (v !== v) return i;
  }
  return -1;
}
