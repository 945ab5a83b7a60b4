import { randomUUID } from 'node:crypto';
import { evaluateBatches, isModelperfError, ValidationError, type Report } from '@modelperf/core';
import { evaluateFile, readBatches } from '@modelperf/core/node';
import type { RequestSpec } from '../spec-from-params.js';

/** Status of a job. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Every job status, for metrics. */
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled'];

/** A background evaluation of a file in the data directory. */
export interface Job {
  readonly id: string;
  /** The path as the client gave it (relative to the data directory). */
  readonly path: string;
  status: JobStatus;
  readonly createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: { rows: number; bytesRead: number; totalBytes?: number };
  report?: Report;
  error?: { code: string; message: string };
}

interface Entry { job: Job; file: string; request: RequestSpec; cancelled: boolean }

/** Limits of a {@link JobStore}. */
export interface JobStoreOptions {
  /** Jobs that run at once (default 1). */
  concurrency?: number;
  /** Jobs waiting or running beyond which new ones are refused (default 100). */
  maxPending?: number;
  /** Finished jobs kept for `GET`; the oldest are forgotten first (default 1000). */
  maxFinished?: number;
  /** Row limit of one evaluation. */
  rowLimit?: number;
  /** Called when a job finishes its evaluation. */
  onEvaluated?(rows: number): void;
}

/**
 * Runs file evaluations in the background, a bounded number at a time, and keeps their state in memory.
 * A cancelled job stops between record batches (or, for `by`/`ci` evaluations that need the whole table, its result is
 * discarded).
 *
 * @example
 * ```ts
 * const jobs = new JobStore({ concurrency: 1 });
 * const job = jobs.submit('preds.parquet', '/data/preds.parquet', specFromParams({ label: 'y', score: 'p' }));
 * ```
 */
export class JobStore {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running = 0;
  private readonly idle = new Set<() => void>();

  constructor(private readonly options: JobStoreOptions = {}) {}

  /** Jobs queued or running. */
  get pending(): number {
    return this.queue.length + this.running;
  }

  /** Number of jobs by status. */
  countByStatus(): Record<JobStatus, number> {
    const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    for (const { job } of this.entries.values()) counts[job.status] += 1;
    return counts;
  }

  /**
   * Queues a job.
   * @returns the job, or undefined when too many are pending
   */
  submit(path: string, file: string, request: RequestSpec): Job | undefined {
    if (this.pending >= (this.options.maxPending ?? 100)) return undefined;
    const job: Job = { id: randomUUID(), path, status: 'queued', createdAt: new Date().toISOString(), progress: { rows: 0, bytesRead: 0 } };
    const entry: Entry = { job, file, request, cancelled: false };
    this.entries.set(job.id, entry);
    this.queue.push(entry);
    this.forgetOld();
    this.pump();
    return job;
  }

  /** Every known job, newest first. */
  list(): Job[] {
    return [...this.entries.values()].map((e) => e.job).reverse();
  }

  /** The job with this id, if known. */
  get(id: string): Job | undefined {
    return this.entries.get(id)?.job;
  }

  /**
   * Cancels a queued or running job; a finished one is left as it is.
   * @returns the job, or undefined for an unknown id
   */
  cancel(id: string): Job | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.job.status === 'queued' || entry.job.status === 'running') {
      entry.cancelled = true;
      const queued = this.queue.indexOf(entry);
      if (queued >= 0) this.queue.splice(queued, 1);
      entry.job.status = 'cancelled';
      entry.job.finishedAt = new Date().toISOString();
    }
    return entry.job;
  }

  /** Cancels every pending job and waits until none is running (for shutdown). */
  async close(): Promise<void> {
    for (const entry of [...this.entries.values()]) this.cancel(entry.job.id);
    if (this.running === 0) return;
    await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  private forgetOld(): void {
    const max = this.options.maxFinished ?? 1000;
    const finished = [...this.entries.values()].filter((e) => e.job.status !== 'queued' && e.job.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - max))) this.entries.delete(e.job.id);
  }

  private pump(): void {
    while (this.running < (this.options.concurrency ?? 1) && this.queue.length > 0) {
      const entry = this.queue.shift() as Entry;
      this.running += 1;
      void this.run(entry).finally(() => {
        this.running -= 1;
        if (this.running === 0) for (const resolve of this.idle) resolve();
        if (this.running === 0) this.idle.clear();
        this.pump();
      });
    }
  }

  private async run(entry: Entry): Promise<void> {
    const { job } = entry;
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    try {
      const report = await this.evaluate(entry);
      if (entry.cancelled) return;
      this.options.onEvaluated?.(report.rows);
      job.report = report;
      job.status = 'done';
    } catch (error) {
      if (entry.cancelled) return;
      job.status = 'failed';
      job.error = isModelperfError(error)
        ? { code: error.code, message: error.message }
        : { code: 'internal', message: 'The evaluation failed unexpectedly; see the server log.' };
    } finally {
      job.finishedAt ??= new Date().toISOString();
    }
  }

  private async evaluate(entry: Entry): Promise<Report> {
    const { job, file, request } = entry;
    const { spec } = request;
    const rowLimit = this.options.rowLimit;
    const tooMany = (rows: number): void => {
      if (rowLimit !== undefined && rows > rowLimit) {
        throw new ValidationError('invalid_input', `The file has more than the row limit of ${rowLimit} rows.`);
      }
    };
    if ((spec.by?.length ?? 0) > 0 || spec.ci !== undefined) {
      // Slices and intervals need the whole table; the file is read at once.
      const report = await evaluateFile(file, spec);
      tooMany(report.rows);
      return { ...report, input: { ...report.input, path: job.path } };
    }
    const reader = await readBatches(file);
    job.progress.totalBytes = reader.totalBytes;
    try {
      const started = performance.now();
      async function* batches() {
        let rows = 0;
        for await (const batch of reader) {
          if (entry.cancelled) throw new ValidationError('invalid_argument', 'The job was cancelled.');
          rows += batch.numRows;
          tooMany(rows);
          yield batch;
          job.progress.rows = rows;
          job.progress.bytesRead = reader.bytesRead();
        }
      }
      const report = await evaluateBatches(batches(), spec, { curveMode: request.curveMode, histogramBins: request.histogramBins });
      const { schema, task, rows, ...rest } = report;
      const total = Math.round((performance.now() - started) * 10) / 10;
      return { schema, task, rows, input: { path: job.path, format: reader.format, bytes: reader.bytesRead() }, ...rest, timing_ms: { compute: total, total } };
    } finally {
      await reader.close();
    }
  }
}
