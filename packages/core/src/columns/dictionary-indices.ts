import type { ArrowDataLike } from './arrow-column.js';

/**
 * A dictionary chunk's indices as an indexable array; 64-bit indices are read through their low int32 half
 * (a dictionary never has 2^31 entries).
 * @param data - a Dictionary chunk
 * @returns the indices, row by row (null rows hold arbitrary indices)
 * @example
 * ```ts
 * const indices = dictionaryIndices(vector.data[0]);
 * ```
 */
export function dictionaryIndices(data: ArrowDataLike): ArrayLike<number> {
  if (data.type.indices?.bitWidth === 64) {
    const wide = data.values as BigInt64Array;
    const halves = new Int32Array(wide.buffer, wide.byteOffset, data.length * 2);
    const low = new Int32Array(data.length);
    for (let i = 0; i < data.length; i++) low[i] = halves[2 * i];
    return low;
  }
  return data.values as ArrayLike<number>;
}
