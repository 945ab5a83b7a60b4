/**
 * The worker-thread entry of parallel evaluation (a piscina task module): evaluates one record batch into its
 * serialised state, transferring the state's buffers back without copying; merges two states; or sorts one score
 * range of a split curve in shared memory (`runCurveSegment`). Built as its own file
 * (`dist/evaluate-worker.js`) beside the module that starts the pool.
 */
import { Piscina } from 'piscina';
import type { StateJson } from '../../states/metric-state.js';
import { runBatchJob, runMergeJob, type BatchJob, type BatchJobResult, type MergeJob } from './batch-job.js';
import { runCurveSegment, type CurveSegment, type CurveSegmentJob } from './parallel-curve-kernels.js';

/**
 * @param job - a batch to evaluate, two states to merge, or a score range to sort
 * @returns the batch's result or the merged state, their buffers moved to the caller; a range's distinct scores and counts (shared memory)
 */
export default function evaluateWorkerTask(job: BatchJob | MergeJob | CurveSegmentJob): BatchJobResult | StateJson | CurveSegment {
  if (job.kind === 'curve-segment') return runCurveSegment(job);
  const { result, transfer } = job.kind === 'merge' ? runMergeJob(job) : runBatchJob(job);
  if (transfer.length === 0) return result;
  // A piscina transferable: the value, and the buffers the structured clone moves instead of copying.
  return Piscina.move({
    [Piscina.transferableSymbol]: transfer,
    [Piscina.valueSymbol]: result,
  } as unknown as Parameters<typeof Piscina.move>[0]) as unknown as BatchJobResult | StateJson;
}
