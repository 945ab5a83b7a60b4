import type { ArrowColumn } from './arrow-column.js';
import { compareCodePoints } from './compare-code-points.js';
import { dictionaryIndices } from './dictionary-indices.js';
import type { LabelCodeParts } from './label-code-parts.js';
import { rankLabelCodes } from './rank-label-codes.js';

/**
 * Codes a Dictionary<Utf8> label column through its dictionary: each distinct dictionary is decoded once and rows
 * are mapped by index, so no string is decoded per row. Dictionary entries no row uses are not classes (as
 * numpy.unique sees only values); chunks with different dictionaries are merged by string value.
 *
 * @param column - a Dictionary column whose values are strings; not modified
 * @returns codes into the classes sorted by code point, with null count and first null row (a null index or a null
 * dictionary value)
 * @example
 * ```ts
 * dictionaryLabelCodes(vectorFromArray(['b', 'a'], new Dictionary(new Utf8(), new Int32()))).classes; // ['a', 'b']
 * ```
 */
export function dictionaryLabelCodes(column: ArrowColumn): LabelCodeParts<string> {
  const codes = new Int32Array(column.length);
  const ids = new Map<string, number>();
  const values: string[] = [];
  const remaps = new Map<ArrowColumn, Int32Array>();
  let at = 0;
  for (const data of column.data) {
    const dictionary = data.dictionary as ArrowColumn;
    let remap = remaps.get(dictionary);
    if (remap === undefined) {
      remap = new Int32Array(dictionary.length);
      let j = 0;
      for (const value of dictionary) {
        if (value === null || value === undefined) {
          remap[j++] = -1;
          continue;
        }
        const text = String(value);
        let id = ids.get(text);
        if (id === undefined) {
          id = values.length;
          ids.set(text, id);
          values.push(text);
        }
        remap[j++] = id;
      }
      remaps.set(dictionary, remap);
    }
    const indices = dictionaryIndices(data);
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0, n = data.length; i < n; i++) {
      if (bitmap !== undefined) {
        const bit = data.offset + i;
        if (bitmap.length === 0 || (bitmap[bit >> 3] & (1 << (bit & 7))) === 0) {
          codes[at + i] = -1;
          continue;
        }
      }
      const code = remap[indices[i]];
      codes[at + i] = code === undefined ? -1 : code;
    }
    at += data.length;
  }
  let nullCount = 0;
  let firstNullRow = -1;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0 && nullCount++ === 0) firstNullRow = i;
  }
  const classes = rankLabelCodes(codes, values, compareCodePoints);
  return { codes, classes, nullCount, firstNullRow };
}
