import type { Table } from 'apache-arrow';
import { getColumn, toNumericArray } from '../columns/index.js';
import { ValidationError } from '../errors.js';
import { multilabelMetrics } from '../metrics/multilabel/multilabel-metrics.js';
import { MultilabelState } from '../states/multilabel/index.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { MultilabelSpec } from './evaluation-spec.js';
import { gatherRows } from './gather-rows.js';
import type { PreparedTask } from './prepared-task.js';
import { validRows } from './row-validation.js';

type Values = Float64Array | Float32Array;

/**
 * Validates the columns of a multilabel task: one 0/1 (or boolean) column per label and a score column for each.
 * @param table - the data
 * @param spec - the multilabel spec
 * @returns the prepared task
 * @throws ValidationError when label and score column counts differ or a label is not 0/1 (naming column and row)
 * @example
 * ```ts
 * prepareMultilabelTask(table, { task: 'multilabel', labels: ['a', 'b'], scores: ['pa', 'pb'] });
 * ```
 */
export function prepareMultilabelTask(table: Table, spec: MultilabelSpec): PreparedTask {
  if (spec.labels.length === 0 || spec.labels.length !== spec.scores.length) {
    throw new ValidationError(
      'invalid_argument',
      `multilabel needs one score column per label column: got ${spec.labels.length} label and ${spec.scores.length} score columns.`,
    );
  }
  const threshold = spec.threshold ?? 0.5;
  const rawLabels = spec.labels.map((name) => toNumericArray(getColumn(table, name), name).values);
  let scores: Values[] = spec.scores.map((name) => toNumericArray(getColumn(table, name), name).values);
  let w: Values | undefined = spec.weight !== undefined ? toNumericArray(getColumn(table, spec.weight), spec.weight).values : undefined;
  const n = rawLabels[0].length;
  if (n === 0) throw new ValidationError('empty_input', 'The input has no rows; there is nothing to evaluate.');
  const warnings: ReportWarning[] = [];
  const keep = validRows(n, [
    ...rawLabels.map((values, j) => ({ name: spec.labels[j], values })),
    ...scores.map((values, j) => ({ name: spec.scores[j], values })),
    ...(w !== undefined && spec.weight !== undefined ? [{ name: spec.weight, values: w, nonNegative: true }] : []),
  ], spec.nan ?? 'error', warnings, spec.rowOffset);
  let labels = rawLabels.map((values, j) => {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === 1) out[i] = 1;
      else if (v !== 0 && v === v) {
        throw new ValidationError('invalid_input', `Label column \`${spec.labels[j]}\` holds ${v} at row ${i + (spec.rowOffset ?? 0)}; multilabel labels must be 0/1 or booleans.`);
      }
    }
    return out;
  });
  if (keep !== undefined) {
    labels = labels.map((l) => gatherRows(l, keep));
    scores = scores.map((s) => gatherRows(s, keep));
    if (w !== undefined) w = gatherRows(w, keep);
  }
  const columns = { labels: spec.labels, scores: spec.scores, ...(spec.weight !== undefined ? { weight: spec.weight } : {}) };
  const build = (ll: Uint8Array[], ss: Values[], ww: Values | undefined, drop: number, warn: ReportWarning[], source?: Uint32Array): PreparedTask => ({
    task: 'multilabel',
    rows: ll[0].length,
    columns,
    options: { threshold, zero_division: spec.zeroDivision ?? 0 },
    sourceRows: source,
    dropped: drop,
    warnings: warn,
    async evaluate(_kernels, detail) {
      const r = multilabelMetrics({ labels: ll, scores: ss, weights: ww }, { threshold, zeroDivision: spec.zeroDivision });
      const perLabel = r.perLabel.map((c) => ({ class: spec.labels[c.labelIndex], precision: c.precision, recall: c.recall, f1: c.f1, support: c.support }));
      return { metrics: r.metrics, sections: detail ? { per_class: perLabel } : {}, warnings: r.warnings };
    },
    subset: (idx) => build(ll.map((l) => gatherRows(l, idx)), ss.map((s) => gatherRows(s, idx)), ww !== undefined ? gatherRows(ww, idx) : undefined, 0, []),
    toState: () => new MultilabelState({ threshold, zeroDivision: spec.zeroDivision, names: { labels: spec.labels } })
      .update({ labels: ll, scores: ss, weights: ww }),
  });
  return build(labels, scores, w, keep !== undefined ? n - keep.length : 0, warnings, keep);
}
