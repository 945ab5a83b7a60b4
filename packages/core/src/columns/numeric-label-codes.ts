import type { LabelCodeParts } from './label-code-parts.js';

/** Typed arrays that hold numeric labels: float columns (NaN = null) and small-integer Arrow buffers. */
export type NumericLabelArray =
  | Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/** Largest span (max - min + 1) of integer labels coded through a direct-index table (1 byte + 4 bytes per slot). */
const DIRECT_INDEX_SPAN = 1 << 20;

/**
 * Codes numeric labels: classes sorted ascending (as numpy.unique), NaN counted as null (-1).
 *
 * @remarks
 * Integer labels whose span (max - min) is under 2^20 (the common 0/1, class ids, ratings) go through a
 * direct-index table: three linear passes, no hashing or search per row. Other labels (fractions, wide ranges) are
 * sorted once to find the distinct values, then each row is found by binary search. -0 and 0 are one class (0).
 *
 * @param values - the labels, NaN for null; not modified
 * @returns codes into the sorted classes, with null count and first null row
 * @example
 * ```ts
 * numericLabelCodes(Float64Array.of(2, 0, NaN, 2)).classes; // [0, 2]; codes [1, 0, -1, 1]
 * ```
 */
export function numericLabelCodes(values: NumericLabelArray): LabelCodeParts<number> {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  let nullCount = 0;
  let firstNullRow = -1;
  const integerArray = !(values instanceof Float64Array || values instanceof Float32Array);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      if (nullCount++ === 0) firstNullRow = i;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    // Integer buffers cannot hold fractions: skip the check (a third of this pass on 1e7 Int8 labels).
    if (!integerArray && integral && Math.floor(v) !== v) integral = false;
  }
  const codes = new Int32Array(n);
  if (nullCount === n) {
    codes.fill(-1);
    return { codes, classes: [], nullCount, firstNullRow };
  }
  const classes =
    integral && max - min < DIRECT_INDEX_SPAN ? codeByDirectIndex(values, min, max - min + 1, codes) : codeBySearch(values, n - nullCount, codes);
  return { codes, classes, nullCount, firstNullRow };
}

function codeByDirectIndex(values: NumericLabelArray, min: number, span: number, codes: Int32Array): number[] {
  const n = values.length;
  const present = new Uint8Array(span);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      codes[i] = -1;
    } else {
      const k = v - min;
      codes[i] = k;
      present[k] = 1;
    }
  }
  const remap = new Int32Array(span);
  const classes: number[] = [];
  for (let k = 0; k < span; k++) {
    if (present[k] === 1) {
      remap[k] = classes.length;
      classes.push(k + min + 0); // + 0 turns -0 into 0
    }
  }
  // Every value of the span occurs (0/1 labels, class ids 0..K-1): the offsets already are the codes.
  if (classes.length === span) return classes;
  for (let i = 0; i < n; i++) {
    const k = codes[i];
    if (k >= 0) codes[i] = remap[k];
  }
  return classes;
}

function codeBySearch(values: NumericLabelArray, valid: number, codes: Int32Array): number[] {
  const n = values.length;
  const sorted = new Float64Array(valid);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) sorted[m++] = v;
  }
  sorted.sort();
  const distinct: number[] = [];
  for (let k = 0; k < valid; k++) {
    const v = sorted[k];
    if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v + 0);
  }
  const table = Float64Array.from(distinct);
  const last = table.length - 1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return distinct;
}
