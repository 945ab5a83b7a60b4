import { compareCodePoints } from '../columns/compare-code-points.js';
import type { ColumnProfileState } from './column-profile-state.js';

/** Most distinct integer values a numeric label may have to be read as classes rather than a regression target. */
export const MAX_NUMERIC_CLASSES = 20;

/** A label column read as a task: classes with per-row codes, or a regression target. */
export type LabelTask =
  | {
    readonly task: 'binary' | 'multiclass';
    /** Class names, sorted (numbers ascending, strings by code point); in binary, the last is the positive class. */
    readonly classes: readonly string[];
    /** Per row: index into `classes`, -1 missing. */
    readonly codes: Int32Array;
    /** Rows per class. */
    readonly counts: Float64Array;
  }
  | { readonly task: 'regression'; readonly values: Float64Array };

/**
 * Reads a label profile as a task: a categorical label, or a numeric one with at most 20 distinct integer values, is
 * a classification (binary with two classes); any other numeric label is a regression target.
 *
 * @param profile - the label column's profile (train)
 * @returns the task with per-row codes or values
 * @example
 * ```ts
 * labelTask(train.profiles.get('y')!).task; // 'binary'
 * ```
 */
export function labelTask(profile: ColumnProfileState): LabelTask {
  const cached = cache.get(profile);
  if (cached !== undefined && cached.rows === profile.rows) return cached.task;
  const task = readLabelTask(profile);
  cache.set(profile, { rows: profile.rows, task });
  return task;
}

/** Label tasks already read, per profile (several checks read the label). */
const cache = new WeakMap<ColumnProfileState, { rows: number; task: LabelTask }>();

function readLabelTask(profile: ColumnProfileState): LabelTask {
  if (profile.kind === 'numeric') {
    const sorted = profile.sortedValues();
    const distinct: number[] = [];
    for (let i = 0; i < sorted.length && distinct.length <= MAX_NUMERIC_CLASSES; i++) {
      if (distinct.length === 0 || sorted[i] !== distinct[distinct.length - 1]) distinct.push(sorted[i]);
    }
    if (distinct.length > MAX_NUMERIC_CLASSES || distinct.some((v) => !Number.isInteger(v))) return { task: 'regression', values: profile.values() };
    const index = new Map(distinct.map((v, k) => [v, k]));
    const values = profile.values();
    const codes = new Int32Array(values.length);
    const counts = new Float64Array(distinct.length);
    for (let i = 0; i < values.length; i++) {
      const k = values[i] === values[i] ? (index.get(values[i] + 0) as number) : -1;
      codes[i] = k;
      if (k >= 0) counts[k]++;
    }
    return { task: distinct.length === 2 ? 'binary' : 'multiclass', classes: distinct.map(String), codes, counts };
  }
  const order = profile.categories.map((_, k) => k).sort((a, b) => compareCodePoints(profile.categories[a], profile.categories[b]));
  const rank = new Int32Array(profile.categories.length);
  order.forEach((k, r) => (rank[k] = r));
  const raw = profile.codeArray();
  const codes = new Int32Array(raw.length);
  const counts = new Float64Array(order.length);
  for (let i = 0; i < raw.length; i++) {
    const k = raw[i] >= 0 ? rank[raw[i]] : -1;
    codes[i] = k;
    if (k >= 0) counts[k]++;
  }
  return { task: order.length === 2 ? 'binary' : 'multiclass', classes: order.map((k) => profile.categories[k]), codes, counts };
}
