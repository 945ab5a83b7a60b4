/**
 * Solves `A x = b` for a symmetric positive-definite `A` by Cholesky factorisation, in float64.
 *
 * @remarks
 * `A = L Lᵀ` (lower triangular `L`), then forward and back substitution. Cost O(d³/3) for the factorisation; the
 * baselines call it on Hessians and Gram matrices of at most a few hundred rows/columns. When a pivot is not
 * positive (A singular or indefinite up to rounding) it returns `undefined` instead of a wrong answer, so callers can
 * add a ridge or report the problem.
 *
 * @param a - the d×d matrix, row-major; only its lower triangle is read; not modified
 * @param b - the right-hand side (length d); not modified
 * @param d - the dimension
 * @returns x, or undefined when a pivot is ≤ `1e-13 · max diagonal`
 * @example
 * ```ts
 * choleskySolve(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2); // Float64Array [0.5, 0]
 * ```
 * @see scipy.linalg.cho_solve
 */
export function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array | undefined {
  const l = new Float64Array(d * d);
  let maxDiagonal = 0;
  for (let i = 0; i < d; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * d + i]));
  const floor = 1e-13 * maxDiagonal;
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j];
    const rowJ = j * d;
    for (let k = 0; k < j; k++) s -= l[rowJ + k] * l[rowJ + k];
    if (!(s > floor)) return undefined;
    const ljj = Math.sqrt(s);
    l[rowJ + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      const rowI = i * d;
      let t = a[rowI + j];
      for (let k = 0; k < j; k++) t -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = t / ljj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * x[k];
    x[i] = s / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
    x[i] = s / l[i * d + i];
  }
  return x;
}
