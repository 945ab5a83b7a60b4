import { reportToJson, type BackendChoice, type Report, type ZeroDivision } from '@modelperf/core';
import { evaluateFile, writeFileAtomic } from '@modelperf/core/node';
import type { CliIo } from '../cli-io.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { renderTable } from '../render/render-table.js';

/** Output formats of `evaluate`. */
export const OUTPUT_FORMATS = ['table', 'json', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Parsed options of `modelperf evaluate`. */
export interface EvaluateCommandOptions {
  task: 'binary';
  label: string;
  score: string;
  weight?: string;
  posLabel?: string;
  threshold?: number;
  beta?: number;
  curves?: boolean;
  backend?: BackendChoice;
  format?: OutputFormat;
  out?: string;
  inputFormat?: string;
  nan?: 'error' | 'drop';
  zeroDivision?: ZeroDivision;
}

/**
 * Renders a report in the requested format.
 * @param report - the report
 * @param format - table, json or markdown
 * @returns the text to print or write
 */
export function renderReport(report: Report, format: OutputFormat): string {
  if (format === 'json') return reportToJson(report) + '\n';
  if (format === 'markdown') return renderMarkdown(report);
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
  const report = await evaluateFile(file, {
    task: options.task,
    label: options.label,
    score: options.score,
    weight: options.weight,
    inputFormat: options.inputFormat,
    posLabel: options.posLabel,
    threshold: options.threshold,
    beta: options.beta,
    curves: options.curves,
    backend: options.backend,
    nan: options.nan,
    zeroDivision: options.zeroDivision,
  });
  // A terminal gets the readable table; a pipe or file gets JSON unless a format is asked for.
  const format = options.format ?? (options.out === undefined && io.stdout.isTTY ? 'table' : options.out ? formatFromPath(options.out) : 'json');
  const text = renderReport(report, format);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, text);
    io.stderr.write(`wrote ${format} report to ${options.out}\n`);
  } else {
    io.stdout.write(text);
  }
  return report;
}

function formatFromPath(path: string): OutputFormat {
  if (/\.md$|\.markdown$/i.test(path)) return 'markdown';
  if (/\.txt$/i.test(path)) return 'table';
  return 'json';
}
