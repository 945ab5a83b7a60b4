/** ln 2 split as in fdlibm: `ln2High` has 32 trailing zero bits, so `k * ln2High` is exact for |k| < 2^20. */
const ln2High = 6.93147180369123816490e-1;
const ln2Low = 1.90821492927058770002e-10;

/**
 * `exp(x)` computed with IEEE 754 basic operations only, so that it gives the same bits on every platform and engine.
 *
 * @remarks
 * ECMAScript lets `Math.exp` be "implementation-approximated": its last bits may differ between engines, versions or
 * CPUs (the C++ behind it may be compiled with fused multiply-add), and one different ulp in a generator constant
 * changes every generated score. `+ - * /` and `Math.round` are exactly specified, so this version reduces
 * `x = k ln2 + r` with |r| <= ln2 / 2, sums the Taylor series of e^r to the 16th term (the rest is below 1e-20) and
 * scales by 2^k with exact doublings. Accurate to a few ulps; meant for generator constants, not for metrics.
 *
 * @param x - a finite number with `|x| <= 700`
 * @returns e^x, bit-identical on every platform
 * @example
 * ```ts
 * portableExp(1); // 2.718281828459045
 * ```
 */
export function portableExp(x: number): number {
  const k = Math.round(x / Math.LN2);
  const r = x - k * ln2High - k * ln2Low;
  // Horner form of 1 + r + r^2/2! + ... + r^16/16!.
  let sum = 1;
  for (let n = 16; n >= 1; n -= 1) sum = 1 + (r * sum) / n;
  const factor = k >= 0 ? 2 : 0.5;
  for (let i = Math.abs(k); i > 0; i -= 1) sum *= factor;
  return sum;
}
