import type { PrefixRowPool } from './prefix-row-pool.js';
import { ValidationError } from '../../errors.js';
import type { BinaryDetailOptions } from '../../evaluate/binary-result.js';
import { resolveBinaryOptions, type BinaryEvaluationOptions, type ResolvedBinaryOptions } from '../../evaluate/binary-options.js';
import type { BinaryRows } from '../../kernels/binary-clf-curve.js';
import type { BinaryLabels } from '../../metrics/binary/resolve-binary-labels.js';
import type { LabelValue } from '../../report/report.js';

/** What every binary state is built from: the resolved labels, the evaluation options and the section options. */
export interface BinaryStateInit {
  readonly labels: BinaryLabels;
  readonly options: BinaryEvaluationOptions;
  readonly extra?: BinaryDetailOptions;
  /**
   * Exact states: buffers for rows waiting to be sorted, shared by the states of one evaluation (the buffers of
   * sorted rows go back there for the next); default none (new buffers each time). Not serialised.
   */
  readonly rowBuffers?: PrefixRowPool;
}

/** A number in JSON: finite numbers as themselves, ±Infinity as the strings `Infinity` / `-Infinity`. */
export type JsonNumber = number | 'Infinity' | '-Infinity';

/** The serialised labels and options shared by both binary states. */
export interface BinaryConfigJson {
  readonly labels: { positiveIndex: number; positive: LabelValue; negative: LabelValue | null };
  readonly options: {
    threshold: JsonNumber; beta: JsonNumber; curves: boolean; nan: string; zeroDivision: 0 | 1 | 'nan';
    backend: string; posLabel?: LabelValue;
  };
  readonly extra: { bins?: number; costFp?: JsonNumber; costFn?: JsonNumber };
}

/** Labels, resolved options and section options of a binary state, immutable after construction. */
export interface BinaryStateConfig {
  readonly labels: BinaryLabels;
  readonly opts: ResolvedBinaryOptions;
  readonly extra: BinaryDetailOptions;
}

function toJsonNumber(x: number): JsonNumber {
  return Number.isFinite(x) ? x : x > 0 ? 'Infinity' : '-Infinity';
}

function fromJsonNumber(x: unknown, name: string): number {
  if (typeof x === 'number') return x;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  throw new ValidationError('invalid_input', `A serialised binary state has ${name} ${JSON.stringify(x)}; expected a number.`);
}

/**
 * Resolves and copies the labels and options of a binary state.
 * @param init - labels, options, extra
 * @returns the frozen configuration
 * @throws ValidationError `invalid_argument` for bad option values (see `resolveBinaryOptions`)
 */
export function resolveBinaryStateConfig(init: BinaryStateInit): BinaryStateConfig {
  if (init === undefined || init.labels === undefined) {
    throw new ValidationError('invalid_argument', 'A binary state needs `labels` (see resolveBinaryLabels).');
  }
  const { positiveIndex, positive, negative } = init.labels;
  const extra: BinaryDetailOptions = {};
  if (init.extra?.bins !== undefined) extra.bins = init.extra.bins;
  if (init.extra?.costFp !== undefined) extra.costFp = init.extra.costFp;
  if (init.extra?.costFn !== undefined) extra.costFn = init.extra.costFn;
  return {
    labels: Object.freeze({ positiveIndex, positive, negative }),
    opts: Object.freeze(resolveBinaryOptions(init.options)),
    extra: Object.freeze(extra),
  };
}

/**
 * Serialises a configuration as plain JSON (non-finite numbers as strings).
 * @param config - the configuration
 * @returns the JSON fields
 */
export function binaryConfigToJson(config: BinaryStateConfig): BinaryConfigJson {
  const { labels, opts, extra } = config;
  return {
    labels: { positiveIndex: labels.positiveIndex, positive: labels.positive, negative: labels.negative },
    options: {
      threshold: toJsonNumber(opts.threshold),
      beta: toJsonNumber(opts.beta),
      curves: opts.curves,
      nan: opts.nan,
      zeroDivision: opts.zeroDivision,
      backend: opts.backend,
      ...(opts.posLabel !== undefined ? { posLabel: opts.posLabel } : {}),
    },
    extra: {
      ...(extra.bins !== undefined ? { bins: extra.bins } : {}),
      ...(extra.costFp !== undefined ? { costFp: toJsonNumber(extra.costFp) } : {}),
      ...(extra.costFn !== undefined ? { costFn: toJsonNumber(extra.costFn) } : {}),
    },
  };
}

/**
 * Reads what `binaryConfigToJson` wrote.
 * @param json - the parsed fields
 * @returns the configuration
 * @throws ValidationError `invalid_input` for missing or malformed fields
 */
export function binaryConfigFromJson(json: Partial<BinaryConfigJson>): BinaryStateConfig {
  const { labels, options, extra } = json;
  if (typeof labels !== 'object' || labels === null || typeof options !== 'object' || options === null) {
    throw new ValidationError('invalid_input', 'A serialised binary state lacks its `labels` or `options`.');
  }
  const e = extra ?? {};
  return resolveBinaryStateConfig({
    labels,
    options: {
      ...options,
      threshold: fromJsonNumber(options.threshold, 'threshold'),
      beta: fromJsonNumber(options.beta, 'beta'),
    } as BinaryEvaluationOptions,
    extra: {
      bins: e.bins,
      costFp: e.costFp === undefined ? undefined : fromJsonNumber(e.costFp, 'costFp'),
      costFn: e.costFn === undefined ? undefined : fromJsonNumber(e.costFn, 'costFn'),
    },
  });
}

/**
 * Checks that two states compute with the same labels and metric-affecting options, so their merge is meaningful.
 * `nan` and `backend` are not compared: they shape how rows are read, not what the state computes.
 * @param kind - the state kind, for the message
 * @param a - this state's configuration
 * @param b - the other state's configuration
 * @throws ValidationError `invalid_argument` naming the first difference
 */
export function checkSameConfig(kind: string, a: BinaryStateConfig, b: BinaryStateConfig): void {
  const pairs: [string, unknown, unknown][] = [
    ['threshold', a.opts.threshold, b.opts.threshold],
    ['beta', a.opts.beta, b.opts.beta],
    ['zeroDivision', a.opts.zeroDivision, b.opts.zeroDivision],
    ['curves', a.opts.curves, b.opts.curves],
    ['posLabel', a.opts.posLabel, b.opts.posLabel],
    ['positive label', a.labels.positive, b.labels.positive],
    ['negative label', a.labels.negative, b.labels.negative],
    ['calibration bins', a.extra.bins, b.extra.bins],
    ['costFp', a.extra.costFp, b.extra.costFp],
    ['costFn', a.extra.costFn, b.extra.costFn],
  ];
  for (const [name, x, y] of pairs) {
    if (!Object.is(x, y)) {
      throw new ValidationError('invalid_argument', `Cannot merge "${kind}" states with different ${name} (${String(x)} and ${String(y)}).`);
    }
  }
}

/**
 * Checks the shape of a batch (the rows themselves are validated upstream).
 * @param rows - the batch
 * @throws ValidationError `length_mismatch` when the arrays differ in length
 */
export function checkBinaryRows(rows: BinaryRows): void {
  const n = rows.scores.length;
  if (rows.positive.length !== n) {
    throw new ValidationError('length_mismatch', `Expected one positive flag per score, but got ${rows.positive.length} flags for ${n} scores.`);
  }
  if (rows.weights !== undefined && rows.weights.length !== n) {
    throw new ValidationError('length_mismatch', `Expected one weight per score, but got ${rows.weights.length} weights for ${n} scores.`);
  }
}
