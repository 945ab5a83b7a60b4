import {
  BASELINE_REPORT_SCHEMA, CHECK_REPORT_SCHEMA, COMPARISON_SCHEMA, InputOutputError, REPORT_SCHEMA, ValidationError,
  type BaselineReport, type CheckReport, type ComparisonResult,
} from '@modelperf/core';
import { writeFileAtomic } from '@modelperf/core/node';
import {
  parseModelperfJson, parseReportJson, renderBaselinesMarkdown, renderBaselinesTable, renderCheckHtml, renderCheckMarkdown,
  renderCheckTable, renderComparisonMarkdown, renderComparisonTable,
} from '@modelperf/report';
import type { CliIo } from '../cli-io.js';
import { formatFromPath, renderReport, type OutputFormat } from './evaluate.js';
import { readSavedText } from './read-report-file.js';

/** Parsed options of `modelperf report`. */
export interface ReportCommandOptions {
  format?: OutputFormat;
  out?: string;
}

/**
 * `modelperf report <saved.json>`: renders a saved JSON result — of `evaluate` or `check` as HTML (default with an .html
 * `--out`), Markdown or a table; of `compare` or `baseline` as Markdown or a table — to stdout or atomically to `--out`.
 * @param file - the saved JSON
 * @param options - parsed options
 * @param io - output streams
 * @returns the format written
 * @throws InputOutputError for a missing or unreadable file or JSON that is not a modelperf result; ValidationError for
 * a format the result's kind has no renderer for
 */
export async function reportCommand(file: string, options: ReportCommandOptions, io: CliIo): Promise<OutputFormat> {
  const text = await readSavedText(file);
  const { schema, value } = parseModelperfJson(text, file);
  const format = options.format ?? (options.out !== undefined ? formatFromPath(options.out) : io.stdout.isTTY ? 'table' : 'html');
  // `--out x.json` without --format would just copy the input; HTML is what this command is for.
  let chosen: OutputFormat = options.format === undefined && format === 'json' ? 'html' : format;
  let rendered: string;
  switch (schema) {
    case REPORT_SCHEMA:
      rendered = await renderReport(parseReportJson(text, file), chosen);
      break;
    case CHECK_REPORT_SCHEMA: {
      const report = value as CheckReport;
      rendered = chosen === 'html' ? await renderCheckHtml(report) : chosen === 'markdown' ? renderCheckMarkdown(report)
        : chosen === 'table' ? renderCheckTable(report) : text;
      break;
    }
    case COMPARISON_SCHEMA:
    case BASELINE_REPORT_SCHEMA: {
      // No HTML page for these yet: Markdown is the rich form (PR comments, CI summaries).
      if (options.format === 'html') {
        throw new ValidationError('invalid_argument', `${file} is a ${schema === COMPARISON_SCHEMA ? 'comparison' : 'baselines report'}, which renders as --format markdown or table, not html.`);
      }
      if (chosen === 'html') chosen = 'markdown';
      rendered = schema === COMPARISON_SCHEMA
        ? (chosen === 'table' ? renderComparisonTable(value as ComparisonResult) : chosen === 'markdown' ? renderComparisonMarkdown(value as ComparisonResult) : text)
        : (chosen === 'table' ? renderBaselinesTable(value as BaselineReport) : chosen === 'markdown' ? renderBaselinesMarkdown(value as BaselineReport) : text);
      break;
    }
    default:
      throw new InputOutputError('corrupt_file', `${file} holds a modelperf result of an unknown kind (${JSON.stringify(schema)}); this modelperf renders ${[REPORT_SCHEMA, CHECK_REPORT_SCHEMA, COMPARISON_SCHEMA, BASELINE_REPORT_SCHEMA].join(', ')}.`);
  }
  const out = rendered.endsWith('\n') ? rendered : `${rendered}\n`;
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, out);
    io.stderr.write(`wrote ${chosen} report to ${options.out}\n`);
  } else {
    io.stdout.write(out);
  }
  return chosen;
}
