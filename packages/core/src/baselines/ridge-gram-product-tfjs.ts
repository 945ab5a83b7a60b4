import type { LoadedTfjs } from '../kernels/tfjs/load-tfjs.js';
import type { DesignMatrix } from './design-matrix.js';

/**
 * The product v ↦ (XcᵀXc + l2·I) v of ridge regression's normal equations with Xc = X - x̄ held as a float32 tensor
 * (on the GPU when tfjs-node-gpu loaded): two matrix-vector products per call, the penalty term added on the host in
 * float64. Centring happens on the host in float64 before the upload, so float32 holds the centred values.
 *
 * @param runtime - a loaded tfjs (`await loadTfjs()`)
 * @param x - the design matrix
 * @param mean - column means of x
 * @param l2 - the penalty
 * @returns `apply(v, out)` and `dispose()` (frees the tensor)
 * @example
 * ```ts
 * const product = ridgeGramProductTfjs(await loadTfjs(), x, mean, 1);
 * try { product.apply(v, out); } finally { product.dispose(); }
 * ```
 */
export function ridgeGramProductTfjs(
  runtime: LoadedTfjs, x: DesignMatrix, mean: Float64Array, l2: number,
): { apply(v: Float64Array, out: Float64Array): void; dispose(): void } {
  const { tf } = runtime;
  const { rows: n, cols: p, data } = x;
  const centred = new Float32Array(n * p);
  for (let i = 0, at = 0; i < n; i++, at += p) for (let j = 0; j < p; j++) centred[at + j] = data[at + j] - mean[j];
  const X = tf.tensor2d(centred, [n, p]);
  return {
    apply(v, out) {
      const product = tf.tidy(() => {
        const u = tf.matMul(X, tf.tensor2d(Float32Array.from(v), [p, 1]));
        return tf.matMul(X, u, true, false);
      });
      const values = product.dataSync();
      product.dispose();
      for (let j = 0; j < p; j++) out[j] = values[j] + l2 * v[j];
    },
    dispose() {
      X.dispose();
    },
  };
}
