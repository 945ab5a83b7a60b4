import type { ColumnValues } from './column-values.js';

// Tokens of the two independent 32-bit lanes (SHA-256's initial hash words: arbitrary, well-mixed bits); the
// multipliers in the code are murmur3's and the golden ratio's.
const NULL_1 = 0x6a09e667;
const NULL_2 = 0xbb67ae85;
const STRING_1 = 0x3c6ef372;
const STRING_2 = 0xa54ff53a;

/**
 * murmur3's 32-bit finaliser: every input bit affects every output bit.
 * @param h - a 32-bit integer
 * @returns its mixed value, unsigned
 * @example
 * ```ts
 * fmix32(1); // 1364076727
 * ```
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Two 32-bit hashes of a string (of its UTF-16 code units), tagged so that no string hashes like a number.
 * @param text - the string
 * @returns the two lanes
 * @example
 * ```ts
 * const [a, b] = hashString('paris'); // two 32-bit lanes
 * ```
 */
export function hashString(text: string): [number, number] {
  let a = STRING_1;
  let b = STRING_2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) - b + c, 0x9e3779b1) ^ (b >>> 15);
  }
  return [fmix32(a ^ text.length), fmix32(b + Math.imul(text.length, 0x27d4eb2f))];
}

/**
 * Mixes one column of a batch into the running per-row hashes `h1`/`h2` (two lanes: a 64-bit hash per row).
 *
 * @remarks
 * Values hash by what they are, not by their Arrow type, so that splits read with slightly different types agree:
 * every number (Int8..Int64, Uint*, Float16/32/64, Decimal, dictionaries of numbers) hashes as its float64 value
 * (`-0` as `0`; Int64 beyond 2^53 loses its low bits; a Float32 `0.1` is not the Float64 `0.1`), booleans as 0/1
 * (so a Bool column matches an integer 0/1 column), strings (Utf8, LargeUtf8, Dictionary<Utf8>) by their text with a
 * tag that keeps `"1"` apart from `1`, and null, NaN and an absent column (`column` null) as one null token.
 * Dates and timestamps hash as their millisecond numbers.
 *
 * @param h1 - first lane, one entry per row; updated in place
 * @param h2 - second lane; updated in place
 * @param values - the batch's column as {@link columnValues} reads it, or null when the split lacks the column
 * @example
 * ```ts
 * const h1 = new Uint32Array(batch.numRows), h2 = new Uint32Array(batch.numRows);
 * for (const name of features) mixColumnHashes(h1, h2, columnValues(batch.getChild(name)!, name));
 * ```
 */
export function mixColumnHashes(h1: Uint32Array, h2: Uint32Array, values: ColumnValues | null): void {
  const n = h1.length;
  if (values === null) {
    for (let i = 0; i < n; i++) mix(h1, h2, i, NULL_1, NULL_2);
    return;
  }
  if (values.kind === 'categorical') {
    const classA = new Uint32Array(values.classes.length);
    const classB = new Uint32Array(values.classes.length);
    values.classes.forEach((c, k) => {
      [classA[k], classB[k]] = values.boolean ? hashNumber(c === 'true' ? 1 : 0) : hashString(c);
    });
    const codes = values.codes;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      if (code < 0) mix(h1, h2, i, NULL_1, NULL_2);
      else mix(h1, h2, i, classA[code], classB[code]);
    }
    return;
  }
  // The float64 bits are read through a 32-bit view of the values (a Float32Array is widened first).
  const v = values.values instanceof Float64Array ? values.values : Float64Array.from(values.values);
  const bits = new Uint32Array(v.buffer, v.byteOffset, v.length * 2);
  const [zeroA, zeroB] = hashNumber(0);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x !== x) mix(h1, h2, i, NULL_1, NULL_2);
    else if (x === 0) mix(h1, h2, i, zeroA, zeroB); // -0 and +0 alike
    else {
      const lo = bits[2 * i];
      const hi = bits[2 * i + 1];
      mix(h1, h2, i, fmix32(lo ^ Math.imul(hi, 0x9e3779b1)), fmix32(hi ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b)));
    }
  }
}

/** Folds one value's two lanes into row i's running hashes. */
function mix(h1: Uint32Array, h2: Uint32Array, i: number, a: number, b: number): void {
  h1[i] = fmix32(Math.imul(h1[i] ^ a, 0xcc9e2d51) + 0xe6546b64);
  h2[i] = fmix32(Math.imul(h2[i] + b, 0x1b873593) ^ 0x85ebca6b);
}

function hashNumber(x: number): [number, number] {
  const f = Float64Array.of(x + 0);
  const bits = new Uint32Array(f.buffer);
  return [fmix32(bits[0] ^ Math.imul(bits[1], 0x9e3779b1)), fmix32(bits[1] ^ Math.imul(bits[0] + 0x7f4a7c15, 0x85ebca6b))];
}
