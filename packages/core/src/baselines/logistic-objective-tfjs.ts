import type { LoadedTfjs } from '../kernels/tfjs/load-tfjs.js';
import type { DesignMatrix } from './design-matrix.js';
import type { SmoothObjective } from './newton-minimize.js';

/**
 * The objective of {@link logisticObjective} with the per-row work done by TensorFlow.js (GPU when tfjs-node-gpu
 * loaded): scores, probabilities, gradient Xᵀ(P - Y) and Hessian blocks Xᵀ diag(w) X as float32 tensor ops.
 *
 * @remarks
 * Per-row losses are summed on the host in float64 (tfjs reductions accumulate in float32); gradient and Hessian
 * come back as float32 matrix products, so the optimum is found to about 1e-5 relative, not to float64 precision.
 * Penalty terms are added on the host in float64. The caller must `dispose()` the objective (tensors of X and Y).
 *
 * @param runtime - a loaded tfjs (`await loadTfjs()`)
 * @param x - the design matrix
 * @param y - class codes 0..K-1
 * @param classes - K (2 = binary)
 * @param l2 - the L2 penalty on the coefficients
 * @returns the objective
 * @example
 * ```ts
 * const objective = logisticObjectiveTfjs(await loadTfjs(), x, y, 2, 1);
 * try { newtonMinimize(objective, new Float64Array(objective.size), opts); } finally { objective.dispose?.(); }
 * ```
 */
export function logisticObjectiveTfjs(runtime: LoadedTfjs, x: DesignMatrix, y: Int32Array, classes: number, l2: number): SmoothObjective {
  const { tf } = runtime;
  const { rows: n, cols: p } = x;
  const q = p + 1;
  const r = classes === 2 ? 1 : classes;
  const size = r * q;
  const augmented = new Float32Array(n * q);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) augmented[i * q + j] = x.data[i * p + j];
    augmented[i * q + p] = 1;
  }
  const targets = new Float32Array(n * r);
  for (let i = 0; i < n; i++) {
    if (r === 1) targets[i] = y[i] === 1 ? 1 : 0;
    else targets[i * r + y[i]] = 1;
  }
  const X = tf.tensor2d(augmented, [n, q]);
  const Y = tf.tensor2d(targets, [n, r]);

  const thetaTensor = (theta: Float64Array) => {
    const t = new Float32Array(q * r);
    for (let k = 0; k < r; k++) for (let j = 0; j < q; j++) t[j * r + k] = theta[k * q + j];
    return tf.tensor2d(t, [q, r]);
  };
  const penalty = (theta: Float64Array): number => {
    let s = 0;
    let shift = 0;
    for (let j = 0; j < q; j++) {
      let column = 0;
      for (let k = 0; k < r; k++) {
        const v = theta[k * q + j];
        column += v;
        if (j < p) s += v * v;
      }
      shift += column * column;
    }
    return (0.5 * l2 * s + (r > 1 ? 0.5 * shift : 0)) / n;
  };
  const sumRows = (values: Float32Array | Int32Array | Uint8Array): number => {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += values[i];
    return s;
  };
  // Per-row log-loss: softplus(η) - yη (binary), logsumexp(η) - η_y (multinomial).
  const rowLosses = (eta: ReturnType<typeof tf.matMul>) =>
    r === 1
      ? tf.sub(tf.softplus(eta), tf.mul(Y, eta))
      : tf.sub(tf.logSumExp(eta, 1, true), tf.sum(tf.mul(Y, eta), 1, true));

  return {
    size,
    value(theta) {
      const losses = tf.tidy(() => rowLosses(tf.matMul(X, thetaTensor(theta))));
      const total = sumRows(losses.dataSync());
      losses.dispose();
      return total / n + penalty(theta);
    },
    derivatives: (theta) => derivatives(theta, true),
    valueAndGradient: (theta) => derivatives(theta, false),
    dispose() {
      tf.dispose([X, Y]);
    },
  };

  function derivatives(theta: Float64Array, withHessian: boolean) {
    const [losses, grad, blocks] = tf.tidy(() => {
      const eta = tf.matMul(X, thetaTensor(theta));
      const prob = r === 1 ? tf.sigmoid(eta) : tf.softmax(eta);
      const g = tf.matMul(X, tf.sub(prob, Y), true, false);
      const hs = [];
      for (let k = 0; withHessian && k < r; k++) {
        const pk = tf.slice(prob, [0, k], [n, 1]);
        for (let l = 0; l <= k; l++) {
          const w = k === l ? tf.mul(pk, tf.sub(1, pk)) : tf.neg(tf.mul(pk, tf.slice(prob, [0, l], [n, 1])));
          hs.push(tf.matMul(X, tf.mul(X, w), true, false));
        }
      }
      return [rowLosses(eta), g, hs.length > 0 ? tf.stack(hs) : tf.zeros([1])];
    });
    const loss = sumRows(losses.dataSync());
    const g = grad.dataSync();
    const h = blocks.dataSync();
    tf.dispose([losses, grad, blocks]);
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(withHessian ? size * size : 0);
    for (let k = 0; k < r; k++) for (let j = 0; j < q; j++) gradient[k * q + j] = g[j * r + k] / n;
    let block = 0;
    for (let k = 0; withHessian && k < r; k++) {
      for (let l = 0; l <= k; l++, block++) {
        for (let a = 0; a < q; a++) {
          for (let b = 0; b < q; b++) {
            const v = h[block * q * q + a * q + b] / n;
            hessian[(k * q + a) * size + l * q + b] = v;
            hessian[(l * q + b) * size + k * q + a] = v;
          }
        }
      }
    }
    for (let j = 0; j < q; j++) {
      let column = 0;
      for (let k = 0; k < r; k++) column += theta[k * q + j];
      for (let k = 0; k < r; k++) {
        const a = k * q + j;
        gradient[a] += ((r > 1 ? column : 0) + (j < p ? l2 * theta[a] : 0)) / n;
        if (!withHessian) continue;
        if (j < p) hessian[a * size + a] += l2 / n;
        if (r > 1) for (let l = 0; l < r; l++) hessian[a * size + l * q + j] += 1 / n;
      }
    }
    return { value: loss / n + penalty(theta), gradient, hessian };
  }
}
