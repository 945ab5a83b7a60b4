import { binaryPredictionsTable } from '@modelperf/core';
import { detectInputFormat, writeTableFile } from '@modelperf/core/node';
import type { CliIo } from '../cli-io.js';

/** Parsed options of `modelperf generate`. */
export interface GenerateCommandOptions {
  task: 'binary';
  rows: number;
  seed: number;
  prevalence?: number;
  out: string;
  format?: string;
}

/**
 * `modelperf generate`: writes a realistic, seeded sample prediction set (label, score, id, segment columns).
 * @param options - parsed options
 * @param io - output streams
 * @returns the number of rows written
 */
export async function generateCommand(options: GenerateCommandOptions, io: CliIo): Promise<number> {
  const format = detectInputFormat(options.out, options.format);
  const table = binaryPredictionsTable({ rows: options.rows, seed: options.seed, prevalence: options.prevalence });
  await writeTableFile(options.out, table, format);
  io.stderr.write(`wrote ${table.numRows.toLocaleString('en-US')} rows (${format}) to ${options.out}\n`);
  return table.numRows;
}
