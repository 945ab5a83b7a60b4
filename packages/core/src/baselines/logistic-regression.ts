import { ValidationError } from '../errors.js';
import type { LoadedTfjs } from '../kernels/tfjs/load-tfjs.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { DesignMatrix } from './design-matrix.js';
import { logisticObjective, sigmoid } from './logistic-objective.js';
import { logisticObjectiveTfjs } from './logistic-objective-tfjs.js';
import { lbfgsMinimize } from './lbfgs-minimize.js';
import { newtonMinimize, type NewtonStatus } from './newton-minimize.js';

/** Default L2 penalty: scikit-learn's default C = 1. */
export const DEFAULT_L2 = 1;
/** Above this many parameters (K'·(features + 1)) `auto` uses L-BFGS instead of Newton's O(n·size²) Hessians. */
export const NEWTON_MAX_PARAMETERS = 200;
/**
 * Above this n·size² (multiply-adds per Hessian, ~10 s) `auto` uses L-BFGS too. Measured on 1e5 rows × 30 features,
 * 5 classes (155 parameters, 2.4e9 per Hessian): Newton 11 iterations, L-BFGS ~250 (the multinomial is ill-conditioned
 * along the class-shift directions), so Newton stays the choice up to here.
 */
export const NEWTON_MAX_WORK = 1e10;

/** Options of {@link fitLogisticRegression}. */
export interface LogisticOptions {
  /** Number of classes K ≥ 2; codes in `y` are 0..K-1. */
  classes: number;
  /** L2 penalty on the coefficients, = 1/C of scikit-learn (default 1; 0 = none). */
  l2?: number;
  /** `newton` (exact Hessian, few parameters), `lbfgs` (gradients only, many) or `auto` (default, by size). */
  solver?: 'auto' | 'newton' | 'lbfgs';
  /** Iterations at most (default 100 for Newton, 1000 for L-BFGS). */
  maxIter?: number;
  /** Convergence: largest gradient entry of the mean objective (default 1e-10; 1e-5 at least with tfjs). */
  tol?: number;
  /** `js`: float64 host arithmetic (default); `tfjs`: the per-row work as float32 tensor ops, the solve in float64. */
  backend?: 'js' | 'tfjs';
  /** The TensorFlow.js runtime for `backend: 'tfjs'` (`await loadTfjs()`). */
  tfjs?: LoadedTfjs;
}

/** Why a fit stopped; only `converged` means the optimum was reached. */
export type LogisticStatus = NewtonStatus | 'separated';

/** A fitted logistic regression. */
export interface LogisticModel {
  readonly kind: 'logistic';
  /** K. */
  readonly classes: number;
  /** Coefficients, row-major: 1 row (binary, the positive class) or K rows (multinomial) of `features` values. */
  readonly coef: Float64Array;
  /** Intercepts: 1 (binary) or K (multinomial, summing to 0). */
  readonly intercept: Float64Array;
  /** Number of design-matrix columns. */
  readonly features: number;
  readonly l2: number;
  readonly converged: boolean;
  readonly status: LogisticStatus;
  readonly iterations: number;
  readonly solver: 'newton' | 'lbfgs';
  /** Penalised mean log-loss at the solution. */
  readonly objective: number;
  /** Largest absolute gradient entry at the solution. */
  readonly gradientMax: number;
  readonly backend: 'js' | 'tfjs';
  /** Non-convergence, separation, a singular Hessian, more features than rows. */
  readonly warnings: ReportWarning[];
}

/**
 * Fits an L2-penalised logistic regression (binary, or multinomial for K > 2) by Newton's method on the exact
 * objective of scikit-learn's `LogisticRegression(C = 1/l2)`.
 *
 * @remarks
 * Minimises (1/n) Σ logloss + (l2/2n)‖W‖², the intercept unpenalised (see {@link logisticObjective}). Newton with
 * backtracking converges quadratically, so the coefficients match scikit-learn's lbfgs run to a tight tolerance;
 * beyond {@link NEWTON_MAX_PARAMETERS} parameters, or {@link NEWTON_MAX_WORK} multiply-adds per Hessian, L-BFGS
 * (gradients only) runs to the same gradient tolerance.
 * Without a penalty on (quasi-)separable data the optimum is at infinity: the fit stops (iteration cap, or the
 * rounding floor of the objective) and reports `converged: false`, status `separated` when every training row is
 * fitted with probability > 1 - 1e-6 for its class, and a warning suggesting `--l2`. It never loops forever.
 *
 * @param x - the design matrix (standardised features)
 * @param y - class codes 0..K-1, one per row; every class must occur
 * @param options - classes, penalty, tolerances, backend
 * @returns the model with its convergence status
 * @throws ValidationError for bad options, codes out of range, a class with no rows, or too few rows
 * @example
 * ```ts
 * import { fitLogisticRegression } from '@modelperf/core';
 * const x = { rows: 6, cols: 1, data: Float64Array.of(-2, -1, 0, 1, 2, 3), names: ['x'] };
 * const model = fitLogisticRegression(x, Int32Array.of(0, 0, 1, 0, 1, 1), { classes: 2, l2: 1 });
 * console.log(model.status, model.coef[0].toFixed(4), model.intercept[0].toFixed(4)); // converged 0.7671 -0.3835
 * ```
 * @see sklearn.linear_model.LogisticRegression
 */
export function fitLogisticRegression(x: DesignMatrix, y: Int32Array, options: LogisticOptions): LogisticModel {
  const { classes } = options;
  const l2 = options.l2 ?? DEFAULT_L2;
  const backend = options.backend ?? 'js';
  if (!Number.isSafeInteger(classes) || classes < 2) throw new ValidationError('invalid_argument', `classes must be an integer ≥ 2, got ${classes}.`);
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new ValidationError('invalid_argument', `l2 must be a finite number ≥ 0, got ${l2}.`);
  if (y.length !== x.rows) throw new ValidationError('length_mismatch', `y has ${y.length} values but the design matrix has ${x.rows} rows.`);
  const counts = new Float64Array(classes);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!(c >= 0 && c < classes)) throw new ValidationError('invalid_input', `Class code ${c} at row ${i} is outside 0..${classes - 1}.`);
    counts[c]++;
  }
  const empty = counts.findIndex((c) => c === 0);
  if (empty >= 0) {
    throw new ValidationError('invalid_input', `Class ${empty} has no training rows; a classifier needs rows of every class (the label has ${counts.filter((c) => c > 0).length} class(es) here).`);
  }
  const warnings: ReportWarning[] = [];
  if (x.cols >= x.rows) {
    warnings.push({
      code: 'more_features_than_rows',
      message: `The design matrix has ${x.cols} columns for ${x.rows} rows; the fit is determined by the penalty${l2 === 0 ? ' and has none: the data are separable, set --l2 > 0' : ''}.`,
    });
  }
  let objective;
  let tol = options.tol ?? 1e-10;
  if (backend === 'tfjs') {
    if (options.tfjs === undefined) throw new ValidationError('invalid_argument', "backend 'tfjs' needs the runtime: pass { tfjs: await loadTfjs() }.");
    objective = logisticObjectiveTfjs(options.tfjs, x, y, classes, l2);
    tol = Math.max(tol, 1e-5);
  } else if (backend === 'js') {
    objective = logisticObjective(x, y, classes, l2);
  } else {
    throw new ValidationError('invalid_argument', `Unknown backend "${String(backend)}"; expected js or tfjs.`);
  }
  const requested = options.solver ?? 'auto';
  if (requested !== 'auto' && requested !== 'newton' && requested !== 'lbfgs') {
    objective.dispose?.();
    throw new ValidationError('invalid_argument', `Unknown solver "${String(requested)}"; expected auto, newton or lbfgs.`);
  }
  const newtonFits = objective.size <= NEWTON_MAX_PARAMETERS && x.rows * objective.size * objective.size <= NEWTON_MAX_WORK;
  const solver = requested === 'auto' ? (newtonFits ? 'newton' : 'lbfgs') : requested;
  const maxIter = options.maxIter ?? (solver === 'newton' ? 100 : 1000);
  if (!Number.isSafeInteger(maxIter) || maxIter < 1) {
    objective.dispose?.();
    throw new ValidationError('invalid_argument', `maxIter must be a positive integer, got ${maxIter}.`);
  }
  let result;
  try {
    const start = new Float64Array(objective.size);
    result = solver === 'newton'
      ? newtonMinimize(objective, start, { tol, stepTol: backend === 'tfjs' ? 1e-4 : 1e-8, maxIter })
      : lbfgsMinimize(objective, start, { tol, maxIter });
  } finally {
    objective.dispose?.();
  }
  const rows = classes === 2 ? 1 : classes;
  const p = x.cols;
  const coef = new Float64Array(rows * p);
  const intercept = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    coef.set(result.theta.subarray(k * (p + 1), k * (p + 1) + p), k * p);
    intercept[k] = result.theta[k * (p + 1) + p];
  }
  const model = { kind: 'logistic' as const, classes, coef, intercept, features: p, l2 };
  let status: LogisticStatus = result.status;
  if (l2 === 0 && separates(model, x, y)) status = 'separated';
  const converged = status === 'converged';
  if (!converged) {
    const why = status === 'separated' || (l2 === 0 && status !== 'not_finite')
      ? 'the classes look (quasi-)separable, so without a penalty the coefficients grow without bound; set --l2 > 0 (e.g. 1)'
      : status === 'max_iter' ? `it hit the cap of ${maxIter} iterations; raise it or increase --l2` : 'no step decreased the objective; increase --l2 or check the features for extreme values';
    warnings.push({ code: 'not_converged', message: `Logistic regression did not converge (${status} after ${result.iterations} iterations): ${why}.` });
  }
  if (result.regularised && converged) {
    warnings.push({ code: 'singular_hessian', message: 'The Hessian was singular (collinear features without a penalty); a tiny ridge was added to step, the coefficients are one of many equal solutions.' });
  }
  return {
    ...model, converged, status, iterations: result.iterations, solver, objective: result.value, gradientMax: result.gradientMax, backend, warnings,
  };
}

/** Whether every training row gets probability > 1 - 1e-6 for its own class. */
function separates(model: Pick<LogisticModel, 'classes' | 'coef' | 'intercept' | 'features'>, x: DesignMatrix, y: Int32Array): boolean {
  const proba = predictLogistic(model, x);
  const k = model.classes;
  for (let i = 0; i < y.length; i++) if (!(proba[i * k + y[i]] > 1 - 1e-6)) return false;
  return true;
}

/**
 * Class probabilities of a logistic model.
 * @param model - a fitted model (only `classes`, `coef`, `intercept`, `features` are read)
 * @param x - a design matrix from the same preprocessor
 * @returns rows × K probabilities, row-major (binary: [1 - p, p])
 * @throws ValidationError when the matrix has a different number of columns
 * @example
 * ```ts
 * import { fitLogisticRegression, predictLogistic } from '@modelperf/core';
 * const x = { rows: 6, cols: 1, data: Float64Array.of(-2, -1, 0, 1, 2, 3), names: ['x'] };
 * const model = fitLogisticRegression(x, Int32Array.of(0, 0, 1, 0, 1, 1), { classes: 2 });
 * const proba = predictLogistic(model, { rows: 2, cols: 1, data: Float64Array.of(-1, 2), names: ['x'] });
 * console.log(Array.from(proba, (p) => p.toFixed(3)).join(' ')); // 0.760 0.240 0.240 0.760
 * ```
 * @see sklearn.linear_model.LogisticRegression.predict_proba
 */
export function predictLogistic(model: Pick<LogisticModel, 'classes' | 'coef' | 'intercept' | 'features'>, x: DesignMatrix): Float64Array {
  const { classes: k, coef, intercept, features: p } = model;
  if (x.cols !== p) throw new ValidationError('invalid_argument', `The model has ${p} features but the design matrix has ${x.cols} columns.`);
  const out = new Float64Array(x.rows * k);
  const data = x.data;
  const rows = k === 2 ? 1 : k;
  const eta = new Float64Array(rows);
  for (let i = 0, at = 0; i < x.rows; i++, at += p) {
    let max = -Infinity;
    for (let r = 0; r < rows; r++) {
      let s = intercept[r];
      for (let j = 0; j < p; j++) s += data[at + j] * coef[r * p + j];
      eta[r] = s;
      if (s > max) max = s;
    }
    if (k === 2) {
      const prob = sigmoid(eta[0]);
      out[i * 2] = 1 - prob;
      out[i * 2 + 1] = prob;
      continue;
    }
    let sum = 0;
    for (let r = 0; r < k; r++) sum += (eta[r] = Math.exp(eta[r] - max));
    for (let r = 0; r < k; r++) out[i * k + r] = eta[r] / sum;
  }
  return out;
}
