import { ValidationError } from '../errors.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { LoadedTfjs } from '../kernels/tfjs/load-tfjs.js';
import { choleskySolve } from './cholesky-solve.js';
import { ridgeGramProductTfjs } from './ridge-gram-product-tfjs.js';
import type { DesignMatrix } from './design-matrix.js';

/** Default ridge penalty: scikit-learn's `Ridge()` default alpha = 1. */
export const DEFAULT_RIDGE_L2 = 1;
/** Above this many features `auto` uses conjugate gradients instead of forming the p×p normal equations. */
export const RIDGE_CHOLESKY_MAX_FEATURES = 500;

/** Options of {@link fitRidge}. */
export interface RidgeOptions {
  /** The penalty alpha on ‖w‖² (scikit-learn's `Ridge(alpha)`; default 1; 0 = least squares). */
  l2?: number;
  /** `cholesky`: normal equations in float64; `cg`: conjugate gradients, matrix-free; `auto` (default) by size. */
  solver?: 'auto' | 'cholesky' | 'cg';
  /** CG: stop when ‖residual‖ ≤ tol·‖Xᵀy‖ (default 1e-12). */
  tol?: number;
  /** CG: iterations at most (default max(1000, 2p)). */
  maxIter?: number;
  /** `js` (default): float64 host arithmetic; `tfjs`: CG whose products X·v and Xᵀ·u are float32 tensor ops. */
  backend?: 'js' | 'tfjs';
  /** The TensorFlow.js runtime for `backend: 'tfjs'` (`await loadTfjs()`). */
  tfjs?: LoadedTfjs;
}

/** A fitted linear (ridge) regression. */
export interface LinearModel {
  readonly kind: 'linear';
  readonly coef: Float64Array;
  readonly intercept: number;
  /** Number of design-matrix columns. */
  readonly features: number;
  readonly l2: number;
  readonly solver: 'cholesky' | 'cg';
  readonly converged: boolean;
  /** CG iterations (0 for Cholesky). */
  readonly iterations: number;
  readonly backend: 'js' | 'tfjs';
  readonly warnings: ReportWarning[];
}

/**
 * Fits a ridge regression: minimises ‖y - Xw - b‖² + l2‖w‖², the intercept unpenalised, as scikit-learn's `Ridge`.
 *
 * @remarks
 * The intercept is handled by centring X and y on their means: (XcᵀXc + l2·I) w = Xcᵀyc, b = ȳ - x̄ᵀw. With up to
 * {@link RIDGE_CHOLESKY_MAX_FEATURES} features the normal equations are formed and solved by Cholesky in float64;
 * beyond, or when they are singular (l2 = 0 with collinear features or more features than rows), conjugate
 * gradients on the same system from w = 0, which converge to the minimum-norm solution, with a warning. With
 * `backend: 'tfjs'` CG runs with the products X·v and Xᵀ·u as TensorFlow.js tensor ops (GPU when tfjs-node-gpu is
 * loaded), float32, to a residual of 1e-5 (the CG recurrences stay in float64 on the host).
 *
 * @param x - the design matrix
 * @param y - the targets, one per row (finite)
 * @param options - penalty and solver
 * @returns the model
 * @throws ValidationError for a bad penalty, a length mismatch, a non-finite target or no rows
 * @example
 * ```ts
 * import { fitRidge } from '@modelperf/core';
 * const x = { rows: 4, cols: 1, data: Float64Array.of(1, 2, 3, 4), names: ['x'] };
 * const ols = fitRidge(x, Float64Array.of(3, 5, 7, 9), { l2: 0 });
 * console.log(ols.coef[0].toFixed(6), ols.intercept.toFixed(6), ols.solver); // 2.000000 1.000000 cholesky
 * const ridge = fitRidge(x, Float64Array.of(3, 5, 7, 9), { l2: 1 });
 * console.log(ridge.coef[0].toFixed(4), ridge.intercept.toFixed(4)); // 1.6667 1.8333
 * ```
 * @see sklearn.linear_model.Ridge
 */
export function fitRidge(x: DesignMatrix, y: Float64Array, options: RidgeOptions = {}): LinearModel {
  const l2 = options.l2 ?? DEFAULT_RIDGE_L2;
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new ValidationError('invalid_argument', `l2 must be a finite number ≥ 0, got ${l2}.`);
  const { rows: n, cols: p, data } = x;
  if (y.length !== n) throw new ValidationError('length_mismatch', `y has ${y.length} values but the design matrix has ${n} rows.`);
  if (n === 0) throw new ValidationError('empty_input', 'Ridge regression needs at least one training row.');
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new ValidationError('invalid_input', `The target is ${y[i]} at training row ${i}; drop or fix that row.`);
  const warnings: ReportWarning[] = [];
  if (p >= n) {
    warnings.push({
      code: 'more_features_than_rows',
      message: `The design matrix has ${p} columns for ${n} rows; ${l2 > 0 ? 'the penalty picks the solution' : 'least squares has many exact solutions, the minimum-norm one is returned (set --l2 > 0)'}.`,
    });
  }
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0, at = 0; i < n; i++, at += p) {
    yMean += y[i];
    for (let j = 0; j < p; j++) xMean[j] += data[at + j];
  }
  yMean /= n;
  for (let j = 0; j < p; j++) xMean[j] /= n;
  const rhs = new Float64Array(p);
  for (let i = 0, at = 0; i < n; i++, at += p) {
    const r = y[i] - yMean;
    for (let j = 0; j < p; j++) rhs[j] += (data[at + j] - xMean[j]) * r;
  }
  const backend = options.backend ?? 'js';
  if (backend === 'tfjs' && options.tfjs === undefined) throw new ValidationError('invalid_argument', "backend 'tfjs' needs the runtime: pass { tfjs: await loadTfjs() }.");
  if (backend !== 'js' && backend !== 'tfjs') throw new ValidationError('invalid_argument', `Unknown backend "${String(backend)}"; expected js or tfjs.`);
  const solver = options.solver ?? 'auto';
  let coef: Float64Array | undefined;
  let used: 'cholesky' | 'cg' = 'cg';
  let iterations = 0;
  let converged = true;
  if (backend === 'js' && (solver === 'cholesky' || (solver === 'auto' && p <= RIDGE_CHOLESKY_MAX_FEATURES))) {
    coef = choleskySolve(centredGram(x, xMean, l2), rhs, p);
    used = 'cholesky';
    if (coef === undefined) {
      warnings.push({ code: 'singular_gram', message: 'XᵀX is singular (collinear features without a penalty); conjugate gradients give the minimum-norm solution instead.' });
    }
  } else if (solver !== 'cg' && solver !== 'auto') {
    throw new ValidationError('invalid_argument', `Unknown solver "${String(solver)}"; expected auto, cholesky or cg.`);
  }
  if (coef === undefined) {
    const maxIter = options.maxIter ?? Math.max(1000, 2 * p);
    if (backend === 'tfjs') {
      // float32 products leave a residual floor near 1e-6 of ‖Xᵀy‖; ask for no more than that.
      const product = ridgeGramProductTfjs(options.tfjs as LoadedTfjs, x, xMean, l2);
      try {
        ({ coef, iterations, converged } = conjugateGradient(product.apply, rhs, Math.max(options.tol ?? 1e-12, 1e-5), maxIter));
      } finally {
        product.dispose();
      }
    } else {
      ({ coef, iterations, converged } = conjugateGradient(gramProduct(x, xMean, l2), rhs, options.tol ?? 1e-12, maxIter));
    }
    used = 'cg';
    if (!converged) warnings.push({ code: 'not_converged', message: `Conjugate gradients stopped after ${iterations} iterations short of the tolerance; raise --l2 to condition the problem.` });
  }
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= xMean[j] * coef[j];
  return { kind: 'linear', coef, intercept, features: p, l2, solver: used, converged, iterations, backend, warnings };
}

/** (X - x̄)ᵀ(X - x̄) + l2·I, lower triangle filled (Cholesky reads only it). */
function centredGram(x: DesignMatrix, mean: Float64Array, l2: number): Float64Array {
  const { rows: n, cols: p, data } = x;
  const gram = new Float64Array(p * p);
  const centred = new Float64Array(p);
  for (let i = 0, at = 0; i < n; i++, at += p) {
    for (let j = 0; j < p; j++) centred[j] = data[at + j] - mean[j];
    for (let j = 0; j < p; j++) {
      const v = centred[j];
      if (v === 0) continue;
      const row = j * p;
      for (let k = 0; k <= j; k++) gram[row + k] += v * centred[k];
    }
  }
  for (let j = 0; j < p; j++) gram[j * p + j] += l2;
  return gram;
}

/** v ↦ (XcᵀXc + l2·I) v through X, never forming XᵀX. */
function gramProduct(x: DesignMatrix, mean: Float64Array, l2: number): (v: Float64Array, out: Float64Array) => void {
  const { rows: n, cols: p, data } = x;
  return (v: Float64Array, out: Float64Array): void => {
    let shift = 0;
    for (let j = 0; j < p; j++) shift += mean[j] * v[j];
    out.fill(0);
    for (let i = 0, at = 0; i < n; i++, at += p) {
      let s = -shift;
      for (let j = 0; j < p; j++) s += data[at + j] * v[j];
      for (let j = 0; j < p; j++) out[j] += (data[at + j] - mean[j]) * s;
    }
    for (let j = 0; j < p; j++) out[j] += l2 * v[j];
  };
}

/** CG on A w = b for the symmetric positive (semi-)definite A that `apply` multiplies by, from w = 0. */
function conjugateGradient(apply: (v: Float64Array, out: Float64Array) => void, b: Float64Array, tol: number, maxIter: number) {
  const p = b.length;
  const w = new Float64Array(p);
  const r = Float64Array.from(b);
  const d = Float64Array.from(b);
  const ad = new Float64Array(p);
  let rr = dot(r, r);
  const stop = tol * tol * Math.max(rr, Number.MIN_VALUE);
  let iterations = 0;
  while (rr > stop && iterations < maxIter) {
    apply(d, ad);
    const dad = dot(d, ad);
    if (!(dad > 0)) break;
    const alpha = rr / dad;
    for (let j = 0; j < p; j++) {
      w[j] += alpha * d[j];
      r[j] -= alpha * ad[j];
    }
    const next = dot(r, r);
    for (let j = 0; j < p; j++) d[j] = r[j] + (next / rr) * d[j];
    rr = next;
    iterations++;
  }
  return { coef: w, iterations, converged: rr <= stop };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Predictions of a linear model: Xw + b.
 * @param model - a fitted model
 * @param x - a design matrix from the same preprocessor
 * @returns one prediction per row
 * @throws ValidationError when the matrix has a different number of columns
 * @example
 * ```ts
 * import { fitRidge, predictLinear } from '@modelperf/core';
 * const x = { rows: 4, cols: 1, data: Float64Array.of(1, 2, 3, 4), names: ['x'] };
 * const model = fitRidge(x, Float64Array.of(3, 5, 7, 9), { l2: 0 });
 * const yhat = predictLinear(model, { rows: 1, cols: 1, data: Float64Array.of(5), names: ['x'] });
 * console.log(yhat[0].toFixed(6)); // 11.000000
 * ```
 * @see sklearn.linear_model.Ridge.predict
 */
export function predictLinear(model: Pick<LinearModel, 'coef' | 'intercept' | 'features'>, x: DesignMatrix): Float64Array {
  if (x.cols !== model.features) throw new ValidationError('invalid_argument', `The model has ${model.features} features but the design matrix has ${x.cols} columns.`);
  const { rows: n, cols: p, data } = x;
  const out = new Float64Array(n);
  for (let i = 0, at = 0; i < n; i++, at += p) {
    let s = model.intercept;
    for (let j = 0; j < p; j++) s += data[at + j] * model.coef[j];
    out[i] = s;
  }
  return out;
}
