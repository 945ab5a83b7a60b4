/**
 * @modelperf/core — exact, fast model-evaluation metrics over Apache Arrow columns. This entry is pure (no Node
 * built-ins); file readers and writers live in `@modelperf/core/node`. Everything exported here is the public API
 * under semantic versioning; what only the apps need lives in `@modelperf/core/internal` (no semver promise).
 */
export * from './errors.js';
export {
  readArrowBytes, readCsvBytes, readParquetBytes, readTableBytes, type ReadTableBytesOptions, type CsvReadOptions,
  DEFAULT_CSV_NULL_VALUES, detectInputFormat, INPUT_FILE_EXTENSIONS, INPUT_FORMAT_NAMES, type InputFormat,
  type InputFormatName, encodeTable, writeCsvBytes, type CsvWriteOptions, writeParquetBytes, type ParquetWriteOptions,
} from './io/index.js';
export * from './api/index.js';
export {
  binaryPredictionsTable, type BinaryPredictionsSchema, type BinaryPredictionsOptions, multiclassPredictionsTable,
  type MulticlassPredictionsOptions, type MulticlassPredictionsSchema, multilabelPredictionsTable,
  type MultilabelPredictionsOptions, type MultilabelPredictionsSchema, regressionPredictionsTable,
  type RegressionPredictionsOptions, type RegressionPredictionsSchema, rankingPredictionsTable,
  type RankingPredictionsOptions, type RankingPredictionsSchema, type SegmentType,
} from './generate/index.js';
export { BACKEND_CHOICES, type BackendChoice } from './kernels/select-kernels.js';
export type { ZeroDivision } from './metrics/binary/threshold-metrics.js';
export type { NanPolicy } from './evaluate/prepare-binary-rows.js';
export type { BinaryEvaluationOptions } from './evaluate/binary-options.js';
export { evaluateTable } from './evaluate/evaluate-table.js';
export type {
  EvaluationSpec, CommonSpec, BinarySpec, MulticlassSpec, MultilabelSpec, RegressionSpec, RankingSpec,
} from './evaluate/evaluation-spec.js';
export type { TaskResult } from './evaluate/prepared-task.js';
export {
  REPORT_SCHEMA, TASKS, type TaskName, type Report, type LabelValue, type ReportRocCurve, type ReportPrCurve,
  type ReportClassResult, type ReportSlice, type ReportInterval,
} from './report/report.js';
export type { ReportWarning } from './report/report-warning.js';
export { reportToJson, jsonNumber } from './report/report-to-json.js';
export { evaluateBatches, type StreamOptions } from './evaluate/evaluate-batches.js';
export * from './states/metric-state.js';
export { toTransferable, type EncodedArray, type StateArray, type StateArrayType } from './states/state-buffers.js';
export * from './states/state-from-json.js';
export {
  BINARY_EXACT_KIND, BinaryExactState, type BinaryExactStateJson, BINARY_BINNED_KIND, BinaryBinnedState,
  type BinaryBinnedStateInit, type BinaryBinnedStateJson, createBinaryState, binaryStateFromJSON, type BinaryState,
  type BinaryStateMode, type BinaryStateInit, type BinaryStateConfig, type BinaryConfigJson, type JsonNumber,
  DEFAULT_HISTOGRAM_BINS, MIN_HISTOGRAM_BINS, MAX_HISTOGRAM_BINS,
} from './states/binary/index.js';
export { RegressionState, type RegressionBatch, type RegressionStateJson, type RegressionStateOptions } from './states/regression/index.js';
export { MultilabelState, type MultilabelStateJson, type MultilabelStateOptions } from './states/multilabel/index.js';
export { MulticlassState, type MulticlassStateJson, type MulticlassStateOptions } from './states/multiclass/index.js';
export * from './states/ranking/index.js';
export * from './compare/index.js';
export * from './gates/index.js';
export * from './checks/index.js';
export * from './baselines/index.js';
