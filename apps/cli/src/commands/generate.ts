import {
  binaryPredictionsTable,
  multiclassPredictionsTable,
  multilabelPredictionsTable,
  rankingPredictionsTable,
  regressionPredictionsTable,
  ValidationError,
} from '@modelperf/core';
import { detectInputFormat, writeTableFile } from '@modelperf/core/node';
import { Table } from 'apache-arrow';
import type { CliIo } from '../cli-io.js';

/** Tasks `modelperf generate` can make a sample for. */
export const GENERATE_TASKS = ['binary', 'multiclass', 'multilabel', 'regression', 'ranking'] as const;

/** Parsed options of `modelperf generate`. */
export interface GenerateCommandOptions {
  task: (typeof GENERATE_TASKS)[number];
  rows: number;
  seed: number;
  /** binary only */
  prevalence?: number;
  /** multiclass only */
  classes?: number;
  /** multilabel only */
  labels?: number;
  /** ranking only */
  docsPerQuery?: number;
  out: string;
  format?: string;
}

/**
 * `modelperf generate`: writes a realistic, seeded sample prediction set for one task and reports its columns.
 * @param options - parsed options
 * @param io - output streams
 * @returns the number of rows written
 * @throws ValidationError when an option of another task is given, or an option is out of range
 */
export async function generateCommand(options: GenerateCommandOptions, io: CliIo): Promise<number> {
  checkTaskOptions(options);
  const format = detectInputFormat(options.out, options.format);
  const generated = sampleTable(options);
  // A stream is for batch-by-batch reading, so it gets batches of 2^20 rows; a file keeps one batch, which the
  // whole-file path reads without copying (a multi-batch column must be copied into one array).
  const table = format === 'arrows' ? inBatches(generated, STREAM_BATCH_ROWS) : generated;
  await writeTableFile(options.out, table, format);
  io.stderr.write(
    `wrote ${table.numRows.toLocaleString('en-US')} rows (${format}) to ${options.out}: ` +
      `columns ${table.schema.fields.map((f) => f.name).join(', ')}\n`,
  );
  return table.numRows;
}

const STREAM_BATCH_ROWS = 1 << 20;

/** The same rows as record batches of at most `rows` rows (zero-copy slices). */
function inBatches(table: Table, rows: number): Table {
  const batches = [];
  for (let at = 0; at < table.numRows; at += rows) batches.push(...table.slice(at, Math.min(table.numRows, at + rows)).batches);
  return new Table(batches);
}

function sampleTable(options: GenerateCommandOptions): Table {
  const { rows, seed } = options;
  switch (options.task) {
    case 'multiclass':
      return multiclassPredictionsTable({ rows, seed, classes: options.classes });
    case 'multilabel':
      return multilabelPredictionsTable({ rows, seed, labels: options.labels });
    case 'regression':
      return regressionPredictionsTable({ rows, seed });
    case 'ranking':
      return rankingPredictionsTable({ rows, seed, docsPerQuery: options.docsPerQuery });
    default:
      return binaryPredictionsTable({ rows, seed, prevalence: options.prevalence });
  }
}

/** Task-specific options and the task each applies to, as the CLI spells them. */
const TASK_OPTIONS = [
  ['prevalence', '--prevalence', 'binary'],
  ['classes', '--classes', 'multiclass'],
  ['labels', '--labels', 'multilabel'],
  ['docsPerQuery', '--docs-per-query', 'ranking'],
] as const;

function checkTaskOptions(options: GenerateCommandOptions): void {
  for (const [key, flag, task] of TASK_OPTIONS) {
    if (options[key] !== undefined && options.task !== task) {
      throw new ValidationError(
        'invalid_argument',
        `Expected \`${flag}\` only with \`--task ${task}\`, but the task is ${options.task}.`,
      );
    }
  }
}
