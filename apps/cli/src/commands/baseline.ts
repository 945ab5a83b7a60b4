import { basename, extname } from 'node:path';
import {
  reportToJson, runBaselines, ValidationError, type BaselineReport, type BaselineSpec,
} from '@modelperf/core';
import { detectInputFormat, readTableFile, writeFileAtomic, writeTableFile } from '@modelperf/core/node';
import { renderBaselinesMarkdown, renderBaselinesTable } from '@modelperf/report';
import type { CliIo } from '../cli-io.js';

/** Output formats of `modelperf baseline`. */
export const BASELINE_FORMATS = ['table', 'json', 'markdown'] as const;
/** A baseline output format. */
export type BaselineFormat = (typeof BASELINE_FORMATS)[number];

/** Parsed options of `modelperf baseline`: the core's spec plus the files and output. */
export interface BaselineCommandOptions extends BaselineSpec {
  train: string;
  eval: string[];
  out?: string;
  report?: string;
  format?: BaselineFormat;
  inputFormat?: string;
}

/**
 * Renders a baseline report.
 * @param report - the report
 * @param format - table, json (`{ "baselines": [...] }` and the rest of the report) or markdown
 * @returns the text
 */
export function renderBaselineReport(report: BaselineReport, format: BaselineFormat): string {
  if (format === 'json') return reportToJson(report) + '\n';
  if (format === 'markdown') return renderBaselinesMarkdown(report);
  return renderBaselinesTable(report);
}

/**
 * `modelperf baseline --train F --eval F ...`: fits the baselines on the training file, writes the predictions of
 * the first evaluation file (`--out`, atomically) and prints (or writes with `--report`) the evaluation of every
 * baseline on every split.
 * @param options - parsed command-line options
 * @param io - output streams
 * @returns the report
 */
export async function baselineCommand(options: BaselineCommandOptions, io: CliIo): Promise<BaselineReport> {
  if (options.eval.length === 0) throw new ValidationError('invalid_argument', 'Give at least one evaluation file with --eval.');
  const outFormat = options.out !== undefined ? detectInputFormat(options.out) : undefined;
  const train = (await readTableFile(options.train, { format: options.inputFormat })).table;
  const splits = [];
  for (const path of options.eval) {
    splits.push({ name: splitName(path), table: (await readTableFile(path, { format: options.inputFormat })).table });
  }
  const { report, predictions } = await runBaselines(train, splits, {
    task: options.task, label: options.label, features: options.features, exclude: options.exclude, model: options.model,
    l2: options.l2, maxIter: options.maxIter, maxCategories: options.maxCategories, seed: options.seed,
    quantile: options.quantile, by: options.by, query: options.query, item: options.item, backend: options.backend,
  });
  if (options.out !== undefined && outFormat !== undefined) {
    await writeTableFile(options.out, predictions[0], outFormat);
    io.stderr.write(`wrote baseline predictions of ${report.splits[0].name} (${predictions[0].numRows} rows, ${predictions[0].numCols - 1} columns) to ${options.out}\n`);
  }
  const format = options.format ?? (options.report === undefined && io.stdout.isTTY ? 'table' : options.report !== undefined ? formatOf(options.report) : 'json');
  const text = renderBaselineReport(report, format);
  if (options.report !== undefined) {
    await writeFileAtomic(options.report, text);
    io.stderr.write(`wrote ${format} baseline report to ${options.report}\n`);
  } else {
    io.stdout.write(text);
  }
  for (const m of report.models) {
    if (m.converged === false) io.stderr.write(`warning: ${m.model} did not converge (${m.status ?? '?'}); see the report's warnings\n`);
  }
  return report;
}

/** A split's name: the file name without its extension(s). */
function splitName(path: string): string {
  const name = basename(path);
  const withoutGz = name.endsWith('.gz') ? name.slice(0, -3) : name;
  return withoutGz.slice(0, withoutGz.length - extname(withoutGz).length) || name;
}

function formatOf(path: string): BaselineFormat {
  if (/\.md$|\.markdown$/i.test(path)) return 'markdown';
  if (/\.txt$/i.test(path)) return 'table';
  return 'json';
}

/**
 * Commander collector of a repeatable path option (`--eval a.csv --eval b.csv`).
 * @param value - this occurrence
 * @param previous - the paths so far
 * @returns all paths in order
 */
export function collectPaths(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
