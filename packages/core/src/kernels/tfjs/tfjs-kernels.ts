import { curveFromSortedClasses, splitByClass, type BinaryClfCurve, type BinaryRows, type Kernels } from '../binary-clf-curve.js';
import type { LoadedTfjs } from './load-tfjs.js';

/**
 * The TensorFlow.js backend: the score sort runs as a tfjs op (`topk` over all rows, on the GPU with tfjs-node-gpu).
 * tfjs has no float64, so the order comes from float32 keys and is then refined on the host within each group of
 * equal float32 keys by the float64 value; cumulative sums are done in float64 on the host (tfjs reductions
 * accumulate in float32). Results are identical to the js backend.
 *
 * @param runtime - a loaded tfjs runtime (see `loadTfjs`)
 * @returns kernels bound to that runtime
 * @example
 * ```ts
 * const kernels = createTfjsKernels(await loadTfjs());
 * ```
 */
export function createTfjsKernels(runtime: LoadedTfjs): Kernels {
  return {
    name: 'tfjs',
    device: runtime.device,
    async binaryClfCurve(rows: BinaryRows): Promise<BinaryClfCurve> {
      const { pos, neg, posWeights, negWeights } = splitByClass(rows);
      await sortWithTfjs(runtime, pos, posWeights);
      await sortWithTfjs(runtime, neg, negWeights);
      return curveFromSortedClasses(pos, neg, posWeights, negWeights);
    },
  };
}

/** Sorts keys ascending (stable) in place with payload, using tfjs `topk` for the float32 order. */
async function sortWithTfjs(runtime: LoadedTfjs, keys: Float64Array, payload?: Float64Array): Promise<void> {
  const n = keys.length;
  if (n < 2) return;
  const { tf } = runtime;
  const keys32 = Float32Array.from(keys);
  const order = tf.tidy(() => tf.topk(tf.tensor1d(keys32, 'float32'), n, true).indices);
  const descending = (await order.data()) as Int32Array;
  order.dispose();
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = descending[n - 1 - i];
  // Refine groups of equal float32 keys by the exact float64 key, then by input position (stability).
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const k = keys32[idx[start]];
    while (end < n && keys32[idx[end]] === k) end++;
    if (end - start > 1) idx.subarray(start, end).sort((a, b) => keys[a] - keys[b] || a - b);
    start = end;
  }
  const sortedKeys = Float64Array.from(idx, (i) => keys[i]);
  if (payload !== undefined) payload.set(Float64Array.from(idx, (i) => payload[i]));
  keys.set(sortedKeys);
}
