import { durbinMatrixCdf, pomeranzCdf } from './kolmogorov-exact.js';

const PI_SQUARED = Math.PI ** 2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * The survival function of the one-sided one-sample Kolmogorov–Smirnov statistic, P(D+_n >= x), by the exact
 * Birnbaum–Tingey sum.
 *
 * @remarks
 * `x Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (1 − x − j/n)^{n−j} (x + j/n)^{j−1}`, each term in log space (log C(n, j) built up
 * step by step); the sum stops once the terms, past their peak, fall below 1e-18 of it. O(n) at worst.
 *
 * @param n - sample size
 * @param x - the statistic, in [0, 1]
 * @returns the probability
 * @example
 * ```ts
 * smirnovSf(10, 0.3);
 * ```
 * @see scipy.special.smirnov
 */
export function smirnovSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const last = Math.floor(n * (1 - x));
  let logBinomial = 0;
  let sum = 0;
  let peaked = false;
  let previous = -Infinity;
  for (let j = 0; j <= last; j++) {
    if (j > 0) logBinomial += Math.log((n - j + 1) / j);
    const rest = 1 - x - j / n;
    if (rest <= 0 && n - j > 0) break;
    const logTerm = logBinomial + (n - j) * Math.log(rest) + (j - 1) * Math.log(x + j / n);
    const term = Math.exp(logTerm);
    sum += term;
    if (logTerm < previous) peaked = true;
    previous = logTerm;
    if (peaked && term < sum * 1e-18) break;
  }
  return Math.min(1, Math.max(0, x * sum));
}

/**
 * The survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, P(D_n >= x): what
 * `scipy.stats.kstwo.sf(x, n)` computes, and what `ks_2samp(method='asymp')` evaluates at n = round(m·n/(m+n)).
 *
 * @remarks
 * Follows scipy's `_kolmogn` (Simard & L'Ecuyer 2011) case by case: the Ruben–Gambino closed forms at the ends,
 * `2·smirnov(n, x)` for x ≥ 0.5, and then for n ≤ 140 the Durbin matrix (n·x² ≤ 0.754693), Pomeranz's recursion
 * (n·x² ≤ 4) or 2·smirnov; for larger n, 0 when n·x² ≥ 370, 2·smirnov when n·x² ≥ 2.2, the Durbin matrix when
 * n ≤ 100,000 and n·x^1.5 ≤ 1.4, else the Pelz–Good expansion. Same algorithms, same branches: scipy's values to
 * ~1e-9 relative.
 *
 * @param n - the (effective) sample size, a positive integer
 * @param x - the statistic
 * @returns the p-value
 * @example
 * ```ts
 * import { kolmogorovSf } from '@modelperf/core';
 * console.log(kolmogorovSf(500, 0.1).toPrecision(6)); // 0.0000834229
 * ```
 * @see scipy.stats.kstwo
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!(n >= 1) || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let logCdf = n * Math.log(2 * t - 1);
    for (let k = 1; k <= n; k++) logCdf += Math.log(k / n);
    return 1 - Math.exp(logCdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip(1 - durbinMatrixCdf(n, x));
    if (nxSquared <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip(2 * smirnovSf(n, x));
  if (n <= 100_000 && n * x ** 1.5 <= 1.4) return clip(1 - durbinMatrixCdf(n, x));
  return clip(1 - pelzGoodCdf(n, x));
}

function clip(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** Pelz–Good (1976) approximation of P(D_n <= x), as scipy's `_kolmogn_PelzGood`. */
function pelzGoodCdf(n: number, x: number): number {
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_SQUARED ** 2 * (1 - 2 * z2)) / 16;
  const k3d = (PI_SQUARED ** 3 * (5 - 30 * z2)) / 64;
  const k3c = (PI_SQUARED ** 2 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const k = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let j = maxk; j > 0; j--) {
    const m = 2 * j - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = q ** (8 * j);
    k[0] = k[0] * qpower + 1;
    k[1] = k[1] * qpower + k1a + k1b * m2;
    k[2] = k[2] * qpower + k2a + k2b * m2 + k2c * m4;
    k[3] = k[3] * qpower + k3a + k3b * m2 + k3c * m4 + k3d * m6;
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) k[i] = (k[i] * q * SQRT_2PI) / divisors[i];
  q = Math.exp(-PI_SQUARED / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let j = maxk; j > 0; j--) {
    const j2 = j * j;
    const qp = q ** j2;
    k2extra += j2 * qp;
    k3extra += (sqrt3z + Math.PI * j) * (sqrt3z - Math.PI * j) * j2 * qp;
  }
  k[2] += (k2extra * PI_SQUARED * SQRT_2PI) / (-36 * z ** 3);
  k[3] += (k3extra * PI_SQUARED * SQRT_2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += k[i] / n ** (i / 2);
  return sum;
}
