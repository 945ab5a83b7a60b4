import { reportToJson, ValidationError, type BackendChoice, type Report, type TaskName, type ZeroDivision } from '@modelperf/core';
import { defaultThreads, evaluateFile, streamsInput, writeFileAtomic, type EvaluateFileSpec } from '@modelperf/core/node';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../progress.js';
import { renderHtml, renderMarkdown, renderTable } from '@modelperf/report';
import { gateSourceFromReport, parseGate } from '@modelperf/core';
import { checkGates } from '../check-gates.js';

/** Output formats of `evaluate` and `report`. */
export const OUTPUT_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Parsed options of `modelperf evaluate`. */
export interface EvaluateCommandOptions {
  task: TaskName;
  label?: string;
  labels?: string[];
  score?: string;
  scores?: string[];
  pred?: string;
  query?: string;
  weight?: string;
  posLabel?: string;
  threshold?: number;
  beta?: number;
  curves?: boolean;
  classes?: string[];
  topK?: number;
  k?: number[];
  gain?: 'linear' | 'exponential';
  quantile?: number;
  bins?: number;
  curveMode?: 'exact' | 'binned';
  stream?: boolean;
  threads?: number;
  leafRows?: number;
  quiet?: boolean;
  costFp?: number;
  costFn?: number;
  by?: string[];
  minSliceRows?: number;
  ci?: number;
  bootstrap?: number;
  seed?: number;
  backend?: BackendChoice;
  format?: OutputFormat;
  out?: string;
  inputFormat?: string;
  nan?: 'error' | 'drop';
  zeroDivision?: ZeroDivision;
  /** Absolute quality gates (`roc_auc>=0.8`, `roc_auc:low>=0.8`); a failed one exits 3. */
  require?: string[];
}

/** The options each task needs, for a clear usage error. */
const REQUIRED: Record<TaskName, Array<keyof EvaluateCommandOptions>> = {
  binary: ['label', 'score'],
  multiclass: ['label'],
  multilabel: ['labels', 'scores'],
  regression: ['label', 'pred'],
  ranking: ['query', 'label', 'score'],
};

function flag(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Turns parsed command-line options into an evaluation spec, checking that the task's columns are named.
 * @param o - parsed options
 * @returns the spec for `evaluateFile`
 * @throws ValidationError `invalid_argument` naming the missing options
 */
export function specFromOptions(o: EvaluateCommandOptions): EvaluateFileSpec {
  const missing = REQUIRED[o.task].filter((key) => o[key] === undefined);
  if (o.task === 'multiclass' && o.scores === undefined && o.pred === undefined) missing.push('scores');
  if (missing.length > 0) {
    throw new ValidationError('invalid_argument', `--task ${o.task} needs ${missing.map(flag).join(' and ')}${o.task === 'multiclass' ? ' (or --pred)' : ''}.`);
  }
  const common = {
    weight: o.weight, nan: o.nan, backend: o.backend, by: o.by, minSliceRows: o.minSliceRows,
    ci: o.ci, bootstrap: o.bootstrap, seed: o.seed, inputFormat: o.inputFormat, stream: o.stream,
    threads: o.threads, leafRows: o.leafRows,
  };
  const binned = o.curveMode === 'binned';
  switch (o.task) {
    case 'binary':
      return {
        ...common, task: 'binary', label: o.label as string, score: o.score as string, posLabel: o.posLabel,
        threshold: o.threshold, beta: o.beta, curves: o.curves, zeroDivision: o.zeroDivision,
        bins: binned ? undefined : o.bins, costFp: o.costFp, costFn: o.costFn,
        curveMode: o.curveMode, histogramBins: binned ? o.bins : undefined,
      };
    case 'multiclass':
      return {
        ...common, task: 'multiclass', label: o.label as string, scores: o.scores, pred: o.pred, classes: o.classes,
        topK: o.topK, zeroDivision: o.zeroDivision,
      };
    case 'multilabel':
      return {
        ...common, task: 'multilabel', labels: o.labels as string[], scores: o.scores as string[],
        threshold: o.threshold, zeroDivision: o.zeroDivision,
      };
    case 'regression':
      return { ...common, task: 'regression', label: o.label as string, pred: o.pred as string, quantile: o.quantile };
    case 'ranking':
      return { ...common, task: 'ranking', query: o.query as string, label: o.label as string, score: o.score as string, k: o.k, gain: o.gain };
  }
}

/** The most threads a whole file gets by default (see `withDefaultThreads`). */
export const WHOLE_FILE_DEFAULT_THREADS = 4;

/**
 * The CLI's default thread count, where `--threads` is not given: every core up to `WHOLE_FILE_DEFAULT_THREADS` for a
 * whole file (its score sorts split by range measured 1.23x faster on two threads than on one on the 2-core reference
 * VM, 1e7 rows, 12 alternating runs; each doubling of the ranges adds a partition pass on the main thread while halving
 * the sort per thread, so past ~4 threads a 1e7-row sort should gain little — a model, not measured beyond 2 cores),
 * one thread for a stream (worker threads measured no faster there: see benchmarks/README.md).
 * @param file - the input path
 * @param spec - the spec from the command line
 * @returns the spec with its thread count
 */
export function withDefaultThreads(file: string, spec: EvaluateFileSpec): EvaluateFileSpec {
  if (spec.threads !== undefined || streamsInput(file, spec)) return spec;
  return { ...spec, threads: Math.min(defaultThreads(), WHOLE_FILE_DEFAULT_THREADS) };
}

/**
 * Renders a report in the requested format.
 * @param report - the report
 * @param format - table, json, markdown or html (a self-contained page with charts)
 * @returns the text to print or write
 */
export async function renderReport(report: Report, format: OutputFormat): Promise<string> {
  if (format === 'json') return reportToJson(report) + '\n';
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'html') return renderHtml(report);
  return renderTable(report);
}

/**
 * `modelperf evaluate <file>`: reads the file, evaluates it and prints (or atomically writes) the report.
 * @param file - the input path
 * @param options - parsed command-line options
 * @param io - output streams
 * @returns the report
 */
export async function evaluateCommand(file: string, options: EvaluateCommandOptions, io: CliIo): Promise<Report> {
  const gates = (options.require ?? []).map(parseGate);
  const progress = createProgress(io, { quiet: options.quiet });
  let report: Report;
  try {
    report = await evaluateFile(file, withDefaultThreads(file, specFromOptions(options)), { onProgress: (p) => progress.tick(p) });
  } finally {
    progress.stop();
  }
  // A terminal gets the readable table; a pipe or file gets JSON unless a format is asked for.
  const format = options.format ?? (options.out === undefined && io.stdout.isTTY ? 'table' : options.out ? formatFromPath(options.out) : 'json');
  const text = await renderReport(report, format);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, text);
    io.stderr.write(`wrote ${format} report to ${options.out}\n`);
  } else {
    io.stdout.write(text);
  }
  if (gates.length > 0) checkGates(gates, gateSourceFromReport(report), io);
  return report;
}

/**
 * The output format an output path implies: .md/.markdown Markdown, .html/.htm HTML, .txt table, else JSON.
 * @param path - the output path
 * @returns the format
 */
export function formatFromPath(path: string): OutputFormat {
  if (/\.md$|\.markdown$/i.test(path)) return 'markdown';
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.txt$/i.test(path)) return 'table';
  return 'json';
}
