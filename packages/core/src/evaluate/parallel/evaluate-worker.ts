/**
 * The worker-thread entry of parallel evaluation (a piscina task module): evaluates one record batch into its
 * serialised state, transferring the state's buffers back without copying; merges two states; sorts one score
 * range of a split curve in shared memory (`runCurveSegment`) or of a stream's prefix buckets; or sums the losses of a
 * curve in shared memory (`curveLossSums`) while the calling thread runs the rest of the report's pass. Built as its own file
 * (`dist/evaluate-worker.js`) beside the module that starts the pool.
 */
import { Piscina } from 'piscina';
import type { StateJson } from '../../states/metric-state.js';
import { runBatchJob, runMergeJob, type BatchJob, type BatchJobResult, type MergeJob } from './batch-job.js';
import { runCurveSegment, type CurveLossesJob, type CurveSegment, type CurveSegmentJob } from './parallel-curve-kernels.js';
import { curveLossSums, type CurveLossSums } from '../../metrics/binary/curve-summary.js';
import { prefixRangeRuns, type HeldRuns, type PrefixRangeJob } from '../../states/binary/prefix-bucket-runs.js';

/**
 * @param job - a batch to evaluate, two states to merge, a score range to sort, a range of a stream's prefix buckets, or
 *   a curve's loss sums
 * @returns the batch's result or the merged state, their buffers moved to the caller; a range's distinct scores and
 *   counts (shared memory); a prefix range's runs (moved); the loss sums
 */
export default function evaluateWorkerTask(
  job: BatchJob | MergeJob | CurveSegmentJob | PrefixRangeJob | CurveLossesJob,
): BatchJobResult | StateJson | CurveSegment | HeldRuns | CurveLossSums {
  if (job.kind === 'curve-segment') return runCurveSegment(job);
  if (job.kind === 'curve-losses') return curveLossSums(job);
  if (job.kind === 'prefix-range') {
    const runs = prefixRangeRuns(job);
    // Runs written into the caller's shared memory stay there; new arrays move.
    const own = [runs.thresholds.buffer, runs.tps.buffer, runs.fps.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    return (own.length === 0 ? runs : moved(runs, own)) as HeldRuns;
  }
  const { result, transfer } = job.kind === 'merge' ? runMergeJob(job) : runBatchJob(job);
  if (transfer.length === 0) return result;
  return moved(result, transfer) as BatchJobResult | StateJson;
}

/** A piscina transferable: the value, and the buffers the structured clone moves instead of copying. */
function moved(value: unknown, transfer: ArrayBuffer[]): unknown {
  return Piscina.move({
    [Piscina.transferableSymbol]: transfer,
    [Piscina.valueSymbol]: value,
  } as unknown as Parameters<typeof Piscina.move>[0]);
}
