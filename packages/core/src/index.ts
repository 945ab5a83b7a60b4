/**
 * @modelperf/core — exact, fast model-evaluation metrics over Apache Arrow columns. This entry is pure (no Node
 * built-ins); file readers and writers live in `@modelperf/core/node`.
 */
export * from './errors.js';
export * from './columns/index.js';
export * from './io/index.js';
export * from './generate/index.js';
export type { BinaryClfCurve, BinaryRows, Kernels } from './kernels/binary-clf-curve.js';
export { curveFromSortedClasses } from './kernels/binary-clf-curve.js';
export { radixSortFloat64 } from './kernels/js/radix-sort-float64.js';
export { jsKernels, jsBinaryClfCurve } from './kernels/js/js-kernels.js';
export { createTfjsKernels } from './kernels/tfjs/tfjs-kernels.js';
export { loadTfjs, loadTfjsGpu, type LoadedTfjs } from './kernels/tfjs/load-tfjs.js';
export { selectKernels, BACKEND_CHOICES, type BackendChoice } from './kernels/select-kernels.js';
export { rocCurve, type RocCurve } from './metrics/curves/roc-curve.js';
export { precisionRecallCurve, type PrecisionRecallCurve } from './metrics/curves/precision-recall-curve.js';
export { rocAuc } from './metrics/curves/roc-auc.js';
export { averagePrecision } from './metrics/curves/average-precision.js';
export { confusionAtThreshold, type BinaryConfusion } from './metrics/binary/confusion-at-threshold.js';
export { thresholdMetrics, type ThresholdMetrics, type ZeroDivision } from './metrics/binary/threshold-metrics.js';
export { logLoss } from './metrics/binary/log-loss.js';
export { brierScoreLoss, brierScoreFromCurve } from './metrics/binary/brier-score-loss.js';
export { resolveBinaryLabels, type BinaryLabels } from './metrics/binary/resolve-binary-labels.js';
export { prepareBinaryRows, type BinaryColumnsInput, type LabelCodes, type NanPolicy, type PreparedBinaryRows } from './evaluate/prepare-binary-rows.js';
export { resolveBinaryOptions, type BinaryEvaluationOptions, type ResolvedBinaryOptions } from './evaluate/binary-options.js';
export { evaluateBinary, dedupeWarnings } from './evaluate/evaluate-binary.js';
export { evaluateTable, prepareTask } from './evaluate/evaluate-table.js';
export type {
  EvaluationSpec, CommonSpec, BinarySpec, MulticlassSpec, MultilabelSpec, RegressionSpec, RankingSpec,
} from './evaluate/evaluation-spec.js';
export type { PreparedTask, TaskResult } from './evaluate/prepared-task.js';
export { binaryResult, binaryMetricsFromCurve, type BinaryDetailOptions } from './evaluate/binary-result.js';
export { sliceRows, type RowSlice } from './evaluate/slice-rows.js';
export { validRows, type CheckedColumn } from './evaluate/row-validation.js';
export { gatherRows, type GatherableArray } from './evaluate/gather-rows.js';
export {
  REPORT_SCHEMA, TASKS, type TaskName, type Report, type LabelValue, type ReportRocCurve, type ReportPrCurve,
  type ReportClassResult, type ReportSlice, type ReportInterval,
} from './report/report.js';
export type { ReportWarning } from './report/report-warning.js';
export { reportToJson, jsonNumber } from './report/report-to-json.js';
export * from './metrics/regression/regression-metrics.js';
export * from './metrics/binary-extras/index.js';
export * from './intervals/index.js';
export * from './metrics/multiclass/index.js';
export * from './metrics/multilabel/index.js';
export * from './metrics/ranking/index.js';
export { evaluateBatches, type StreamOptions } from './evaluate/evaluate-batches.js';
export { BalancedMerger } from './evaluate/merge-balanced.js';
export type { StreamContext } from './evaluate/prepared-task.js';
export * from './states/metric-state.js';
export * from './states/state-buffers.js';
export * from './states/binary/index.js';
export * from './states/regression/index.js';
export * from './states/multilabel/index.js';
export * from './states/multiclass/index.js';
export * from './states/ranking/index.js';
