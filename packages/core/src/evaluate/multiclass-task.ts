import type { Table } from 'apache-arrow';
import { compareCodePoints, getColumn, toLabelCodes, toNumericArray } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { multiclassMetrics } from '../metrics/multiclass/multiclass-metrics.js';
import { MulticlassState } from '../states/multiclass/index.js';
import type { LabelValue } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { MulticlassSpec } from './evaluation-spec.js';
import { gatherRows } from './gather-rows.js';
import type { PreparedTask } from './prepared-task.js';
import { validRows } from './row-validation.js';

type Values = Float64Array | Float32Array;

function sameLabel(a: LabelValue, b: LabelValue): boolean {
  return a === b || String(a) === String(b);
}

function compareLabels(a: LabelValue, b: LabelValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareCodePoints(String(a), String(b));
}

/** Maps a coded column onto class indices; a value that is not a class is an error naming its first row. */
function toClassIndices(
  coded: { codes: Int32Array; classes: LabelValue[] }, classes: readonly LabelValue[], column: string, hint: string, rowOffset: number,
): Int32Array {
  const map = coded.classes.map((v) => classes.findIndex((c) => sameLabel(v, c)));
  const out = new Int32Array(coded.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = coded.codes[i];
    if (code < 0) { out[i] = -1; continue; }
    const k = map[code];
    if (k < 0) {
      throw new ValidationError(
        'invalid_input',
        `Column \`${column}\` holds ${JSON.stringify(coded.classes[code])} at row ${i + rowOffset}, which is not among the classes ` +
          `(${classes.map((c) => JSON.stringify(c)).join(', ')}); ${hint}`,
      );
    }
    out[i] = k;
  }
  return out;
}

/**
 * Validates the columns of a multiclass task: a label column and either one score column per class (in class order)
 * or a column of hard predictions.
 * @param table - the data
 * @param spec - the multiclass spec
 * @returns the prepared task
 * @throws ValidationError for a label outside the classes, a wrong number of score columns or class names, nulls
 * @example
 * ```ts
 * prepareMulticlassTask(table, { task: 'multiclass', label: 'y', scores: ['p0', 'p1', 'p2'] });
 * ```
 */
export function prepareMulticlassTask(table: Table, spec: MulticlassSpec): PreparedTask {
  if ((spec.scores === undefined || spec.scores.length === 0) === (spec.pred === undefined)) {
    throw new ValidationError('invalid_argument', 'multiclass needs either score columns (--scores a,b,c) or a prediction column (--pred), not both.');
  }
  const label = toLabelCodes(getColumn(table, spec.label), spec.label);
  const n = label.codes.length;
  if (n === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  let w: Values | undefined = spec.weight !== undefined ? toNumericArray(getColumn(table, spec.weight), spec.weight).values : undefined;
  let classes: LabelValue[];
  let labels: Int32Array;
  let scores: Values[] | undefined;
  let pred: Int32Array | undefined;
  if (spec.scores !== undefined && spec.scores.length > 0) {
    const k = spec.scores.length;
    if (k < 2) throw new ValidationError('invalid_argument', 'multiclass needs at least two score columns, one per class.');
    if (spec.classes !== undefined && spec.classes.length !== k) {
      throw new ValidationError('invalid_argument', `--classes names ${spec.classes.length} classes but there are ${k} score columns; give one name per score column.`);
    }
    classes = spec.classes !== undefined ? [...spec.classes] : Array.from({ length: k }, (_, i) => i);
    labels = toClassIndices(label, classes, spec.label, 'pass --classes to name the classes of the score columns, in order.', spec.rowOffset ?? 0);
    scores = spec.scores.map((name) => toNumericArray(getColumn(table, name), name).values);
  } else {
    const predCodes = toLabelCodes(getColumn(table, spec.pred as string), spec.pred as string);
    classes = spec.classes !== undefined
      ? [...spec.classes]
      : [...label.classes, ...predCodes.classes.filter((p) => !label.classes.some((c) => sameLabel(c, p)))].sort(compareLabels);
    labels = toClassIndices(label, classes, spec.label, 'add it to --classes.', spec.rowOffset ?? 0);
    pred = toClassIndices(predCodes, classes, spec.pred as string, 'add it to --classes.', spec.rowOffset ?? 0);
  }
  if (spec.topK !== undefined && !(Number.isInteger(spec.topK) && spec.topK >= 1 && spec.topK <= classes.length)) {
    throw new ValidationError('invalid_argument', `--top-k must be an integer from 1 to the number of classes (${classes.length}), got ${spec.topK}.`);
  }
  const warnings: ReportWarning[] = [];
  const keep = validRows(n, [
    { name: spec.label, codes: labels },
    ...(scores ?? []).map((values, j) => ({ name: (spec.scores as string[])[j], values })),
    ...(pred !== undefined ? [{ name: spec.pred as string, codes: pred }] : []),
    ...(w !== undefined && spec.weight !== undefined ? [{ name: spec.weight, values: w, nonNegative: true }] : []),
  ], spec.nan ?? 'error', warnings, spec.rowOffset);
  if (keep !== undefined) {
    labels = gatherRows(labels, keep);
    if (scores !== undefined) scores = scores.map((s) => gatherRows(s, keep));
    if (pred !== undefined) pred = gatherRows(pred, keep);
    if (w !== undefined) w = gatherRows(w, keep);
  }
  const columns = {
    label: spec.label,
    ...(spec.scores !== undefined ? { scores: spec.scores } : { pred: spec.pred as string }),
    ...(spec.weight !== undefined ? { weight: spec.weight } : {}),
  };
  const options = { classes, ...(spec.topK !== undefined ? { top_k: spec.topK } : {}), zero_division: spec.zeroDivision ?? 0 };
  const build = (
    ll: Int32Array, ss: Values[] | undefined, pp: Int32Array | undefined, ww: Values | undefined,
    drop: number, warn: ReportWarning[], source?: Uint32Array,
  ): PreparedTask => ({
    task: 'multiclass',
    rows: ll.length,
    columns,
    options,
    sourceRows: source,
    dropped: drop,
    warnings: warn,
    async evaluate(kernels, detail) {
      const r = await multiclassMetrics(
        { labels: ll, k: classes.length, scores: ss, pred: pp, weights: ww },
        { topK: spec.topK, zeroDivision: spec.zeroDivision },
        kernels,
      );
      const sections: Record<string, unknown> = {};
      if (detail) {
        sections.confusion_matrix = { labels: classes, matrix: r.confusionMatrix };
        sections.per_class = r.perClass.map((c) => ({ class: classes[c.classIndex], precision: c.precision, recall: c.recall, f1: c.f1, support: c.support }));
      }
      return { metrics: r.metrics, sections, warnings: r.warnings };
    },
    subset: (idx) => build(
      gatherRows(ll, idx), ss?.map((s) => gatherRows(s, idx)), pp !== undefined ? gatherRows(pp, idx) : undefined,
      ww !== undefined ? gatherRows(ww, idx) : undefined, 0, [],
    ),
    toState() {
      if (pp !== undefined && spec.classes === undefined) {
        throw new ValidationError('invalid_argument', 'Streaming multiclass hard predictions needs --classes (the classes are otherwise known only after the last batch).');
      }
      return new MulticlassState({ k: classes.length, topK: spec.topK, zeroDivision: spec.zeroDivision, classes })
        .update({ labels: ll, k: classes.length, scores: ss, pred: pp, weights: ww });
    },
  });
  return build(labels, scores, pred, w, keep !== undefined ? n - keep.length : 0, warnings, keep);
}
