import type { ArrowTableLike } from '../columns/arrow-column.js';
import { ValidationError } from '../errors.js';
import { type CheckFinding, type CheckName, type CheckSummary, sortFindings, summarizeFindings } from './check-finding.js';
import { type CheckColumns, resolveCheckColumns } from './check-columns.js';
import type { CheckContext } from './check-context.js';
import { type CheckSpec, type CheckThresholds, resolveThresholds } from './check-options.js';
import { featureDrift, labelAndPredictionDrift } from './drift-checks.js';
import { duplicateRows, trainTestDuplicates } from './duplicate-checks.js';
import { targetLeakage } from './leakage-checks.js';
import { representativeness } from './representativeness-check.js';
import { classImbalance, newCategories } from './category-checks.js';
import { missingValues } from './missing-checks.js';
import { constantColumns, schemaMismatch } from './schema-checks.js';
import { SplitState, type SplitStateOptions } from './split-state.js';
import { timeLeakage } from './time-leakage-check.js';

/** Schema id of a check report's JSON. */
export const CHECK_REPORT_SCHEMA = 'modelperf/checks@1';

/** The states of the splits of one run: train, test and optionally val. */
export interface SplitStates {
  readonly train: SplitState;
  readonly val?: SplitState;
  readonly test: SplitState;
}

/** The result of `modelperf check`: plain JSON. */
export interface CheckReport {
  readonly schema: typeof CHECK_REPORT_SCHEMA;
  readonly splits: ReadonlyArray<{ readonly name: string; readonly rows: number; readonly columns: number; readonly input?: { readonly path: string; readonly format: string; readonly bytes: number } }>;
  readonly columns: { readonly features: readonly string[]; readonly label: string | null; readonly id: string | null; readonly time: string | null; readonly score: string | null };
  readonly thresholds: CheckThresholds;
  readonly summary: CheckSummary;
  readonly findings: readonly CheckFinding[];
  readonly timing_ms: Readonly<Record<string, number>>;
}

/**
 * The options of every split's state for a run (the same features for each split, so row hashes compare).
 * @param columns - the resolved columns
 * @param spec - the check spec
 * @returns the state options
 * @example
 * ```ts
 * import { resolveCheckColumns, splitStateOptions } from '@modelperf/core';
 * const options = splitStateOptions(resolveCheckColumns(['x', 'y', 'id'], { label: 'y', id: 'id' }), { maxCategories: 100 });
 * console.log(JSON.stringify(options)); // {"features":["x"],"label":"y","id":"id","maxCategories":100,"otherColumns":[]}
 * ```
 */
export function splitStateOptions(columns: CheckColumns, spec: CheckSpec): SplitStateOptions {
  return {
    features: columns.features, label: columns.label, id: columns.id, maxCategories: spec.maxCategories, hashWithLabel: spec.duplicatesWithLabel,
    otherColumns: [columns.time, columns.score].filter((c): c is string => c !== undefined),
  };
}

/**
 * Checks a spec's thresholds and limits before any data is read.
 * @param spec - the check spec
 * @returns the thresholds with defaults, the examples per finding and the PSI bins
 * @throws ValidationError `invalid_argument` naming the bad value
 * @example
 * ```ts
 * import { validateCheckSpec } from '@modelperf/core';
 * console.log(validateCheckSpec({ psiBins: 20 }).psiBins, validateCheckSpec({}).maxExamples); // 20 5
 * ```
 */
export function validateCheckSpec(spec: CheckSpec): { thresholds: CheckThresholds; maxExamples: number; psiBins: number } {
  const thresholds = resolveThresholds(spec.thresholds);
  const maxExamples = spec.maxExamples ?? 5;
  const psiBins = spec.psiBins ?? 10;
  if (!(Number.isInteger(maxExamples) && maxExamples >= 0)) throw new ValidationError('invalid_argument', `maxExamples must be a non-negative integer, not ${maxExamples}.`);
  if (!(Number.isInteger(psiBins) && psiBins >= 2)) throw new ValidationError('invalid_argument', `psiBins must be an integer of at least 2, not ${psiBins}.`);
  for (const [name, value, min] of [['maxCategories', spec.maxCategories, 1], ['domainSampleRows', spec.domainSampleRows, 2]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= min)) throw new ValidationError('invalid_argument', `${name} must be an integer of at least ${min}, not ${value}.`);
  }
  return { thresholds, maxExamples, psiBins };
}

/** Each check, in report order, by name (some produce two kinds of findings). */
const CHECKS: ReadonlyArray<[readonly CheckName[], (ctx: CheckContext, spec: CheckSpec) => CheckFinding[] | Promise<CheckFinding[]>]> = [
  [['schema_mismatch'], schemaMismatch],
  [['train_test_duplicates', 'id_overlap'], trainTestDuplicates],
  [['duplicate_rows', 'conflicting_labels'], duplicateRows],
  [['target_leakage'], targetLeakage],
  [['time_leakage'], timeLeakage],
  [['feature_drift'], featureDrift],
  [['label_drift', 'prediction_drift'], labelAndPredictionDrift],
  [['missing_values', 'missing_mismatch'], missingValues],
  [['new_categories'], newCategories],
  [['constant_columns'], constantColumns],
  [['class_imbalance'], classImbalance],
  [['representativeness'], representativeness],
];

/**
 * Runs every check on the states of the splits and builds the report.
 *
 * @param states - train, test and optional val states (built with {@link splitStateOptions})
 * @param columns - the resolved columns
 * @param spec - thresholds, checks to skip, limits
 * @returns the report: findings (errors first) and their summary
 * @throws ValidationError for bad thresholds or an empty split
 * @example
 * ```ts
 * import { readCsvBytes, resolveCheckColumns, runChecks, SplitState, splitStateOptions } from '@modelperf/core';
 * const columns = resolveCheckColumns(['x', 'y'], { label: 'y' });
 * const train = new SplitState('train', splitStateOptions(columns, {})).update(readCsvBytes('x,y\n1,0\n2,1\n3,0\n'));
 * const test = new SplitState('test', splitStateOptions(columns, {})).update(readCsvBytes('x,y\n7,0\n8,1\n'));
 * const report = await runChecks({ train, test }, columns, { skip: ['representativeness'] });
 * console.log(report.summary.status, report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.check} ${f.column}`).join('; ')); // warn feature_drift x
 * ```
 */
export async function runChecks(states: SplitStates, columns: CheckColumns, spec: CheckSpec = {}): Promise<CheckReport> {
  const started = performance.now();
  const { thresholds, maxExamples, psiBins } = validateCheckSpec(spec);
  const others = [states.val, states.test].filter((s): s is SplitState => s !== undefined);
  for (const split of [states.train, ...others]) {
    if (split.rows === 0) throw new ValidationError('empty_input', `The ${split.name} split has no rows.`);
  }
  if (spec.duplicatesWithLabel === true && columns.label === undefined) {
    throw new ValidationError('invalid_argument', 'Counting duplicates with their label needs the label column: name it with --label.');
  }
  const ctx: CheckContext = { train: states.train, others, ...columns, thresholds, maxExamples, psiBins, duplicatesWithLabel: spec.duplicatesWithLabel === true };
  const skip = new Set(spec.skip ?? []);
  const findings: CheckFinding[] = [];
  for (const [names, check] of CHECKS) {
    if (names.every((name) => skip.has(name))) continue;
    for (const f of await check(ctx, spec)) if (!skip.has(f.check)) findings.push(f);
  }
  const sorted = sortFindings(findings);
  return {
    schema: CHECK_REPORT_SCHEMA,
    splits: [states.train, ...others].map((s) => ({ name: s.name, rows: s.rows, columns: s.columnTypes.size })),
    columns: { features: columns.features, label: columns.label ?? null, id: columns.id ?? null, time: columns.time ?? null, score: columns.score ?? null },
    thresholds,
    summary: summarizeFindings(sorted),
    findings: sorted,
    timing_ms: { checks: Math.round((performance.now() - started) * 10) / 10 },
  };
}

/** The splits of an in-memory check run. */
export interface CheckTables {
  readonly train: ArrowTableLike;
  readonly val?: ArrowTableLike;
  readonly test: ArrowTableLike;
}

/**
 * Checks in-memory Arrow tables (pure: no file access). For files, use `checkFiles` from `@modelperf/core/node`,
 * which streams them.
 *
 * @param tables - train, test and optional val tables
 * @param spec - columns, thresholds, limits
 * @returns the report
 * @throws SchemaError when a named column is missing from train; ValidationError for bad options
 * @example
 * ```ts
 * import { checkTables, readCsvBytes } from '@modelperf/core';
 * const train = readCsvBytes('x,city,y\n1,lima,0\n2,oslo,1\n3,lima,0\n4,oslo,1\n');
 * const test = readCsvBytes('x,city,y\n2,oslo,1\n5,kyiv,0\n');
 * const report = await checkTables({ train, test }, { label: 'y', skip: ['representativeness'] });
 * console.log(report.summary.status); // fail
 * console.log(report.findings[0].message); // 1 of 2 test rows (50%) also occur in train (same 2 feature values); 1 of them with the same label.
 * ```
 */
export async function checkTables(tables: CheckTables, spec: CheckSpec = {}): Promise<CheckReport> {
  const columns = resolveCheckColumns(tables.train.schema.fields.map((f) => f.name), spec);
  const options = splitStateOptions(columns, spec);
  const states: SplitStates = {
    train: new SplitState('train', options).update(tables.train),
    val: tables.val === undefined ? undefined : new SplitState('val', options).update(tables.val),
    test: new SplitState('test', options).update(tables.test),
  };
  return runChecks(states, columns, spec);
}
