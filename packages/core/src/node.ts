/**
 * @modelperf/core/node — the Node-only part of the core: reading and writing files, and evaluating a file.
 */
export * from './index.js';
export * from './io/node.js';
export { evaluateFile, streamsInput, type EvaluateFileSpec, type FileProgress } from './evaluate/evaluate-file.js';
export { evaluateBatchesParallel, defaultThreads, type ParallelStreamOptions } from './evaluate/parallel/evaluate-batches-parallel.js';
export {
  createParallelCurveKernels, PARALLEL_CURVE_MIN_ROWS, type ParallelCurveKernels,
} from './evaluate/parallel/parallel-curve-kernels.js';
export { checkFiles, type CheckFilePaths, type CheckProgress } from './checks/check-files.js';
