import type { DesignMatrix } from './design-matrix.js';
import type { SmoothObjective } from './newton-minimize.js';

/**
 * The penalised mean log-loss of a logistic model, with its gradient and Hessian, computed in float64.
 *
 * @remarks
 * Parameters θ: per model row k (one for binary, K for multinomial) the coefficients then the intercept, so
 * θ[k·(p+1) + j]. With x̃ = (x, 1) and n rows:
 * - binary: f = (1/n) Σ softplus(x̃θ) - y·x̃θ + (l2/2n)‖w‖², the objective of scikit-learn's `LogisticRegression`
 *   (C = 1/l2, which minimises ½‖w‖² + C Σ logloss, the intercept unpenalised) divided by nC;
 * - multinomial: f = (1/n) Σ logsumexp_k(x̃θ_k) - x̃θ_y + (l2/2n) Σ_k ‖w_k‖² + (1/2n)‖Σ_k θ_k‖². The last term is
 *   zero at every minimiser of the rest that scikit-learn reaches (softmax is invariant to adding one vector to every
 *   θ_k; the penalty then centres W, and lbfgs from zero keeps Σ_k b_k = 0); it makes the Hessian definite.
 *
 * @param x - the design matrix
 * @param y - class codes 0..K-1 per row
 * @param classes - K (2 = binary, one coefficient row)
 * @param l2 - the L2 penalty on the coefficients (not the intercepts)
 * @returns the objective
 * @example
 * ```ts
 * const objective = logisticObjective(x, y, 2, 1.0);
 * ```
 */
export function logisticObjective(x: DesignMatrix, y: Int32Array, classes: number, l2: number): SmoothObjective {
  return classes === 2 ? binaryObjective(x, y, l2) : multinomialObjective(x, y, classes, l2);
}

/**
 * log(1 + e^z) without overflow or loss of precision for large |z|.
 * @param z - any number
 * @returns softplus(z)
 * @example
 * ```ts
 * softplus(1000); // 1000
 * ```
 */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * The logistic function 1 / (1 + e^-z) without overflow.
 * @param z - any number
 * @returns a probability in [0, 1]
 * @example
 * ```ts
 * sigmoid(0); // 0.5
 * ```
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function binaryObjective(x: DesignMatrix, y: Int32Array, l2: number): SmoothObjective {
  const { rows: n, cols: p, data } = x;
  const q = p + 1;
  const margins = (theta: Float64Array, out: Float64Array): void => {
    for (let i = 0, at = 0; i < n; i++, at += p) {
      let s = theta[p];
      for (let j = 0; j < p; j++) s += data[at + j] * theta[j];
      out[i] = s;
    }
  };
  const eta = new Float64Array(n);
  const penalty = (theta: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < p; j++) s += theta[j] * theta[j];
    return (0.5 * l2 * s) / n;
  };
  const value = (theta: Float64Array): number => {
    margins(theta, eta);
    let loss = 0;
    for (let i = 0; i < n; i++) loss += softplus(eta[i]) - (y[i] === 1 ? eta[i] : 0);
    return loss / n + penalty(theta);
  };
  const derivatives = (theta: Float64Array, withHessian: boolean) => {
    margins(theta, eta);
    const gradient = new Float64Array(q);
    const hessian = new Float64Array(withHessian ? q * q : 0);
    let loss = 0;
    for (let i = 0, at = 0; i < n; i++, at += p) {
      const z = eta[i];
      loss += softplus(z) - (y[i] === 1 ? z : 0);
      const prob = sigmoid(z);
      const r = prob - (y[i] === 1 ? 1 : 0);
      const w = prob * (1 - prob);
      if (!withHessian) {
        for (let j = 0; j < p; j++) gradient[j] += r * data[at + j];
        gradient[p] += r;
        continue;
      }
      for (let j = 0; j < p; j++) {
        const xj = data[at + j];
        gradient[j] += r * xj;
        const wx = w * xj;
        const row = j * q;
        for (let k = 0; k <= j; k++) hessian[row + k] += wx * data[at + k];
        hessian[row + p] += wx;
      }
      gradient[p] += r;
      hessian[p * q + p] += w;
    }
    for (let j = 0; j < q; j++) gradient[j] /= n;
    for (let j = 0; j < p; j++) gradient[j] += (l2 * theta[j]) / n;
    if (withHessian) {
      for (let j = 0; j < q; j++) for (let k = 0; k <= j; k++) hessian[j * q + k] /= n;
      // The intercept column was accumulated in row j, column p (upper triangle): mirror it into row p.
      for (let j = 0; j < p; j++) {
        hessian[p * q + j] = hessian[j * q + p] / n;
        hessian[j * q + j] += l2 / n;
      }
      symmetrise(hessian, q);
    }
    return { value: loss / n + penalty(theta), gradient, hessian };
  };
  return {
    size: q,
    value,
    derivatives: (theta) => derivatives(theta, true),
    valueAndGradient: (theta) => derivatives(theta, false),
  };
}

function multinomialObjective(x: DesignMatrix, y: Int32Array, classes: number, l2: number): SmoothObjective {
  const { rows: n, cols: p, data } = x;
  const q = p + 1;
  const size = classes * q;
  const eta = new Float64Array(n * classes);
  const scores = (theta: Float64Array): void => {
    for (let i = 0, at = 0; i < n; i++, at += p) {
      for (let k = 0; k < classes; k++) {
        const base = k * q;
        let s = theta[base + p];
        for (let j = 0; j < p; j++) s += data[at + j] * theta[base + j];
        eta[i * classes + k] = s;
      }
    }
  };
  const penalty = (theta: Float64Array): number => {
    let s = 0;
    let shift = 0;
    for (let j = 0; j < q; j++) {
      let column = 0;
      for (let k = 0; k < classes; k++) {
        const v = theta[k * q + j];
        column += v;
        if (j < p) s += v * v;
      }
      shift += column * column;
    }
    return (0.5 * l2 * s + 0.5 * shift) / n;
  };
  const rowLoss = (i: number, prob: Float64Array | undefined): number => {
    const off = i * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, eta[off + k]);
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const e = Math.exp(eta[off + k] - max);
      if (prob !== undefined) prob[k] = e;
      sum += e;
    }
    if (prob !== undefined) for (let k = 0; k < classes; k++) prob[k] /= sum;
    return max + Math.log(sum) - eta[off + y[i]];
  };
  return {
    size,
    value(theta) {
      scores(theta);
      let loss = 0;
      for (let i = 0; i < n; i++) loss += rowLoss(i, undefined);
      return loss / n + penalty(theta);
    },
    derivatives: (theta) => multinomialDerivatives(theta, true),
    valueAndGradient: (theta) => multinomialDerivatives(theta, false),
  };

  function multinomialDerivatives(theta: Float64Array, withHessian: boolean) {
    scores(theta);
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(withHessian ? size * size : 0);
    const prob = new Float64Array(classes);
    const xt = new Float64Array(q);
    xt[p] = 1;
    let loss = 0;
    for (let i = 0, at = 0; i < n; i++, at += p) {
      loss += rowLoss(i, prob);
      for (let j = 0; j < p; j++) xt[j] = data[at + j];
      for (let k = 0; k < classes; k++) {
        const r = prob[k] - (y[i] === k ? 1 : 0);
        const gk = k * q;
        for (let j = 0; j < q; j++) gradient[gk + j] += r * xt[j];
        if (!withHessian) continue;
        for (let l = 0; l <= k; l++) {
          const w = k === l ? prob[k] * (1 - prob[k]) : -prob[k] * prob[l];
          for (let a = 0; a < q; a++) {
            const row = (gk + a) * size + l * q;
            const wa = w * xt[a];
            // Lower triangle of block (k, l); for k = l only b ≤ a.
            const top = k === l ? a : q - 1;
            for (let b = 0; b <= top; b++) hessian[row + b] += wa * xt[b];
          }
        }
      }
    }
    for (let i = 0; i < size; i++) gradient[i] /= n;
    if (withHessian) {
      for (let i = 0; i < size; i++) for (let j = 0; j <= i; j++) hessian[i * size + j] /= n;
      symmetrise(hessian, size);
    }
    for (let j = 0; j < q; j++) {
      let column = 0;
      for (let k = 0; k < classes; k++) column += theta[k * q + j];
      for (let k = 0; k < classes; k++) {
        const a = k * q + j;
        gradient[a] += (column + (j < p ? l2 * theta[a] : 0)) / n;
        if (!withHessian) continue;
        if (j < p) hessian[a * size + a] += l2 / n;
        for (let l = 0; l < classes; l++) hessian[a * size + l * q + j] += 1 / n;
      }
    }
    return { value: loss / n + penalty(theta), gradient, hessian };
  }
}

/** Copies the lower triangle of a row-major square matrix into its upper triangle. */
function symmetrise(h: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) h[j * d + i] = h[i * d + j];
}
