import {
  CHECK_NAMES, INPUT_FORMAT_NAMES, reportToJson, ValidationError, type CheckName, type CheckReport, type CheckThresholds,
} from '@modelperf/core';
import { checkFiles, writeFileAtomic } from '@modelperf/core/node';
import { renderCheckHtml, renderCheckMarkdown, renderCheckTable } from '@modelperf/report';
import { type Command, Option } from 'commander';
import { CheckFailure } from '../check-failure.js';
import type { CliIo } from '../cli-io.js';
import { parseCount, parseList, parseNumber } from '../parse-options.js';
import { createProgress } from '../progress.js';
import { formatFromPath, OUTPUT_FORMATS, type OutputFormat } from './evaluate.js';

/** Parsed options of `modelperf check`. */
export interface CheckCommandOptions {
  train: string;
  val?: string;
  test: string;
  label?: string;
  id?: string;
  time?: string;
  score?: string;
  features?: string[];
  duplicatesWithLabel?: boolean;
  skip?: string[];
  failOn?: 'error' | 'warning';
  format?: OutputFormat;
  out?: string;
  inputFormat?: string;
  quiet?: boolean;
  psiBins?: number;
  maxCategories?: number;
  maxExamples?: number;
  seed?: number;
  domainSampleRows?: number;
  overlapShare?: number;
  duplicateShare?: number;
  leakageThreshold?: number;
  idCorrelation?: number;
  psiThreshold?: number;
  ksThreshold?: number;
  pValue?: number;
  missingRate?: number;
  missingDiff?: number;
  newCategoryShare?: number;
  imbalanceRatio?: number;
  domainAuc?: number;
}

/** Threshold flags: option key, flag, threshold key, help. Defaults come from the core (`DEFAULT_CHECK_THRESHOLDS`). */
const THRESHOLD_FLAGS: ReadonlyArray<[keyof CheckCommandOptions, string, keyof CheckThresholds, string]> = [
  ['overlapShare', '--overlap-share', 'overlapShare', 'train_test_duplicates is an error above this share of a split found in train (default 0.01; any is a warning)'],
  ['duplicateShare', '--duplicate-share', 'duplicateShare', 'duplicate_rows warns above this share of repeated rows in a split (default 0.01)'],
  ['leakageThreshold', '--leakage-threshold', 'leakage', 'target_leakage errs when one feature alone reaches this AUC/R²/uncertainty coefficient (default 0.98)'],
  ['idCorrelation', '--id-correlation', 'idCorrelation', 'target_leakage warns when an identifier-like column has |AUC-0.5| or |r| of at least this (default 0.1)'],
  ['psiThreshold', '--psi-threshold', 'psi', 'drift warns at this population stability index (default 0.2)'],
  ['ksThreshold', '--ks-threshold', 'ksStatistic', 'drift also warns at this KS statistic when its p-value is below --p-value (default 0.1)'],
  ['pValue', '--p-value', 'pValue', 'significance level of the KS test (default 0.01)'],
  ['missingRate', '--missing-rate', 'missingRate', 'missing_values warns at this missing rate (default 0.5; any missing is info)'],
  ['missingDiff', '--missing-diff', 'missingDiff', 'missing_mismatch warns when missing rates differ from train by this much (default 0.1)'],
  ['newCategoryShare', '--new-category-share', 'newCategoryShare', 'new_categories warns when this share of a split has unseen categories (default 0.01)'],
  ['imbalanceRatio', '--imbalance-ratio', 'imbalanceRatio', 'class_imbalance warns when the largest class is this many times the smallest (default 10)'],
  ['domainAuc', '--domain-auc', 'domainAuc', 'representativeness warns when the train-vs-split classifier reaches this ROC AUC (default 0.6)'],
];

/**
 * Declares `modelperf check` on the program.
 * @param program - the commander program
 * @param io - output streams
 */
export function declareCheckCommand(program: Command, io: CliIo): void {
  const command = program
    .command('check')
    .description('check train/val/test splits before training: leakage, duplicates across splits, drift, schema, missing values; exits 4 when an error-level finding exists')
    .requiredOption('--train <file>', 'the training split (.arrow, .arrows, .parquet, .csv)')
    .option('--val <file>', 'a validation split, compared with train like the test split')
    .requiredOption('--test <file>', 'the test split')
    .option('--label <column>', 'the label: conflicting labels, target leakage, label drift, class imbalance')
    .option('--id <column>', 'a row id column: id_overlap and identifier leakage (not a feature)')
    .option('--time <column>', 'a time column (date, timestamp, number or ISO text): time_leakage (not a feature)')
    .option('--score <column>', 'a model score column: prediction_drift (not a feature)')
    .option('--features <columns>', 'the feature columns, comma-separated (default: every other train column)', parseList)
    .option('--duplicates-with-label', 'train_test_duplicates: a row is shared only when train has it with the same label too (default: the feature values alone)')
    .option('--skip <checks>', `checks to leave out, comma-separated: ${CHECK_NAMES.join(', ')}`, parseList)
    .addOption(new Option('--fail-on <severity>', 'exit 4 on findings of this severity or worse').choices(['error', 'warning']).default('error'))
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices([...OUTPUT_FORMATS]))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .addOption(new Option('--input-format <format>', 'override the format detected from the extensions').choices([...INPUT_FORMAT_NAMES]))
    .option('--quiet', 'no progress bar on stderr')
    .option('--psi-bins <n>', 'quantile bins of the numeric PSI (default 10: train deciles)', parseCount('--psi-bins'))
    .option('--max-categories <n>', 'distinct categories kept per column (default 10000)', parseCount('--max-categories'))
    .option('--max-examples <n>', 'example row numbers per finding (default 5)', parseCount('--max-examples'))
    .option('--seed <s>', 'seed of the representativeness sample (default 0)', parseNumber('--seed'))
    .option('--domain-sample-rows <n>', 'rows sampled per split for the representativeness classifier (default 100000)', parseCount('--domain-sample-rows'));
  for (const [, flag, , help] of THRESHOLD_FLAGS) command.option(`${flag} <x>`, help, parseNumber(flag));
  command.action(async (opts: CheckCommandOptions) => {
    await checkCommand(opts, io);
  });
}

/**
 * `modelperf check`: streams the split files into check states, runs every check and prints (or atomically writes)
 * the report; then throws {@link CheckFailure} (exit 4) when a finding at `--fail-on` severity or worse exists.
 * @param options - parsed options
 * @param io - output streams
 * @returns the report
 * @throws CheckFailure after the output when the checks fail; modelperf errors for bad files or options
 */
export async function checkCommand(options: CheckCommandOptions, io: CliIo): Promise<CheckReport> {
  const skip = (options.skip ?? []).map((name) => {
    if (!(CHECK_NAMES as readonly string[]).includes(name)) {
      throw new ValidationError('invalid_argument', `--skip: unknown check "${name}"; the checks are ${CHECK_NAMES.join(', ')}.`);
    }
    return name as CheckName;
  });
  const thresholds: Partial<Record<keyof CheckThresholds, number>> = {};
  for (const [key, , threshold] of THRESHOLD_FLAGS) if (options[key] !== undefined) thresholds[threshold] = options[key] as number;
  const progress = createProgress(io, { quiet: options.quiet });
  let report: CheckReport;
  try {
    report = await checkFiles(
      { train: options.train, val: options.val, test: options.test },
      {
        label: options.label, id: options.id, time: options.time, score: options.score, features: options.features, skip, duplicatesWithLabel: options.duplicatesWithLabel,
        thresholds, psiBins: options.psiBins, maxCategories: options.maxCategories, maxExamples: options.maxExamples,
        seed: options.seed, domainSampleRows: options.domainSampleRows,
      },
      { inputFormat: options.inputFormat, onProgress: (p) => progress.tick(p) },
    );
  } finally {
    progress.stop();
  }
  const format = options.format ?? (options.out !== undefined ? formatFromPath(options.out) : io.stdout.isTTY ? 'table' : 'json');
  const text = format === 'json' ? `${reportToJson(report)}\n`
    : format === 'markdown' ? renderCheckMarkdown(report)
    : format === 'html' ? await renderCheckHtml(report)
    : renderCheckTable(report);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, text);
    io.stderr.write(`wrote ${format} check report to ${options.out}\n`);
  } else {
    io.stdout.write(text);
  }
  const failOn = options.failOn ?? 'error';
  if (report.summary.errors > 0 || (failOn === 'warning' && report.summary.warnings > 0)) throw new CheckFailure(report.summary, failOn);
  return report;
}
