import { availableParallelism } from 'node:os';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { Piscina } from 'piscina';
import { workerExecArgv } from './worker-exec-argv.js';
import { InternalError, isModelperfError, ValidationError } from '../../errors.js';
import type { Report } from '../../report/report.js';
import { BinaryExactState } from '../../states/binary/binary-exact-state.js';
import type { HeldRuns, PrefixRangeJob } from '../../states/binary/prefix-buckets.js';
import { stateFromJSON } from '../../states/state-from-json.js';
import type { EvaluationSpec } from '../evaluation-spec.js';
import type { StateJson } from '../../states/metric-state.js';
import { readTrusted, toTransferable } from '../../states/state-buffers.js';
import { StreamRun, type StreamOptions } from '../stream-run.js';
import { AsyncBalancedMerger } from './async-balanced-merger.js';
import { runBatchTable, runMergeJob, type BatchJob, type BatchJobResult, type MergeJob } from './batch-job.js';
import { packColumns, SharedBufferPool } from './packed-columns.js';
import { curveLossesJob, type CurveLossesJob } from './parallel-curve-kernels.js';
import type { CurveLossSums } from '../../metrics/binary/curve-summary.js';
import { rebuildError } from './rebuild-error.js';

/** Tasks each worker holds (running + queued) before this thread takes work itself. */
const QUEUE = 2;
/** Rows of an unweighted exact binary stream from which its final sort is split across threads. */
const SPLIT_SORT_FROM = 1 << 20;

/** Options of a parallel stream evaluation. */
export interface ParallelStreamOptions extends StreamOptions {
  /**
   * Threads, this one included (default: the machine's available parallelism): threads - 1 worker threads, and this
   * thread takes a batch itself whenever every worker is busy. 1 evaluates on this thread only.
   */
  threads?: number;
  /** The worker module (default: `evaluate-worker.js` beside this module, as built). */
  workerUrl?: URL | string;
}

/**
 * The default number of threads: what the machine offers to this process.
 * @returns `os.availableParallelism()`
 * @example
 * ```ts
 * import { defaultThreads } from '@modelperf/core/node';
 * console.log(defaultThreads() >= 1); // true
 * ```
 */
export function defaultThreads(): number {
  return availableParallelism();
}

/** The columns a spec reads: the only ones sent to a worker. */
function specColumns(spec: EvaluationSpec): string[] {
  const names: Array<string | undefined> = [spec.weight];
  switch (spec.task) {
    case 'binary': names.push(spec.label, spec.score); break;
    case 'multiclass': names.push(spec.label, spec.pred, ...(spec.scores ?? [])); break;
    case 'multilabel': names.push(...spec.labels, ...spec.scores); break;
    case 'regression': names.push(spec.label, spec.pred); break;
    case 'ranking': names.push(spec.query, spec.label, spec.score); break;
  }
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/**
 * Evaluates record batches on this thread and a pool of `threads - 1` worker threads: the batches are read here and
 * gathered into leaves (see below); each leaf's used columns go to a worker with room in its queue (two tasks each;
 * null-free numeric and string columns copied into one buffer of shared memory, reused once its job is done,
 * `packColumns` with a `SharedBufferPool`; others as Arrow IPC bytes),
 * or, when every queue is full, this thread evaluates the leaf itself; states come back with their buffers transferred,
 * and merges run on a worker while batches arrive and here once the input has ended, always in the same balanced tree
 * in input order — so the report is identical to `evaluateBatches` on one thread, to the last bit. At most two leaves
 * per thread are in flight, so memory stays bounded.
 *
 * Measured (2026-11-28, 2^20-row batches): on a 16-core machine, 16 threads ran binned streams of 1e8 rows 3.7x
 * faster than one thread and exact ones 1.3x (reading, the last merges and the report stay on this thread); at 1e7
 * rows 1.0-1.05x; two threads 0.7-0.9x of one, there and on the 2-core reference VM (worker start-up, each batch's
 * hand-off and cold code in each worker outweigh the shared sorts). With the columns handed over as plain buffers,
 * trusted states read back unchecked and leaves of 2^21 rows (2026-11-29, 2-core VM, 1e7 rows): two threads
 * 0.9-1.5x one thread on exact streams across benchmark runs, 0.7-0.8x on binned ones (worker start-up is most of a
 * 0.3 s binned run; the last merges and the report stay serial).
 *
 * Unweighted exact binary streams take another road: their leaves are evaluated on this thread, where the exact state
 * holds big batches unsorted (`BinaryExactState`, grouped by score prefix) and sorts once at the end; from 2^20 rows
 * that final sort is split by score range across the threads (`BinaryExactState.computeInParallel`, the rows in shared
 * memory: the highest range is sorted and reported here while workers sort the others), the same report to the last
 * bit. Measured (2-core VM, 1e7-row Arrow stream, 8 alternating runs): 904 ms on two threads against 953 on one (the
 * worker leaf path it replaced took 1633 against 1366: sorting every leaf and merging runs cost more than it shared);
 * with the report computed from the sorted runs as they come (no stored curve), 819 ms against 858.
 *
 * Batches are gathered into leaves as `evaluateBatches` gathers them (`StreamRun.leafBatches`: the leaves, hence the
 * sums, do not depend on the thread count); a leaf is the unit handed to a worker. The first leaf is evaluated on this
 * thread (it checks the columns and fixes a binary stream's provisional positive label). Ranking streams need
 * stream-wide query ids in row order and run on this thread.
 *
 * @param batches - record batches of one schema
 * @param spec - task, columns and options (`by` and `ci` refused, as for `evaluateBatches`)
 * @param options - threads, curve mode, histogram bins, progress callback, worker module
 * @returns the report (`options.threads` records the threads used)
 * @throws what `evaluateBatches` throws, for the first failing batch in input order
 * @example
 * ```ts
 * import { binaryPredictionsTable } from '@modelperf/core';
 * import { evaluateBatchesParallel } from '@modelperf/core/node';
 * const table = binaryPredictionsTable({ rows: 40_000, seed: 1 });
 * async function* batches() {
 *   for (let at = 0; at < table.numRows; at += 10_000) yield* table.slice(at, at + 10_000).batches;
 * }
 * // Leaves of one 10 000-row batch each (the default gathers 2^16 rows into a leaf: this input would be one).
 * const spec = { task: 'binary', label: 'label', score: 'score' } as const;
 * const report = await evaluateBatchesParallel(batches(), spec, { threads: 2, leafRows: 10_000 });
 * console.log(report.rows, report.options.threads); // 40000 2
 * ```
 */
export async function evaluateBatchesParallel(
  batches: AsyncIterable<RecordBatch>,
  spec: EvaluationSpec,
  options: ParallelStreamOptions = {},
): Promise<Report> {
  const threads = options.threads ?? defaultThreads();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new ValidationError('invalid_argument', `threads must be a positive integer, got ${String(threads)}.`);
  }
  const run = new StreamRun(spec, options);
  const iterator = batches[Symbol.asyncIterator]();
  // This thread evaluates batches too (whenever every worker is busy): `threads` counts it, so threads - 1 workers.
  const workers = threads - 1;
  let busy = 0;
  if (threads === 1 || spec.task === 'ranking') {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      run.addBatch(next.value);
      if (next.value.numRows > 0) options.onBatch?.(run.rows);
    }
    return withThreads(run.finish(), 1);
  }
  // Workers start with the first batch (see below).
  let pool: Piscina | undefined;
  // A worker that cannot start (or dies outside a task) fails the whole run, with a message saying what to do.
  const workerFailure = (error: unknown, filename: string): Error => isModelperfError(error) ? error : new InternalError(
    `A worker thread failed (${error instanceof Error ? error.message : String(error)}); worker module ${filename}. ` +
    'Evaluate on one thread with --threads 1.', { cause: error });
  let rejectPool: (error: Error) => void = () => undefined;
  const poolFailure = new Promise<never>((_resolve, reject) => { rejectPool = reject; });
  poolFailure.catch(() => undefined);
  const running = new Set<Promise<unknown>>();
  const startPool = (): Piscina => {
    if (pool === undefined) {
      const filename = String(options.workerUrl ?? new URL('./evaluate-worker.js', import.meta.url));
      pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: 1, execArgv: workerExecArgv() });
      pool.on('error', (error: unknown) => rejectPool(workerFailure(error, filename)));
    }
    return pool;
  };
  /** Whether a worker has room in its queue. */
  const hasRoom = (): boolean => busy < QUEUE * workers;
  const runOnPool = <R>(job: BatchJob | MergeJob | PrefixRangeJob | CurveLossesJob, transfer: ArrayBuffer[]): Promise<R> => {
    const started = startPool();
    const filename = started.options.filename ?? '';
    const task = Promise.race([
      (started.run(job, { transferList: transfer }) as Promise<R>).catch((error: unknown) => { throw workerFailure(error, filename); }),
      poolFailure,
    ]);
    running.add(task);
    busy++;
    void task.catch(() => undefined).finally(() => busy--);
    // Failures are read where the result is used (in batch order); until then they must not count as unhandled.
    task.catch(() => undefined).finally(() => running.delete(task));
    return task;
  };
  // States stay serialised on this thread. While batches stream in, a merge runs on a worker with room in its queue,
  // else here; once the input has ended, here (this thread is idle then, and the merged state ends here: no transfers
  // back and forth). The tree is the same as on one thread either way, so the sums are the same.
  let draining = false;
  const merger = new AsyncBalancedMerger<StateJson>(async (earlier, later) => !draining && hasRoom()
    ? runOnPool<StateJson>({ kind: 'merge', earlier, later }, [...transferables(earlier), ...transferables(later)])
    : runMergeJob({ kind: 'merge', earlier, later }).result);
  try {
    if (spec.task === 'binary' && run.context.curveMode === 'exact' && spec.weight === undefined) {
      // Unweighted exact binary curves sort once, at the end (`BinaryExactState` holds big batches unsorted): the
      // leaves are gathered on this thread, and the final sort is split across the threads by score range. The
      // workers start once the stream is big enough for that (2^20 rows), and load while reading goes on.
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
        run.addBatch(next.value);
        if (next.value.numRows > 0) options.onBatch?.(run.rows);
        if (run.rows >= SPLIT_SORT_FROM) startPool();
      }
      const merged = run.mergeLeaves();
      if (!(merged instanceof BinaryExactState) || pool === undefined) return withThreads(run.finish(merged), threads);
      const sortRange = (job: PrefixRangeJob): Promise<HeldRuns> => runOnPool<HeldRuns>(job, []);
      // Exchanging the classes sorts the waiting rows: sorted on every thread first then.
      if (run.swapsClasses()) await merged.settleInParallel(threads, sortRange);
      const state = run.finalState(merged) as BinaryExactState;
      // The highest score range is sorted and reported here while workers sort the others; with the per-threshold
      // curves, the curve is settled on every thread and its loss sums go to a worker while this thread runs the rest
      // of the report's pass.
      const result = await state.computeInParallel(threads, sortRange, (curve) => {
        const job = curveLossesJob(curve);
        return job === undefined ? undefined : runOnPool<CurveLossSums>(job, []);
      });
      return withThreads(run.report(result), threads);
    }
    // Batches are evaluated in leaves (`leafBatches`: 2^16 rows of batches, 2^21 for weighted exact binary curves),
    // exactly as on one thread. The first leaves run here until a binary stream's provisional positive label is known (the first leaf with labels),
    // exactly as on one thread; column errors surface here too.
    const leaves = run.leafBatches(options.leafRows);
    for (;;) {
      const next = await iterator.next();
      const leaf = next.done === true ? leaves.flush() : leaves.add(next.value);
      // A leaf closed before the input's end: the workers load their code (~100-150 ms of module compilation each, on
      // the other cores) while this thread evaluates it, and the next leaf finds them ready. An input of one leaf
      // never starts them.
      if (leaf !== undefined && next.done !== true) startPool();
      const contribution = leaf === undefined ? undefined : run.prepareBatch(leaf);
      if (leaf !== undefined) run.releaseLeaf(leaf);
      if (contribution !== undefined) {
        merger.push(toTransferable(contribution.state).json);
        run.record(contribution);
        options.onBatch?.(run.rows);
      }
      if (next.done === true) return await finish(run, merger, 1);
      if (contribution !== undefined && (run.binary === undefined || run.binary.provisional() !== undefined)) break;
    }
    const columns = specColumns(spec);
    const inFlight: Array<Promise<BatchJobResult>> = [];
    // Leaves for the workers are copied into reused shared memory (two threads ran binned 1e7-row streams at
    // 0.8x one thread when every leaf was copied into fresh memory and transferred).
    const shared = typeof SharedArrayBuffer === 'function' ? new SharedBufferPool(QUEUE * workers + 1) : undefined;
    let offset = run.rows;
    // Leaf results are read in input order: the first failing leaf in the input is the one reported.
    const absorb = async (): Promise<void> => {
      const result = await inFlight.shift()!;
      if (!result.ok) throw rebuildError(result.error);
      if (run.binary !== undefined && result.classes !== undefined && result.labelKind !== undefined) {
        run.binary.add(result.classes, result.labelKind);
      }
      run.record(result);
      merger.push(result.state);
      options.onBatch?.(run.rows);
    };
    const dispatch = (leaf: RecordBatch[]): void => {
      const job = {
        kind: 'batch' as const,
        spec: { ...run.batchSpec(run.binary?.provisional()), rowOffset: offset } as EvaluationSpec,
        curveMode: run.context.curveMode,
        histogramBins: run.context.histogramBins,
        settledClasses: run.binary?.settled(),
      };
      const table = new Table(leaf);
      offset += table.numRows;
      if (hasRoom()) {
        const packed = packColumns(leaf, columns, shared === undefined ? undefined : (bytes) => shared.take(bytes));
        if (packed !== undefined) {
          const { buffer } = packed;
          const task = runOnPool<BatchJobResult>({ ...job, data: { packed } }, buffer instanceof ArrayBuffer ? [buffer] : []);
          // A shared buffer is free again once its job has settled (the job's state holds copies, not views).
          if (shared !== undefined && !(buffer instanceof ArrayBuffer)) void task.then(() => shared.give(buffer), () => undefined);
          inFlight.push(task);
        } else {
          const ipc = tableToIPC(table.select(columns), 'stream');
          inFlight.push(runOnPool<BatchJobResult>({ ...job, data: { ipc } }, [ipc.buffer as ArrayBuffer]));
        }
      } else {
        // Every worker is busy: this thread takes the leaf itself (no copy), then reads on.
        inFlight.push(Promise.resolve(runBatchTable(table, job).result));
      }
      // Copied for a worker, or evaluated: the leaf's batches are done with.
      run.releaseLeaf(leaf);
    };
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const leaf = leaves.add(next.value);
      if (leaf === undefined) continue;
      dispatch(leaf);
      if (inFlight.length >= 2 * threads) await absorb();
    }
    const last = leaves.flush();
    if (last !== undefined) dispatch(last);
    while (inFlight.length > 0) await absorb();
    draining = true;
    return await finish(run, merger, threads);
  } finally {
    // After a failure, let running tasks settle first: destroying the pool under them makes piscina fail loudly.
    while (running.size > 0) await Promise.allSettled([...running]);
    await pool?.destroy();
  }
}

async function finish(run: StreamRun, merger: AsyncBalancedMerger<StateJson>, threads: number): Promise<Report> {
  const merged = await merger.finish();
  return withThreads(run.finish(merged === undefined ? undefined : readTrusted(() => stateFromJSON(merged))), threads);
}

/** The buffers of a serialised state's arrays (each once). */
function transferables(json: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(json);
  return [...found];
}

function withThreads(report: Report, threads: number): Report {
  return { ...report, options: { ...report.options, threads } };
}
