import type { NewtonResult, SmoothObjective } from './newton-minimize.js';

/** Correction pairs L-BFGS keeps (scipy's and scikit-learn's default is 10). */
const MEMORY = 10;

/**
 * Minimises a smooth convex function by L-BFGS: the two-loop recursion over the last 10 (s, y) pairs for the
 * direction, backtracking (Armijo, c = 1e-4) for the step. Only values and gradients are evaluated: O(n·size) per
 * iteration, for models with too many parameters to form the Hessian.
 *
 * @remarks
 * Stops as `converged` when max|g| ≤ `tol`; `max_iter` after `maxIter` iterations; `line_search_failed` when no step
 * along the (reset) direction decreases the value while max|g| > sqrt(tol). The first step is scaled to move no
 * parameter by more than 1, and each later direction by sᵀy/yᵀy (the usual initial Hessian).
 *
 * @param objective - the function; only `valueAndGradient` is called
 * @param start - the starting point (copied)
 * @param options - gradient tolerance and iteration cap
 * @returns the minimiser found and why it stopped (`regularised` is always false)
 * @example
 * ```ts
 * const r = lbfgsMinimize(objective, new Float64Array(objective.size), { tol: 1e-10, maxIter: 1000 });
 * ```
 * @see scipy.optimize.minimize(method='L-BFGS-B'), which scikit-learn's lbfgs solver calls
 */
export function lbfgsMinimize(objective: SmoothObjective, start: Float64Array, options: { tol: number; maxIter: number }): NewtonResult {
  const d = objective.size;
  const theta = Float64Array.from(start);
  let { value, gradient } = objective.valueAndGradient(theta);
  const pairs: Array<{ s: Float64Array; y: Float64Array; rho: number }> = [];
  const alpha = new Float64Array(MEMORY);
  for (let iteration = 0; ; iteration++) {
    const gradientMax = maxAbs(gradient);
    const done = (status: NewtonResult['status']): NewtonResult => ({ theta, value, gradientMax, iterations: iteration, status, regularised: false });
    if (!Number.isFinite(value) || !Number.isFinite(gradientMax)) return done('not_finite');
    if (gradientMax <= options.tol) return done('converged');
    if (iteration >= options.maxIter) return done('max_iter');
    // Two-loop recursion: direction = -H·g.
    const q = Float64Array.from(gradient);
    for (let i = pairs.length - 1; i >= 0; i--) {
      alpha[i] = pairs[i].rho * dot(pairs[i].s, q);
      axpy(-alpha[i], pairs[i].y, q);
    }
    if (pairs.length > 0) {
      const last = pairs[pairs.length - 1];
      const gamma = dot(last.s, last.y) / dot(last.y, last.y);
      for (let i = 0; i < d; i++) q[i] *= gamma;
    } else {
      const scale = 1 / Math.max(1, gradientMax);
      for (let i = 0; i < d; i++) q[i] *= scale;
    }
    for (let i = 0; i < pairs.length; i++) {
      const beta = pairs[i].rho * dot(pairs[i].y, q);
      axpy(alpha[i] - beta, pairs[i].s, q);
    }
    let direction = q.map((v) => -v);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      pairs.length = 0;
      direction = gradient.map((g) => -g / Math.max(1, gradientMax));
      slope = dot(gradient, direction);
    }
    const trial = new Float64Array(d);
    let t = 1;
    let evaluated: { value: number; gradient: Float64Array } | undefined;
    // The unit step is nearly always taken, so each trial gets its gradient at once (no second pass when accepted).
    for (let halvings = 0; halvings < 60; halvings++, t /= 2) {
      for (let i = 0; i < d; i++) trial[i] = theta[i] + t * direction[i];
      const candidate = objective.valueAndGradient(trial);
      if (candidate.value <= value + 1e-4 * t * slope && candidate.value < value) {
        evaluated = candidate;
        break;
      }
    }
    if (evaluated === undefined) return done(gradientMax <= Math.sqrt(options.tol) ? 'converged' : 'line_search_failed');
    const s = new Float64Array(d);
    const y = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      s[i] = trial[i] - theta[i];
      y[i] = evaluated.gradient[i] - gradient[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-16 * Math.sqrt(dot(s, s) * dot(y, y))) {
      pairs.push({ s, y, rho: 1 / sy });
      if (pairs.length > MEMORY) pairs.shift();
    }
    theta.set(trial);
    ({ value, gradient } = evaluated);
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a !== a) return Number.NaN;
    if (a > m) m = a;
  }
  return m;
}
