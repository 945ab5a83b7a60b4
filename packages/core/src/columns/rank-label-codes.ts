/**
 * Turns provisional label codes (indices into `values`, in first-seen or any order; -1 for null) into final codes
 * whose classes are sorted and hold only the values that occur. Rewrites `codes` in place.
 *
 * @param codes - provisional codes, -1 for null; rewritten
 * @param values - the value of each provisional code
 * @param compare - the sort order of the classes
 * @returns the sorted distinct classes; `codes[i]` then indexes them
 * @example
 * ```ts
 * const codes = Int32Array.of(0, 1, 0, -1);
 * rankLabelCodes(codes, ['b', 'a'], compareCodePoints); // ['a', 'b']; codes is now [1, 0, 1, -1]
 * ```
 */
export function rankLabelCodes<T>(codes: Int32Array, values: readonly T[], compare: (a: T, b: T) => number): T[] {
  const present = new Uint8Array(values.length);
  for (let i = 0, n = codes.length; i < n; i++) {
    const code = codes[i];
    if (code >= 0) present[code] = 1;
  }
  const order: number[] = [];
  for (let k = 0; k < values.length; k++) if (present[k] === 1) order.push(k);
  order.sort((x, y) => compare(values[x], values[y]));
  const remap = new Int32Array(values.length).fill(-1);
  order.forEach((k, rank) => {
    remap[k] = rank;
  });
  for (let i = 0, n = codes.length; i < n; i++) {
    const code = codes[i];
    if (code >= 0) codes[i] = remap[code];
  }
  return order.map((k) => values[k]);
}
