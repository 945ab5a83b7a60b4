import { CHART_NAMES } from '@modelperf/report';
import { BACKEND_CHOICES, INPUT_FORMAT_NAMES, isModelperfError, TASKS } from '@modelperf/core';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type CliIo } from './cli-io.js';
import { evaluateCommand, OUTPUT_FORMATS, type EvaluateCommandOptions } from './commands/evaluate.js';
import { plotCommand, type PlotCommandOptions } from './commands/plot.js';
import { reportCommand, type ReportCommandOptions } from './commands/report.js';
import { GENERATE_TASKS, generateCommand, type GenerateCommandOptions } from './commands/generate.js';
import { serveCommand, type ServeCommandOptions } from './commands/serve.js';
import { parseCount, parseCountList, parseList, parseNumber, parseZeroDivision } from './parse-options.js';
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
    .argument('<file>', 'input file: .arrow/.feather/.ipc (Arrow IPC file), .arrows (IPC stream), .parquet, .csv; "-" reads an Arrow stream (or CSV with --input-format csv) from stdin')
    .addOption(new Option('--task <task>', 'evaluation task').choices([...TASKS]).default('binary'))
    .option('--label <column>', 'true labels (binary, multiclass, ranking relevance) or target (regression)')
    .option('--labels <columns>', 'multilabel: the 0/1 label columns, comma-separated', parseList)
    .option('--score <column>', 'binary: score of the positive class; ranking: the document score')
    .option('--scores <columns>', 'multiclass: one score column per class, in class order; multilabel: one per label', parseList)
    .option('--pred <column>', 'regression: the prediction; multiclass: hard predicted classes')
    .option('--query <column>', 'ranking: the query id column')
    .option('--weight <column>', 'column of non-negative sample weights')
    .option('--pos-label <value>', 'binary: the positive class (default: 1, true, or the greatest label)')
    .option('--threshold <t>', 'binary/multilabel: predicted positive iff score >= t (default 0.5)', parseNumber('--threshold'))
    .option('--beta <b>', 'binary: beta of the F-beta score (default 1)', parseNumber('--beta'))
    .option('--curves', 'binary: include ROC and PR curves in the report')
    .option('--bins <n>', 'binary: bins of the calibration curve (default 10); with --curve-mode binned, bins of the score histogram (default 65536)', parseCount('--bins'))
    .addOption(new Option('--curve-mode <mode>', 'binary: exact sorted runs (default) or a fixed histogram (O(bins) memory, streamed; reports the maximum AUC error)').choices(['exact', 'binned']))
    .option('--stream', 'read and evaluate batch by batch in bounded memory (default for stdin "-" and --curve-mode binned; not with --by/--ci)')
    .option('--quiet', 'no progress bar on stderr')
    .option('--cost-fp <c>', 'binary: cost of a false positive, for the cost-optimal threshold (default 1)', parseNumber('--cost-fp'))
    .option('--cost-fn <c>', 'binary: cost of a false negative (default 1)', parseNumber('--cost-fn'))
    .option('--classes <names>', 'multiclass: class names in the order of the score columns (default 0..K-1)', parseList)
    .option('--top-k <k>', 'multiclass: also report top_<k>_accuracy', parseCount('--top-k'))
    .option('--k <list>', 'ranking: cut-offs, comma-separated (default 5,10)', parseCountList('--k'))
    .addOption(new Option('--gain <gain>', 'ranking: gain of a relevance grade (default linear)').choices(['linear', 'exponential']))
    .option('--quantile <q>', 'regression: alpha of the pinball loss (default 0.5)', parseNumber('--quantile'))
    .option('--by <columns>', 'also evaluate every slice of these columns (comma-separated: their combinations)', parseList)
    .option('--min-slice-rows <n>', 'slices with fewer rows are listed in a warning, not evaluated (default 1)', parseCount('--min-slice-rows'))
    .option('--ci <level>', 'confidence intervals at this level, e.g. 0.95 (DeLong for ROC AUC, bootstrap for the rest)', parseNumber('--ci'))
    .option('--bootstrap <n>', 'bootstrap replicates for --ci (default 200)', parseCount('--bootstrap'))
    .option('--seed <s>', 'seed of the bootstrap (default 0)', parseNumber('--seed'))
    .addOption(new Option('--backend <backend>', 'kernel backend: auto = tfjs when a GPU loads, else js').choices([...BACKEND_CHOICES]).default('auto'))
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices([...OUTPUT_FORMATS]))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .addOption(new Option('--input-format <format>', 'override the format detected from the extension').choices([...INPUT_FORMAT_NAMES]))
    .addOption(new Option('--nan <policy>', 'null/NaN in a used column: error, or drop the rows and count them').choices(['error', 'drop']).default('error'))
    .option('--zero-division <value>', '0/0 in precision, recall or F becomes 0, 1 or nan (default 0)', parseZeroDivision)
    .action(async (file: string, opts: EvaluateCommandOptions) => {
      await evaluateCommand(file, opts, io);
    });

  program
    .command('generate')
    .description('write a realistic seeded sample prediction set for a task; prints the columns written')
    .addOption(new Option('--task <task>', 'task of the sample').choices([...GENERATE_TASKS]).default('binary'))
    .option('--rows <n>', 'number of rows (1e6 notation accepted)', parseCount('--rows'), 100_000)
    .option('--seed <s>', 'random seed', parseNumber('--seed'), 42)
    .option('--prevalence <p>', 'binary: share of positive labels (default 0.2)', parseNumber('--prevalence'))
    .option('--classes <k>', 'multiclass: number of classes, columns p0..p<k-1> (default 4)', parseCount('--classes'))
    .option('--labels <l>', 'multilabel: number of labels, columns y0.., s0.. (default 3)', parseCount('--labels'))
    .option('--docs-per-query <n>', 'ranking: mean documents per query (default 20)', parseCount('--docs-per-query'))
    .requiredOption('--out <file>', 'output file (.arrow, .arrows, .csv, ...)')
    .addOption(new Option('--format <format>', 'override the format detected from the extension').choices([...INPUT_FORMAT_NAMES]))
    .action(async (opts: GenerateCommandOptions) => {
      await generateCommand(opts, io);
    });

  program
    .command('report')
    .description('render a saved JSON report (evaluate --format json) as a self-contained HTML page with charts, Markdown or a table')
    .argument('<file>', 'the saved JSON report')
    .addOption(new Option('--format <format>', 'output format (default: from the --out extension, html for files, table on a terminal)').choices(['html', 'markdown', 'table']))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .action(async (file: string, opts: ReportCommandOptions) => {
      await reportCommand(file, opts, io);
    });

  program
    .command('plot')
    .description('draw one chart of a saved JSON report as SVG or PNG (format from the --out extension)')
    .argument('<file>', 'the saved JSON report')
    .addOption(new Option('--chart <chart>', 'which chart').choices([...CHART_NAMES]).makeOptionMandatory())
    .requiredOption('--out <file>', 'output image: .svg or .png')
    .action(async (file: string, opts: PlotCommandOptions) => {
      await plotCommand(file, opts, io);
    });

  program
    .command('serve')
    .description('start the HTTP API (POST /v1/evaluate, /v1/jobs, /metrics, /docs); env vars MODELPERF_* also apply')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free one (default 8080)')
    .option('--data-dir <dir>', 'directory that POST /v1/jobs paths are relative to')
    .option('--token-file <file>', 'file holding the bearer token every /v1 route then needs')
    .option('--body-limit <bytes>', 'largest request body (default 1073741824)')
    .option('--row-limit <rows>', 'most rows one evaluation may hold (default: none)')
    .option('--request-timeout-ms <ms>', 'time an evaluation request may take (default 300000)')
    .option('--max-concurrent <n>', 'evaluations at once; beyond it 503 with Retry-After (default 4)')
    .option('--log-level <level>', 'pino log level on stderr, or silent (default info)')
    .action(async (opts: ServeCommandOptions) => {
      await serveCommand(opts, io);
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
