import type { Table } from 'apache-arrow';
import { getColumn, toLabelCodes, toNumericArray } from '../columns/index.js';
import { delongRocAucInterval } from '../intervals/index.js';
import { createBinaryState } from '../states/binary/index.js';
import type { BinaryRows } from '../kernels/binary-clf-curve.js';
import type { BinaryLabels } from '../metrics/binary/resolve-binary-labels.js';
import type { ReportInterval } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import { resolveBinaryOptions, type ResolvedBinaryOptions } from './binary-options.js';
import { binaryResult, type BinaryDetailOptions } from './binary-result.js';
import type { BinarySpec } from './evaluation-spec.js';
import { gatherRows } from './gather-rows.js';
import { prepareBinaryRows, type LabelCodes } from './prepare-binary-rows.js';
import type { PreparedTask } from './prepared-task.js';

/**
 * Validates the columns of a binary task in a table.
 * @param table - the data
 * @param spec - the binary spec
 * @param codedLabel - the label column already coded by `toLabelCodes`, if the caller has it
 * @param consumeTable - the table is given away: its score and label columns may be sorted in place at the last use
 * @returns the prepared task
 * @throws SchemaError / ValidationError as `prepareBinaryRows`
 * @example
 * ```ts
 * const task = prepareBinaryTask(table, { task: 'binary', label: 'y', score: 'p' });
 * ```
 */
export function prepareBinaryTask(table: Table, spec: BinarySpec, codedLabel?: LabelCodes, consumeTable = false): PreparedTask {
  const opts = resolveBinaryOptions(spec);
  const labelColumn = getColumn(table, spec.label);
  const label = codedLabel ?? toLabelCodes(labelColumn, spec.label);
  const scoreColumn = getColumn(table, spec.score);
  const score = toNumericArray(scoreColumn, spec.score).values;
  const weight = spec.weight !== undefined ? toNumericArray(getColumn(table, spec.weight), spec.weight).values : undefined;
  const warnings: ReportWarning[] = [];
  const prepared = prepareBinaryRows(
    { label, score, weight, names: { label: spec.label, score: spec.score, weight: spec.weight } },
    { posLabel: opts.posLabel, nan: opts.nan, rowOffset: spec.rowOffset },
    warnings,
  );
  const columns = { label: spec.label, score: spec.score, ...(spec.weight !== undefined ? { weight: spec.weight } : {}) };
  const options = {
    pos_label: prepared.labels.positive, threshold: opts.threshold, beta: opts.beta, zero_division: opts.zeroDivision,
  };
  // The scores are this task's own copy (not a view of the table) when the column was converted or joined from chunks,
  // or rows were dropped; the flags when the labels were not 0/1 bytes. The last use of these rows (`toState`, or
  // `evaluate` with `last`) may then sort them in place, and so the table's own columns when the table is given away.
  const owns = (column: typeof scoreColumn, array: ArrayBufferView): boolean =>
    consumeTable || !column.data.some((data) => (data.values as ArrayBufferView | undefined)?.buffer === array.buffer);
  return binaryTask(prepared.rows, prepared.labels, opts, { bins: spec.bins, costFp: spec.costFp, costFn: spec.costFn },
    columns, options, prepared.dropped, warnings, prepared.kept,
    { scores: owns(scoreColumn, prepared.rows.scores), flags: owns(labelColumn, prepared.rows.positive) });
}

/** The labels of every streamed binary state: flags as given; the stream driver names the real labels. */
const STREAM_LABELS = { positive: 1, negative: 0, positiveIndex: 1 };

function binaryTask(
  rows: BinaryRows,
  labels: BinaryLabels,
  opts: ResolvedBinaryOptions,
  extra: BinaryDetailOptions,
  columns: Record<string, string>,
  options: Record<string, unknown>,
  dropped: number,
  warnings: ReportWarning[],
  sourceRows?: Uint32Array,
  owned = { scores: false, flags: false },
): PreparedTask {
  // Rows handed to the last use: sorted in place where they are this task's own.
  const lastRows: BinaryRows = { ...rows, consumeScores: owned.scores, consumeFlags: owned.flags };
  return {
    task: 'binary',
    rows: rows.scores.length,
    columns,
    options,
    sourceRows,
    dropped,
    warnings,
    evaluate: (kernels, detail, last) => binaryResult(last === true ? lastRows : rows, labels, opts, kernels, detail, extra),
    analyticIntervals(level): Record<string, ReportInterval> {
      const delong = delongRocAucInterval(rows, level);
      return delong === undefined ? {} : { roc_auc: { low: delong.low, high: delong.high, level, method: 'delong' } };
    },
    subset(indices) {
      const sub: BinaryRows = {
        scores: gatherRows(rows.scores, indices),
        positive: gatherRows(rows.positive, indices),
        weights: rows.weights !== undefined ? gatherRows(rows.weights, indices) : undefined,
      };
      return binaryTask(sub, labels, opts, extra, columns, options, 0, []);
    },
    // Streaming keeps the rows' class flags as given (1 = the label this batch was told is positive); the stream
    // driver names the labels and swaps the classes at the end if the positive label turns out to be the other one.
    toState: (context) => createBinaryState(context.curveMode, {
      labels: STREAM_LABELS, options: { ...opts, posLabel: undefined }, extra, bins: context.histogramBins,
      swappable: context.settledClasses !== true, rowBuffers: context.rowBuffers,
    }).update(lastRows),
  };
}
