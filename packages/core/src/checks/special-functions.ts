// Special functions for the p-values of the drift checks. No maintained JS library in the workspace provides them
// (vega-statistics has none); these are the textbook algorithms, checked against scipy in the tests.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * The natural logarithm of the gamma function for x > 0 (Lanczos, g = 7; relative error ~1e-15).
 * @param x - a positive number
 * @returns ln Γ(x)
 * @example
 * ```ts
 * logGamma(5); // ln 24
 * ```
 * @see scipy.special.gammaln
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
 *
 * @remarks
 * Series for x < a + 1, Lentz's continued fraction otherwise (Numerical Recipes §6.2), to 1e-15 relative.
 * The chi-square survival function is `Q(dof / 2, statistic / 2)`.
 *
 * @param a - shape, > 0
 * @param x - >= 0
 * @returns Q(a, x) in [0, 1]
 * @example
 * ```ts
 * regularizedGammaQ(1, 2); // e^-2
 * ```
 * @see scipy.special.gammaincc
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/**
 * The chi-square distribution's survival function P(X > statistic).
 * @param statistic - the chi-square statistic
 * @param dof - degrees of freedom (> 0)
 * @returns the p-value
 * @example
 * ```ts
 * import { chiSquareSf } from '@modelperf/core';
 * console.log(chiSquareSf(3.841458820694124, 1).toFixed(6)); // 0.050000
 * ```
 * @see scipy.stats.chi2.sf
 */
export function chiSquareSf(statistic: number, dof: number): number {
  return regularizedGammaQ(dof / 2, statistic / 2);
}
