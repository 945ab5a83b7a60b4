import { basename } from 'node:path';
import {
  compareModels, gateSourceFromComparison, evaluateGates, joinOnId, parseGate, reportToJson, ValidationError,
  type BackendChoice, type CompareTask, type ComparisonResult, type ComparisonSpec, type Gate, type ZeroDivision,
} from '@modelperf/core';
import { readTableFile, writeFileAtomic } from '@modelperf/core/node';
import { renderComparisonMarkdown, renderComparisonTable } from '@modelperf/report';
import type { CliIo } from '../cli-io.js';
import { GateFailure } from '../gate-failure.js';

/** Output formats of `compare`. */
export const COMPARE_FORMATS = ['table', 'json', 'markdown'] as const;
/** One of {@link COMPARE_FORMATS}. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** Parsed options of `modelperf compare`. */
export interface CompareCommandOptions {
  task: CompareTask;
  label?: string;
  score?: string;
  pred?: string;
  scores?: string[];
  classes?: string[];
  baseline?: string[];
  baselineSet?: string[][];
  baselineFile?: string;
  baselineScore?: string[];
  baselineName?: string;
  id?: string;
  baselineId?: string;
  weight?: string;
  posLabel?: string;
  threshold?: number;
  beta?: number;
  quantile?: number;
  by?: string[];
  minSliceRows?: number;
  ci?: number;
  bootstrap?: number;
  seed?: number;
  require?: string[];
  backend?: BackendChoice;
  format?: CompareFormat;
  out?: string;
  inputFormat?: string;
  nan?: 'error' | 'drop';
  zeroDivision?: ZeroDivision;
}

/**
 * `modelperf compare <file>`: compares a candidate's scores or predictions with baselines (columns of the same file,
 * or of a second file joined on an id), prints the comparison and checks `--require` gates.
 * @param file - the candidate's file (holding the label)
 * @param options - parsed command-line options
 * @param io - output streams
 * @returns the comparison
 * @throws ValidationError for missing or contradictory options and bad gates (exit 2); GateFailure after printing when
 * a gate failed (exit 3)
 * @example
 * ```ts
 * await compareCommand('preds.arrow', { task: 'binary', label: 'y', score: 'p', baseline: ['dummy_score'], require: ['roc_auc-baseline>=0.02'] }, processIo);
 * ```
 */
export async function compareCommand(file: string, options: CompareCommandOptions, io: CliIo): Promise<ComparisonResult> {
  const started = performance.now();
  const gates: Gate[] = (options.require ?? []).map(parseGate);
  const candidate = candidateColumns(options);
  if (options.baselineSet !== undefined && !Array.isArray(candidate)) {
    throw new ValidationError('invalid_argument', '--baseline-set names a multiclass baseline\'s score columns; use it with --task multiclass --scores.');
  }
  const label = options.label;
  if (label === undefined) throw new ValidationError('invalid_argument', 'compare needs --label, the column of true labels (or the regression target).');
  const { table: loaded, format: inputFormat } = await readTableFile(file, { format: options.inputFormat });
  let table = loaded;
  const baselines: Array<string | string[]> = [...(options.baseline ?? []), ...(options.baselineSet ?? [])];
  const names: Array<string | undefined> = baselines.map(() => undefined);
  let input: ComparisonResult['input'] = { path: file, format: inputFormat };
  if (options.baselineFile !== undefined) {
    if (options.id === undefined) throw new ValidationError('invalid_argument', '--baseline-file needs --id, the column that identifies a row in both files.');
    const scores = options.baselineScore ?? (typeof candidate === 'string' ? [candidate] : candidate);
    const oneSet = Array.isArray(candidate);
    if (options.baselineName !== undefined && scores.length !== 1 && !oneSet) {
      throw new ValidationError('invalid_argument', '--baseline-name names a single --baseline-score; drop it to keep the column names.');
    }
    const other = await readTableFile(options.baselineFile, { format: options.inputFormat });
    const own = new Set(loaded.schema.fields.map((f) => f.name));
    const columns = scores.map((from) => ({
      from,
      as: oneSet ? (!own.has(from) ? from : `baseline_${from}`) : options.baselineName ?? (!own.has(from) ? from : scores.length === 1 ? 'baseline' : `baseline_${from}`),
    }));
    table = joinOnId(loaded, other.table, { left: options.id, right: options.baselineId ?? options.id }, columns, { left: basename(file), right: basename(options.baselineFile) });
    if (oneSet) {
      // A multiclass baseline's score columns form one model.
      baselines.push(columns.map((c) => c.as));
      names.push(options.baselineName ?? 'baseline');
    } else {
      baselines.push(...columns.map((c) => c.as));
      names.push(...columns.map(() => undefined));
    }
    const joinedOn = options.baselineId !== undefined && options.baselineId !== options.id ? `${options.id} = ${options.baselineId}` : options.id;
    input = { ...input, baseline_path: options.baselineFile, baseline_format: other.format, joined_on: joinedOn };
  } else if (options.baselineScore !== undefined || options.id !== undefined || options.baselineId !== undefined || options.baselineName !== undefined) {
    throw new ValidationError('invalid_argument', '--baseline-score, --baseline-name, --id and --baseline-id belong to --baseline-file; for columns of the same file use --baseline.');
  }
  if (baselines.length === 0) {
    throw new ValidationError('invalid_argument', 'compare needs a baseline: --baseline COLUMN (same file) or --baseline-file FILE --id COLUMN.');
  }
  const read = Math.round((performance.now() - started) * 10) / 10;
  const spec: ComparisonSpec = {
    task: options.task, label, candidate, baselines, names: [undefined, ...names], classes: options.classes, weight: options.weight, nan: options.nan,
    backend: options.backend, by: options.by, minSliceRows: options.minSliceRows, ci: options.ci,
    bootstrap: options.bootstrap, seed: options.seed, posLabel: options.posLabel, threshold: options.threshold,
    beta: options.beta, zeroDivision: options.zeroDivision, quantile: options.quantile,
  };
  const computed = await compareModels(table, spec);
  const total = Math.round((performance.now() - started) * 10) / 10;
  const { schema, task, rows, ...rest } = computed;
  const result: ComparisonResult = { schema, task, rows, input, ...rest, timing_ms: { read, compute: computed.timing_ms.compute, total } };
  if (gates.length > 0) result.gates = evaluateGates(gates, gateSourceFromComparison(result));

  const format = options.format ?? (options.out !== undefined ? formatFromPath(options.out) : io.stdout.isTTY ? 'table' : 'json');
  const text = format === 'json' ? reportToJson(result) + '\n' : format === 'markdown' ? renderComparisonMarkdown(result) : renderComparisonTable(result);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, text);
    io.stderr.write(`wrote ${format} comparison to ${options.out}\n`);
  } else {
    io.stdout.write(text);
  }
  const failed = (result.gates ?? []).filter((g) => !g.passed);
  for (const g of result.gates ?? []) if (g.passed) io.stderr.write(`${g.message}\n`);
  if (failed.length > 0) throw new GateFailure(failed);
  return result;
}

/** The candidate's column(s) for the task: --score (binary), --pred (regression, multiclass) or --scores (multiclass). */
function candidateColumns(options: CompareCommandOptions): string | string[] {
  if (options.task === 'binary') {
    if (options.score === undefined) throw new ValidationError('invalid_argument', 'compare --task binary needs --score, the candidate\'s score column.');
    return options.score;
  }
  if (options.task === 'multiclass') {
    if ((options.scores === undefined) === (options.pred === undefined)) {
      throw new ValidationError('invalid_argument', 'compare --task multiclass needs either --scores (the candidate\'s score columns, one per class) or --pred (its predicted class), not both.');
    }
    return options.scores ?? (options.pred as string);
  }
  if (options.pred === undefined) throw new ValidationError('invalid_argument', 'compare --task regression needs --pred, the candidate\'s prediction column.');
  return options.pred;
}

function formatFromPath(path: string): CompareFormat {
  if (/\.md$|\.markdown$/i.test(path)) return 'markdown';
  if (/\.txt$/i.test(path)) return 'table';
  return 'json';
}
