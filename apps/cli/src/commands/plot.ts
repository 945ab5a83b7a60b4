import { ValidationError } from '@modelperf/core';
import { writeFileAtomic } from '@modelperf/core/node';
import { renderChartPng, renderChartSvg, type ChartName } from '@modelperf/report';
import type { CliIo } from '../cli-io.js';
import { readReportFile } from './read-report-file.js';

/** Parsed options of `modelperf plot`. */
export interface PlotCommandOptions {
  chart: ChartName;
  out: string;
}

/**
 * `modelperf plot <result.json> --chart roc --out roc.svg|roc.png`: draws one chart of a saved report; the format
 * comes from the extension of `--out`.
 * @param file - the saved JSON report
 * @param options - chart and output path
 * @param io - output streams
 * @returns the image format written
 * @throws ValidationError for an extension other than .svg/.png, or a chart the report cannot draw
 */
export async function plotCommand(file: string, options: PlotCommandOptions, io: CliIo): Promise<'svg' | 'png'> {
  const ext = /\.(svg|png)$/i.exec(options.out)?.[1].toLowerCase() as 'svg' | 'png' | undefined;
  if (ext === undefined) throw new ValidationError('invalid_argument', `--out must end in .svg or .png, got ${options.out}.`);
  const report = await readReportFile(file);
  const data = ext === 'svg' ? await renderChartSvg(report, options.chart) : await renderChartPng(report, options.chart);
  await writeFileAtomic(options.out, data);
  io.stderr.write(`wrote ${options.chart} chart (${ext}) to ${options.out}\n`);
  return ext;
}
