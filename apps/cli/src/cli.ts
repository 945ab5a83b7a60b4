import { CHART_NAMES } from '@modelperf/report';
import { BACKEND_CHOICES, INPUT_FORMAT_NAMES, isModelperfError, TASKS } from '@modelperf/core';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type CliIo } from './cli-io.js';
import { evaluateCommand, OUTPUT_FORMATS, type EvaluateCommandOptions } from './commands/evaluate.js';
import { plotCommand, type PlotCommandOptions } from './commands/plot.js';
import { reportCommand, type ReportCommandOptions } from './commands/report.js';
import { GENERATE_TASKS, generateCommand, type GenerateCommandOptions } from './commands/generate.js';
import { serveCommand, type ServeCommandOptions } from './commands/serve.js';
import { BASELINE_FORMATS, baselineCommand, collectPaths, type BaselineCommandOptions } from './commands/baseline.js';
import { COMPARE_FORMATS, compareCommand, type CompareCommandOptions } from './commands/compare.js';
import { COMPARE_TASKS } from '@modelperf/core';
import { BASELINE_MODEL_CHOICES, BASELINE_TASKS } from '@modelperf/core';
import { GateFailure } from './gate-failure.js';
import { CheckFailure } from './check-failure.js';
import { declareCheckCommand } from './commands/check.js';
import { parseCount, parseCountList, parseList, parseNumber, parseZeroDivision } from './parse-options.js';
import { collectGate, collectList, collectSet, parseWholeNumber } from './parse-compare-options.js';
import { VERSION } from './version.js';

/** Exit codes: 0 ok, 1 failure of the run, 2 usage or bad input, 3 a `--require` quality gate failed, 4 `check` found errors. */
export const EXIT = { ok: 0, failure: 1, usage: 2, gate: 3, checkFailed: 4 } as const;

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
    .option('--threads <n>', 'threads, this one included (N - 1 worker threads): a stream\'s batches (default 1), or the score sorts of a whole-file binary/multiclass exact evaluation (from 2^20 rows, unweighted; default: every core, up to 4); the result is identical for any number', parseCount('--threads', '2 or 4'))
    .option('--leaf-rows <n>', 'streamed: rows of consecutive batches evaluated together as one state (default 65536, or 2097152 for exact binary curves with --weight, a leaf also closing at 32 MiB of data; a bigger batch is a leaf alone): smaller leaves hold less memory, larger ones merge less', parseCount('--leaf-rows'))
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
    .option('--require <gate>', 'quality gate on a metric, repeatable: "METRIC OP N" or, with --ci, "METRIC:low OP N"; "METRIC[VALUE]" / "METRIC[*]" within one / every slice of --by; OP is >=, >, <=, <; e.g. "roc_auc>=0.8"; a failed gate exits 3 (gates against baselines: modelperf compare)', collectGate, undefined)
    .action(async (file: string, opts: EvaluateCommandOptions) => {
      await evaluateCommand(file, opts, io);
    });

  program
    .command('compare')
    .description('compare a candidate model with baselines on the same rows: metrics side by side, differences with paired intervals (bootstrap; DeLong for ROC AUC), per slice; --require gates exit 3 when they fail')
    .argument('<file>', 'the candidate\'s file (labels and scores): .arrow, .arrows, .parquet, .csv')
    .addOption(new Option('--task <task>', 'task to compare').choices([...COMPARE_TASKS]).default('binary'))
    .option('--label <column>', 'true labels (binary, multiclass) or target (regression)')
    .option('--score <column>', 'binary: the candidate\'s score of the positive class')
    .option('--pred <column>', 'regression: the candidate\'s prediction; multiclass: its predicted class')
    .option('--scores <columns>', 'multiclass: the candidate\'s score columns, one per class in class order (instead of --pred)', parseList)
    .option('--classes <names>', 'multiclass: class names in the order of the score columns (default 0..K-1)', parseList)
    .option('--baseline <columns>', 'baseline column(s) of the same file, of the same kind as the candidate\'s (repeat or comma-separate)', collectList, undefined)
    .option('--baseline-set <columns>', 'multiclass with --scores: one baseline\'s score columns, comma-separated in class order (repeat for more baselines)', collectSet, undefined)
    .option('--baseline-file <file>', 'a second file holding a baseline\'s scores for the same rows, joined on --id')
    .option('--id <column>', 'with --baseline-file: the row id column present in both files (ids must match one to one)')
    .option('--baseline-id <column>', 'with --baseline-file: the id column\'s name in that file when it differs (e.g. `row` from modelperf baseline)')
    .option('--baseline-score <columns>', 'with --baseline-file: its score/prediction column(s) (default: the candidate\'s column name(s))', collectList, undefined)
    .option('--baseline-name <name>', 'with --baseline-file: the name of its single baseline (default: its column, or "baseline" when that name is taken)')
    .option('--weight <column>', 'column of non-negative sample weights (ROC AUC then gets bootstrap intervals, not DeLong)')
    .option('--pos-label <value>', 'binary: the positive class (default: 1, true, or the greatest label)')
    .option('--threshold <t>', 'binary: predicted positive iff score >= t (default 0.5)', parseNumber('--threshold'))
    .option('--beta <b>', 'binary: beta of the F-beta score (default 1)', parseNumber('--beta'))
    .option('--quantile <q>', 'regression: alpha of the pinball loss (default 0.5)', parseNumber('--quantile'))
    .option('--by <columns>', 'also compare within every slice of these columns (comma-separated: their combinations)', parseList)
    .option('--min-slice-rows <n>', 'slices with fewer rows are listed in a warning, not compared (default 1)', parseCount('--min-slice-rows'))
    .option('--ci <level>', 'confidence level of the intervals (default 0.95)', parseNumber('--ci'))
    .option('--bootstrap <n>', 'paired bootstrap replicates (default 200; 0 = none, DeLong only)', parseWholeNumber('--bootstrap'))
    .option('--seed <s>', 'seed of the bootstrap (default 0)', parseNumber('--seed'))
    .option('--require <gate>', 'quality gate, repeatable: "METRIC OP N" on the candidate, "METRIC-BASELINE OP N" on candidate - baseline ("baseline" = the only one), ":low"/":high" or lower(...)/upper(...) for an interval end, "[VALUE]" within a slice of --by or "[*]" within every slice; OP is >=, >, <=, <; e.g. "roc_auc>=0.8", "roc_auc-baseline:low>=0.02", "roc_auc-baseline[*]:low>=-0.01"; a failed gate exits 3', collectGate, undefined)
    .addOption(new Option('--backend <backend>', 'kernel backend: auto = tfjs when a GPU loads, else js').choices([...BACKEND_CHOICES]).default('auto'))
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices([...COMPARE_FORMATS]))
    .option('--out <file>', 'write the comparison to this file (atomically) instead of stdout')
    .addOption(new Option('--input-format <format>', 'override the format detected from the extension (both files)').choices([...INPUT_FORMAT_NAMES]))
    .addOption(new Option('--nan <policy>', 'null/NaN in a used column: error, or drop the row for every model').choices(['error', 'drop']).default('error'))
    .option('--zero-division <value>', '0/0 in precision, recall or F becomes 0, 1 or nan (default 0)', parseZeroDivision)
    .action(async (file: string, opts: CompareCommandOptions) => {
      await compareCommand(file, opts, io);
    });

  declareCheckCommand(program, io);

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
    .description('render a saved JSON result as a self-contained HTML page with charts, Markdown or a table: evaluate and check results in all three, compare and baseline results as Markdown or a table')
    .argument('<file>', 'the saved JSON (--format json of evaluate, check, compare or baseline)')
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

  program
    .command('baseline')
    .description('fit baselines (dummies, logistic or ridge regression) on a training file and evaluate them on the training and evaluation files; --out writes the predictions of the first --eval file')
    .requiredOption('--train <file>', 'training file: .arrow, .arrows, .parquet, .csv')
    .option('--eval <file>', 'evaluation file, repeatable (the first one\'s predictions go to --out)', collectPaths, undefined)
    .addOption(new Option('--task <task>', 'task').choices([...BASELINE_TASKS]).makeOptionMandatory())
    .requiredOption('--label <column>', 'label (classification), target (regression) or relevance (ranking) column')
    .option('--features <columns>', 'feature columns, comma-separated (default: every other column)', parseList)
    .option('--exclude <columns>', 'columns never used as features, e.g. ids (comma-separated)', parseList)
    .addOption(new Option('--model <model>', 'which baselines: dummy, the trained model of the task (logistic for classification, linear for regression), or all').choices([...BASELINE_MODEL_CHOICES]).default('all'))
    .option('--l2 <penalty>', 'L2 penalty: 1/C of logistic regression, alpha of ridge (default 1, scikit-learn\'s defaults; 0 = none)', parseNumber('--l2'))
    .option('--max-iter <n>', 'logistic regression: Newton iterations at most (default 100)', parseCount('--max-iter'))
    .option('--max-categories <n>', 'one-hot columns per string feature at most; rarer categories share one (default 20)', parseCount('--max-categories'))
    .option('--seed <s>', 'seed of the stratified dummy (default 0)', parseNumber('--seed'))
    .option('--quantile <q>', 'regression: q of the quantile dummy and alpha of the pinball loss (default 0.9)', parseNumber('--quantile'))
    .option('--by <columns>', 'also evaluate per slice of these columns, and fit the dummies per slice (<strategy>_per_slice)', parseList)
    .option('--query <column>', 'ranking: the query id column')
    .option('--item <column>', 'ranking: the item id column the popularity baseline counts')
    .addOption(new Option('--backend <backend>', 'trained model: js (float64, default), tfjs (TensorFlow.js tensor products, float32; GPU with tfjs-node-gpu), auto (tfjs only with a GPU)').choices(['auto', 'js', 'tfjs']).default('js'))
    .option('--out <file>', 'write the predictions of the first --eval file here (row + <model>_score or <model>_p<k> columns; format from the extension)')
    .option('--report <file>', 'write the evaluation report to this file (atomically) instead of stdout')
    .addOption(new Option('--format <format>', 'report format (default: table on a terminal, json otherwise)').choices([...BASELINE_FORMATS]))
    .addOption(new Option('--input-format <format>', 'override the format detected from the extensions').choices([...INPUT_FORMAT_NAMES]))
    .action(async (opts: BaselineCommandOptions) => {
      await baselineCommand({ ...opts, eval: opts.eval ?? [] }, io);
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
    if (error instanceof GateFailure) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.gate;
    }
    if (error instanceof CheckFailure) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.checkFailed;
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
