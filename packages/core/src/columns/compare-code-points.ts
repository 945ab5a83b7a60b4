/**
 * Compares two strings by Unicode code point, as numpy sorts `str` arrays and as UTF-8 bytes compare. JS's default
 * `<` compares UTF-16 code units instead, which puts characters past U+FFFF (emoji, CJK extensions) before
 * U+E000..U+FFFF.
 *
 * @param a - first string
 * @param b - second string
 * @returns negative, zero or positive, for `Array.prototype.sort`
 * @example
 * ```ts
 * ['\u{1F600}', '\uFF21'].sort(compareCodePoints); // ['\uFF21', '\u{1F600}']
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF: lift them above U+E000..U+FFFF.
      return liftSurrogate(x) - liftSurrogate(y);
    }
  }
  return a.length - b.length;
}

function liftSurrogate(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
}
