import { curveFromSortedClasses, splitByClass, type BinaryClfCurve, type BinaryRows, type Kernels } from '../binary-clf-curve.js';
import { radixSortFloat64 } from './radix-sort-float64.js';

/**
 * The typed-array backend: per-class float64 copies of the scores, an LSD radix sort of each, one merge walk.
 * Memory: 8 bytes per row for the copies, plus 8 per row of the larger class as sort scratch (plus the same again for
 * weights when given), plus 24 bytes per distinct score for the curve.
 */
export const jsKernels: Kernels = {
  name: 'js',
  device: 'cpu',
  async binaryClfCurve(rows: BinaryRows): Promise<BinaryClfCurve> {
    return jsBinaryClfCurve(rows);
  },
};

/**
 * Synchronous form of the js backend's curve kernel.
 * @param rows - validated rows
 * @returns the curve state
 * @example
 * ```ts
 * jsBinaryClfCurve({ scores: Float64Array.of(0.1, 0.9), positive: Uint8Array.of(0, 1) });
 * ```
 */
export function jsBinaryClfCurve(rows: BinaryRows): BinaryClfCurve {
  const { pos, neg, posWeights, negWeights } = splitByClass(rows);
  const scratch = new Float64Array(Math.max(pos.length, neg.length));
  radixSortFloat64(pos, posWeights, scratch);
  radixSortFloat64(neg, negWeights, scratch);
  return curveFromSortedClasses(pos, neg, posWeights, negWeights);
}
