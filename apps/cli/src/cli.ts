import { BACKEND_CHOICES, INPUT_FORMAT_NAMES, isModelperfError } from '@modelperf/core';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type CliIo } from './cli-io.js';
import { evaluateCommand, OUTPUT_FORMATS, type EvaluateCommandOptions } from './commands/evaluate.js';
import { generateCommand, type GenerateCommandOptions } from './commands/generate.js';
import { parseCount, parseNumber, parseZeroDivision } from './parse-options.js';
import { VERSION } from './version.js';

/** Exit codes: 0 ok, 1 failure of the run, 2 usage or bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * Declares the `modelperf` program; actions write to `io` and record the exit code through `setExit`.
 * @param io - output streams
 * @returns the commander program
 */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command();
  program
    .name('modelperf')
    .description('Exact, fast evaluation of model predictions stored as Arrow, Parquet or CSV.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    })
    .exitOverride();

  program
    .command('evaluate')
    .description('evaluate predictions in a file against their labels and print a report')
    .argument('<file>', 'input file: .arrow/.feather/.ipc (Arrow IPC file), .arrows (IPC stream), .parquet, .csv')
    .addOption(new Option('--task <task>', 'evaluation task').choices(['binary']).default('binary'))
    .requiredOption('--label <column>', 'column holding the true labels (0/1, booleans, integers or strings)')
    .requiredOption('--score <column>', 'column holding the scores (probabilities or any real-valued score)')
    .option('--pos-label <value>', 'the positive class (default: 1, true, or the greatest label)')
    .option('--threshold <t>', 'predicted positive iff score >= t', parseNumber('--threshold'), 0.5)
    .option('--weight <column>', 'column of non-negative sample weights')
    .option('--beta <b>', 'beta of the F-beta score', parseNumber('--beta'), 1)
    .option('--curves', 'include ROC and PR curves in the report')
    .addOption(new Option('--backend <backend>', 'kernel backend: auto = tfjs when a GPU loads, else js').choices([...BACKEND_CHOICES]).default('auto'))
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices([...OUTPUT_FORMATS]))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .addOption(new Option('--input-format <format>', 'override the format detected from the extension').choices([...INPUT_FORMAT_NAMES]))
    .addOption(new Option('--nan <policy>', 'null/NaN in a used column: error, or drop the rows and count them').choices(['error', 'drop']).default('error'))
    .option('--zero-division <value>', '0/0 in precision, recall or F becomes 0, 1 or nan', parseZeroDivision, 0)
    .action(async (file: string, opts: EvaluateCommandOptions) => {
      await evaluateCommand(file, opts, io);
    });

  program
    .command('generate')
    .description('write a realistic seeded sample prediction set (columns id, label, score, segment)')
    .addOption(new Option('--task <task>', 'task of the sample').choices(['binary']).default('binary'))
    .option('--rows <n>', 'number of rows (1e6 notation accepted)', parseCount('--rows'), 100_000)
    .option('--seed <s>', 'random seed', parseNumber('--seed'), 42)
    .option('--prevalence <p>', 'share of positive labels', parseNumber('--prevalence'))
    .requiredOption('--out <file>', 'output file (.arrow, .arrows, .csv, ...)')
    .addOption(new Option('--format <format>', 'override the format detected from the extension').choices([...INPUT_FORMAT_NAMES]))
    .action(async (opts: GenerateCommandOptions) => {
      await generateCommand(opts, io);
    });

  return program;
}

/**
 * Runs the CLI and returns its exit code; only `bin.ts` calls `process.exit`.
 * @param argv - arguments after the node and script paths
 * @param io - output streams
 * @returns the exit code
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = createProgram(io);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed usage errors.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (isModelperfError(error)) {
      io.stderr.write(`error: ${error.message}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return error.code === 'internal' ? EXIT.failure : EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`error: unexpected failure: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}
