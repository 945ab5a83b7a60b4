import { choleskySolve } from './cholesky-solve.js';

/** A smooth convex objective with its derivatives: what {@link newtonMinimize} minimises. */
export interface SmoothObjective {
  /** Number of parameters. */
  readonly size: number;
  /** The objective at `theta`. */
  value(theta: Float64Array): number;
  /** Value, gradient and (row-major, size × size) Hessian at `theta`. */
  derivatives(theta: Float64Array): { value: number; gradient: Float64Array; hessian: Float64Array };
  /** Value and gradient only (what quasi-Newton methods need); O(n·size) instead of O(n·size²). */
  valueAndGradient(theta: Float64Array): { value: number; gradient: Float64Array };
  /** Frees resources held by the objective (tensors), if any. */
  dispose?(): void;
}

/** Why the minimisation stopped. */
export type NewtonStatus = 'converged' | 'max_iter' | 'line_search_failed' | 'not_finite';

/** The result of {@link newtonMinimize}. */
export interface NewtonResult {
  theta: Float64Array;
  value: number;
  /** Largest absolute gradient entry at `theta`. */
  gradientMax: number;
  iterations: number;
  status: NewtonStatus;
  /** Whether a ridge had to be added to a singular Hessian (collinear or separated data). */
  regularised: boolean;
}

/**
 * Minimises a smooth convex function by damped Newton steps: solve H d = -g (Cholesky, float64), then backtrack
 * (Armijo, c = 1e-4) along d.
 *
 * @remarks
 * Stops as `converged` when max|g| ≤ `tol` and the last step moved no parameter by more than `stepTol · (1 +
 * max|θ|)`, so that objectives whose infimum is not attained (separable data without a penalty) do not look
 * converged when their gradient fades; `max_iter` after `maxIter` steps; `line_search_failed` when no step decreases
 * the value (rounding floor) unless the gradient is below `sqrt(tol)` and the step below `sqrt(stepTol)` (relative). A Hessian that is not positive definite gets
 * a growing ridge μI (μ from 1e-10 of its largest diagonal), and `regularised` says so.
 *
 * @param objective - the function and its derivatives
 * @param start - the starting point (copied)
 * @param options - tolerances and the iteration cap
 * @returns the minimiser found, how far it got and why it stopped
 * @example
 * ```ts
 * const r = newtonMinimize(objective, new Float64Array(objective.size), { tol: 1e-10, stepTol: 1e-8, maxIter: 100 });
 * ```
 */
export function newtonMinimize(
  objective: SmoothObjective, start: Float64Array, options: { tol: number; stepTol: number; maxIter: number },
): NewtonResult {
  const d = objective.size;
  const theta = Float64Array.from(start);
  let regularised = false;
  let { value, gradient, hessian } = objective.derivatives(theta);
  for (let iteration = 0; ; iteration++) {
    const gradientMax = maxAbs(gradient);
    if (!Number.isFinite(value) || !Number.isFinite(gradientMax)) {
      return { theta, value, gradientMax, iterations: iteration, status: 'not_finite', regularised };
    }
    if (iteration >= options.maxIter) return { theta, value, gradientMax, iterations: iteration, status: 'max_iter', regularised };
    const negative = gradient.map((g) => -g);
    let step = choleskySolve(hessian, negative, d);
    if (step === undefined) {
      regularised = true;
      let mu = 1e-10 * Math.max(1e-300, maxDiagonal(hessian, d));
      while (step === undefined && mu < 1e300) {
        const ridged = Float64Array.from(hessian);
        for (let i = 0; i < d; i++) ridged[i * d + i] += mu;
        step = choleskySolve(ridged, negative, d);
        mu *= 100;
      }
      if (step === undefined) return { theta, value, gradientMax, iterations: iteration, status: 'not_finite', regularised };
    }
    let slope = 0;
    for (let i = 0; i < d; i++) slope += gradient[i] * step[i];
    let t = 1;
    let accepted = false;
    const trial = new Float64Array(d);
    for (let halvings = 0; halvings < 60; halvings++, t /= 2) {
      for (let i = 0; i < d; i++) trial[i] = theta[i] + t * step[i];
      const v = objective.value(trial);
      if (v <= value + 1e-4 * t * slope && v < value) {
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      // At the rounding floor of the value: converged only if the Newton step is small too (a fading gradient along a
      // direction of unbounded descent, as on separable data, keeps full-size steps).
      const small = gradientMax <= Math.sqrt(options.tol) && maxAbs(step) <= Math.sqrt(options.stepTol) * (1 + maxAbs(theta));
      const status = small ? 'converged' : 'line_search_failed';
      return { theta, value, gradientMax, iterations: iteration, status, regularised };
    }
    theta.set(trial);
    ({ value, gradient, hessian } = objective.derivatives(theta));
    const moved = t * maxAbs(step);
    if (maxAbs(gradient) <= options.tol && moved <= options.stepTol * (1 + maxAbs(theta))) {
      return { theta, value, gradientMax: maxAbs(gradient), iterations: iteration + 1, status: 'converged', regularised };
    }
  }
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m || a !== a) m = a !== a ? Number.NaN : a;
    if (m !== m) return m;
  }
  return m;
}

function maxDiagonal(h: Float64Array, d: number): number {
  let m = 0;
  for (let i = 0; i < d; i++) m = Math.max(m, Math.abs(h[i * d + i]));
  return m;
}
