import type { Table } from 'apache-arrow';
import { SchemaError, ValidationError } from '../errors.js';

/** The tasks `modelperf baseline` handles. */
export const BASELINE_TASKS = ['binary', 'multiclass', 'regression', 'ranking'] as const;
/** A baseline task. */
export type BaselineTask = (typeof BASELINE_TASKS)[number];
/** The model families a user can ask for (`all`: dummy plus the trained model of the task). */
export const BASELINE_MODEL_CHOICES = ['dummy', 'logistic', 'linear', 'all'] as const;
/** A model family choice. */
export type BaselineModelChoice = (typeof BASELINE_MODEL_CHOICES)[number];

/** What to fit and evaluate: see {@link runBaselines}. */
export interface BaselineSpec {
  task: BaselineTask;
  /** The label (classification), target (regression) or relevance (ranking) column. */
  label: string;
  /** Feature columns (default: every column but the label, query, item and `exclude`). */
  features?: string[];
  /** Columns never used as features, e.g. ids. */
  exclude?: string[];
  /** Which models (default `all`). */
  model?: BaselineModelChoice;
  /** L2 penalty: 1/C of logistic regression, alpha of ridge (default 1, scikit-learn's defaults). */
  l2?: number;
  /** Newton iterations at most for logistic regression (default 100). */
  maxIter?: number;
  /** Cap on one-hot columns per categorical feature (default 20). */
  maxCategories?: number;
  /** Seed of the `stratified` dummy (default 0). */
  seed?: number;
  /** Regression: q of the `quantile` dummy and alpha of the pinball loss (default 0.9). */
  quantile?: number;
  /** Evaluate per slice of these columns too; the dummies are also fitted per slice (`<strategy>_per_slice`). */
  by?: string[];
  /** Ranking: the query id column. */
  query?: string;
  /** Ranking: the item id column the popularity baseline counts. */
  item?: string;
  /** Where the trained model runs: `js` float64 (default), `tfjs` (tensor ops, float32), or `auto` (tfjs only with a GPU). */
  backend?: 'auto' | 'js' | 'tfjs';
}

/** The resolved model list and feature columns of a spec. */
export interface ResolvedBaselineSpec {
  dummies: boolean;
  trained: 'logistic' | 'linear' | undefined;
  features: string[];
}

/**
 * Checks a baseline spec against the training table and resolves its models and feature columns.
 * @param train - the training split
 * @param spec - the spec
 * @returns which models to fit and on which columns
 * @throws SchemaError when the label (or query/item) is not in training; ValidationError for a model that does not
 * fit the task or bad feature lists
 * @example
 * ```ts
 * import { resolveBaselineSpec } from '@modelperf/core';
 * import { tableFromArrays } from 'apache-arrow';
 * const train = tableFromArrays({ id: Int32Array.of(1, 2), x: Float64Array.of(1, 2), y: Int8Array.of(0, 1) });
 * const resolved = resolveBaselineSpec(train, { task: 'binary', label: 'y', exclude: ['id'] });
 * console.log(JSON.stringify(resolved)); // {"dummies":true,"trained":"logistic","features":["x"]}
 * ```
 */
export function resolveBaselineSpec(train: Table, spec: BaselineSpec): ResolvedBaselineSpec {
  if (!(BASELINE_TASKS as readonly string[]).includes(spec.task)) {
    throw new ValidationError('invalid_argument', `Unknown task "${String(spec.task)}"; baselines exist for: ${BASELINE_TASKS.join(', ')}.`);
  }
  const columns = train.schema.fields.map((f) => f.name);
  const need = (name: string | undefined, role: string, flag: string): void => {
    if (name === undefined) throw new ValidationError('invalid_argument', `--task ${spec.task} needs ${flag} (the ${role} column).`);
    if (!columns.includes(name)) {
      throw new SchemaError('missing_column', `The training split has no ${role} column \`${name}\`; available columns: ${columns.join(', ')} (name it with ${flag}).`);
    }
  };
  need(spec.label, spec.task === 'regression' ? 'target' : spec.task === 'ranking' ? 'relevance' : 'label', '--label');
  if (spec.task === 'ranking') {
    need(spec.query, 'query id', '--query');
    need(spec.item, 'item id', '--item');
  }
  const choice = spec.model ?? 'all';
  if (!(BASELINE_MODEL_CHOICES as readonly string[]).includes(choice)) {
    throw new ValidationError('invalid_argument', `Unknown model "${String(choice)}"; expected one of: ${BASELINE_MODEL_CHOICES.join(', ')}.`);
  }
  const classification = spec.task === 'binary' || spec.task === 'multiclass';
  if (choice === 'logistic' && !classification) {
    throw new ValidationError('invalid_argument', `--model logistic is for binary and multiclass tasks; for --task ${spec.task} use ${spec.task === 'regression' ? 'linear or dummy' : 'dummy'}.`);
  }
  if (choice === 'linear' && spec.task !== 'regression') {
    throw new ValidationError('invalid_argument', `--model linear is for regression; for --task ${spec.task} use ${classification ? 'logistic or dummy' : 'dummy'}.`);
  }
  const trained = spec.task === 'ranking' || choice === 'dummy' ? undefined : classification ? 'logistic' : 'linear';
  const dummies = choice === 'dummy' || choice === 'all' || spec.task === 'ranking';
  const roles = new Set([spec.label, spec.query, spec.item].filter((c): c is string => c !== undefined));
  for (const name of spec.exclude ?? []) {
    if (!columns.includes(name)) throw new SchemaError('missing_column', `--exclude names \`${name}\`, which is not in the training split; available columns: ${columns.join(', ')}.`);
  }
  let features: string[];
  if (spec.features !== undefined) {
    if (spec.exclude !== undefined) throw new ValidationError('invalid_argument', 'Give either --features or --exclude, not both.');
    const role = spec.features.find((f) => roles.has(f));
    if (role !== undefined) throw new ValidationError('invalid_argument', `\`${role}\` is the label (or query/item) column; it cannot also be a feature.`);
    features = spec.features;
  } else {
    const excluded = new Set(spec.exclude ?? []);
    features = columns.filter((c) => !roles.has(c) && !excluded.has(c));
  }
  if (trained !== undefined && features.length === 0) {
    throw new ValidationError('invalid_argument', 'No feature columns are left for the trained baseline; name them with --features, or use --model dummy.');
  }
  return { dummies, trained, features: trained === undefined ? [] : features };
}
