import { ValidationError } from '../errors.js';
import type { EvaluationSpec } from '../evaluate/evaluation-spec.js';
import { BACKEND_CHOICES } from '../kernels/select-kernels.js';
import { TASKS } from '../report/report.js';

const COMMON = ['task', 'weight', 'nan', 'backend', 'by', 'minSliceRows', 'ci', 'bootstrap', 'seed', 'rowOffset'];

/** Per task: the column fields (string or, when listed in `lists`, string[]) it requires, and every key it accepts. */
const TASK_KEYS: Record<string, { columns: string[]; lists: string[]; optionalColumns: string[]; options: string[] }> = {
  binary: {
    columns: ['label', 'score'], lists: [], optionalColumns: [],
    options: ['posLabel', 'threshold', 'beta', 'curves', 'zeroDivision', 'bins', 'costFp', 'costFn'],
  },
  multiclass: { columns: ['label'], lists: [], optionalColumns: ['scores', 'pred'], options: ['classes', 'topK', 'zeroDivision'] },
  multilabel: { columns: [], lists: ['labels', 'scores'], optionalColumns: [], options: ['threshold', 'zeroDivision'] },
  regression: { columns: ['label', 'pred'], lists: [], optionalColumns: [], options: ['quantile'] },
  ranking: { columns: ['query', 'label', 'score'], lists: [], optionalColumns: [], options: ['k', 'gain'] },
};

/**
 * Checks the shape of an evaluation spec before any data is read, as the CLI checks its flags: a known task, the
 * column names the task needs, no unknown keys (a misspelt option would otherwise be silently ignored) and valid
 * enum values. Numeric ranges are checked where they are used, with the same messages.
 *
 * @param spec - the spec, typically from user code or parsed JSON
 * @returns the spec, typed
 * @throws ValidationError `invalid_argument` naming the field, what was expected and what arrived
 * @example
 * ```ts
 * import { checkSpec } from '@modelperf/core';
 * try {
 *   checkSpec({ task: 'binary', label: 'y', score: 'p', treshold: 0.3 });
 * } catch (e) {
 *   console.log((e as Error).message); // Unknown option `treshold` for task binary; accepted: ...
 * }
 * ```
 */
export function checkSpec(spec: unknown): EvaluationSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ValidationError('invalid_argument', `The spec must be an object such as { task: 'binary', label: 'y', score: 'p' }, got ${spec === null ? 'null' : typeof spec}.`);
  }
  const s = spec as Record<string, unknown>;
  const keys = TASK_KEYS[s.task as string];
  if (typeof s.task !== 'string' || keys === undefined) {
    throw new ValidationError('invalid_argument', `Unknown task ${JSON.stringify(s.task)}; expected one of: ${TASKS.join(', ')}.`);
  }
  const allowed = new Set([...COMMON, ...keys.columns, ...keys.lists, ...keys.optionalColumns, ...keys.options]);
  for (const key of Object.keys(s)) {
    if (!allowed.has(key) && s[key] !== undefined) {
      throw new ValidationError('invalid_argument', `Unknown option \`${key}\` for task ${s.task}; accepted: ${[...allowed].filter((k) => k !== 'task').join(', ')}.`);
    }
  }
  for (const key of keys.columns) checkName(s, key, true);
  for (const key of ['weight']) checkName(s, key, false);
  for (const key of keys.lists) checkNames(s, key, true);
  if (s.task === 'multiclass') {
    if (s.pred !== undefined) checkName(s, 'pred', true);
    if (s.scores !== undefined) checkNames(s, 'scores', true);
    if ((s.pred === undefined) === (s.scores === undefined)) {
      throw new ValidationError('invalid_argument', 'A multiclass spec needs either `scores` (one column per class) or `pred` (hard predictions), not both or neither.');
    }
  }
  if (s.by !== undefined) checkNames(s, 'by', false);
  checkChoice(s, 'nan', ['error', 'drop']);
  checkChoice(s, 'backend', BACKEND_CHOICES);
  checkChoice(s, 'zeroDivision', [0, 1, 'nan']);
  checkChoice(s, 'gain', ['linear', 'exponential']);
  for (const key of ['threshold', 'beta', 'ci', 'bootstrap', 'seed', 'minSliceRows', 'quantile', 'bins', 'costFp', 'costFn', 'topK', 'rowOffset']) {
    if (s[key] !== undefined && (typeof s[key] !== 'number' || Number.isNaN(s[key]))) {
      throw new ValidationError('invalid_argument', `\`${key}\` must be a number, got ${JSON.stringify(s[key])}.`);
    }
  }
  if (s.curves !== undefined && typeof s.curves !== 'boolean') {
    throw new ValidationError('invalid_argument', `\`curves\` must be true or false, got ${JSON.stringify(s.curves)}.`);
  }
  return spec as EvaluationSpec;
}

function checkName(s: Record<string, unknown>, key: string, required: boolean): void {
  const v = s[key];
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || v.length === 0) {
    throw new ValidationError('invalid_argument', `\`${key}\` must name a column (a non-empty string) for task ${String(s.task)}, got ${JSON.stringify(v) ?? 'undefined'}.`);
  }
}

function checkNames(s: Record<string, unknown>, key: string, required: boolean): void {
  const v = s[key];
  if (!Array.isArray(v) || (required && v.length === 0) || v.some((n) => typeof n !== 'string' || n.length === 0)) {
    throw new ValidationError('invalid_argument', `\`${key}\` must list column names (non-empty strings)${required ? ', at least one' : ''}, got ${JSON.stringify(v) ?? 'undefined'}.`);
  }
}

function checkChoice(s: Record<string, unknown>, key: string, choices: readonly unknown[]): void {
  if (s[key] !== undefined && !choices.includes(s[key])) {
    throw new ValidationError('invalid_argument', `\`${key}\` must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${JSON.stringify(s[key])}.`);
  }
}
