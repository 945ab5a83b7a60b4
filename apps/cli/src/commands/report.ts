import { writeFileAtomic } from '@modelperf/core/node';
import type { CliIo } from '../cli-io.js';
import { formatFromPath, renderReport, type OutputFormat } from './evaluate.js';
import { readReportFile } from './read-report-file.js';

/** Parsed options of `modelperf report`. */
export interface ReportCommandOptions {
  format?: OutputFormat;
  out?: string;
}

/**
 * `modelperf report <result.json>`: renders a saved JSON report as HTML (default with an .html `--out`), Markdown or a
 * table, to stdout or atomically to `--out`.
 * @param file - the saved JSON report
 * @param options - parsed options
 * @param io - output streams
 * @returns the format written
 */
export async function reportCommand(file: string, options: ReportCommandOptions, io: CliIo): Promise<OutputFormat> {
  const report = await readReportFile(file);
  const format = options.format ?? (options.out !== undefined ? formatFromPath(options.out) : io.stdout.isTTY ? 'table' : 'html');
  // `--out x.json` without --format would just copy the input; HTML is what this command is for.
  const chosen = options.format === undefined && format === 'json' ? 'html' : format;
  const text = await renderReport(report, chosen);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, text);
    io.stderr.write(`wrote ${chosen} report to ${options.out}\n`);
  } else {
    io.stdout.write(text);
  }
  return chosen;
}
