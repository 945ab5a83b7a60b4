import { BACKEND_CHOICES, TASKS, ValidationError, type EvaluationSpec, type TaskName } from '@modelperf/core';

/** How a stream is evaluated (binary curve mode), beside the table spec. */
export interface RequestSpec {
  spec: EvaluationSpec;
  curveMode?: 'exact' | 'binned';
  histogramBins?: number;
}

type Kind = 'string' | 'number' | 'count' | 'list' | 'countList' | 'boolean';

/** Every option `/v1/evaluate` and `/v1/jobs` accept (camelCase; kebab-case is accepted too), with its kind. */
export const OPTION_KINDS: Record<string, Kind> = {
  task: 'string', label: 'string', labels: 'list', score: 'string', scores: 'list', pred: 'string', query: 'string',
  weight: 'string', posLabel: 'string', threshold: 'number', beta: 'number', curves: 'boolean', bins: 'count',
  curveMode: 'string', costFp: 'number', costFn: 'number', classes: 'list', topK: 'count', k: 'countList',
  gain: 'string', quantile: 'number', by: 'list', minSliceRows: 'count', ci: 'number', bootstrap: 'count',
  seed: 'number', backend: 'string', nan: 'string', zeroDivision: 'string',
};

const CHOICES: Record<string, readonly string[]> = {
  task: TASKS, backend: BACKEND_CHOICES, nan: ['error', 'drop'], gain: ['linear', 'exponential'],
  curveMode: ['exact', 'binned'], zeroDivision: ['0', '1', 'nan'],
};

const REQUIRED: Record<TaskName, string[]> = {
  binary: ['label', 'score'],
  multiclass: ['label'],
  multilabel: ['labels', 'scores'],
  regression: ['label', 'pred'],
  ranking: ['query', 'label', 'score'],
};

function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function bad(name: string, expected: string, value: unknown): never {
  throw new ValidationError('invalid_argument', `Option \`${name}\` must be ${expected}, got ${JSON.stringify(value)}.`);
}

function parseValue(name: string, kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'string': {
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (typeof value !== 'string' || value === '') bad(name, 'a non-empty string', value);
      const choices = CHOICES[name];
      if (choices !== undefined && !choices.includes(value)) bad(name, `one of ${choices.join(', ')}`, value);
      return value;
    }
    case 'number': {
      const v = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof v !== 'number' || !Number.isFinite(v)) bad(name, 'a finite number', value);
      return v;
    }
    case 'count': {
      const v = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) bad(name, 'a positive integer', value);
      return v;
    }
    case 'boolean':
      if (value === true || value === 'true' || value === '1' || value === '') return true;
      if (value === false || value === 'false' || value === '0') return false;
      return bad(name, 'true or false', value);
    case 'list':
    case 'countList': {
      const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : bad(name, 'a comma-separated list', value);
      const names = items.map((s) => s.trim()).filter((s) => s !== '');
      if (names.length === 0) bad(name, 'a non-empty list', value);
      return kind === 'list' ? names : names.map((s) => parseValue(name, 'count', s));
    }
  }
}

/**
 * Turns request options (query-string values and/or a JSON `options` object) into an evaluation spec, checking each
 * value and that the task's columns are named.
 *
 * @param params - option names (camelCase or kebab-case) to values: strings from a query string, or JSON values;
 * lists are arrays or comma-separated strings
 * @returns the spec and the streaming options
 * @throws ValidationError `invalid_argument` for an unknown option, a bad value or a missing column option
 * @example
 * ```ts
 * specFromParams({ task: 'binary', label: 'y', score: 'p', threshold: '0.3' });
 * ```
 */
export function specFromParams(params: Record<string, unknown>): RequestSpec {
  const o: Record<string, unknown> = {};
  for (const [raw, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const key = camel(raw);
    const kind = OPTION_KINDS[key];
    if (kind === undefined) {
      throw new ValidationError('invalid_argument', `Unknown option \`${raw}\`; expected one of: ${Object.keys(OPTION_KINDS).join(', ')}.`);
    }
    o[key] = parseValue(key, kind, value);
  }
  const task = (o.task ?? 'binary') as TaskName;
  const missing = REQUIRED[task].filter((key) => o[key] === undefined);
  if (task === 'multiclass' && o.scores === undefined && o.pred === undefined) missing.push('scores');
  if (missing.length > 0) {
    throw new ValidationError('invalid_argument', `task ${task} needs the option${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}${task === 'multiclass' ? ' (or pred)' : ''}.`);
  }
  const zeroDivision = o.zeroDivision === undefined ? undefined : o.zeroDivision === 'nan' ? 'nan' : (Number(o.zeroDivision) as 0 | 1);
  const common = {
    weight: o.weight, nan: o.nan, backend: o.backend, by: o.by, minSliceRows: o.minSliceRows,
    ci: o.ci, bootstrap: o.bootstrap, seed: o.seed,
  } as Partial<EvaluationSpec>;
  const binned = o.curveMode === 'binned';
  let spec: EvaluationSpec;
  switch (task) {
    case 'binary':
      spec = {
        ...common, task, label: o.label, score: o.score, posLabel: o.posLabel, threshold: o.threshold, beta: o.beta,
        curves: o.curves, zeroDivision, bins: binned ? undefined : o.bins, costFp: o.costFp, costFn: o.costFn,
      } as EvaluationSpec;
      break;
    case 'multiclass':
      spec = { ...common, task, label: o.label, scores: o.scores, pred: o.pred, classes: o.classes, topK: o.topK, zeroDivision } as EvaluationSpec;
      break;
    case 'multilabel':
      spec = { ...common, task, labels: o.labels, scores: o.scores, threshold: o.threshold, zeroDivision } as EvaluationSpec;
      break;
    case 'regression':
      spec = { ...common, task, label: o.label, pred: o.pred, quantile: o.quantile } as EvaluationSpec;
      break;
    case 'ranking':
      spec = { ...common, task, query: o.query, label: o.label, score: o.score, k: o.k, gain: o.gain } as EvaluationSpec;
      break;
  }
  // Drop unset keys so that the spec equals one written by hand.
  for (const key of Object.keys(spec) as Array<keyof EvaluationSpec>) if (spec[key] === undefined) delete spec[key];
  return {
    spec,
    curveMode: o.curveMode as 'exact' | 'binned' | undefined,
    histogramBins: binned ? (o.bins as number | undefined) : undefined,
  };
}

/** The JSON schema of the options, for route schemas (query string and OpenAPI). */
export const OPTIONS_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(
    Object.entries(OPTION_KINDS).map(([name, kind]) => {
      const choices = CHOICES[name];
      const schema =
        choices !== undefined ? { type: 'string', enum: [...choices] }
          : kind === 'number' ? { type: 'number' }
            : kind === 'count' ? { type: 'integer', minimum: 1 }
              : kind === 'boolean' ? { type: 'boolean' }
                : kind === 'string' ? { type: 'string' }
                  : { type: 'string', description: 'comma-separated list' };
      return [name, schema];
    }),
  ),
} as const;
