export { COMPARE_TASKS, type CompareTask, type ComparisonSpec } from './comparison-spec.js';
export {
  COMPARISON_SCHEMA, type ComparisonResult, type ComparedModel, type BaselineComparison, type MetricDifference,
  type ModelInterval, type ComparisonSlice,
} from './comparison-result.js';
export { metricDirection, type MetricDirection } from './metric-direction.js';
export { normalUpperTail } from './normal-upper-tail.js';
export { delongPairedTest, type DelongPairedTest } from './delong-paired-test.js';
export { compareModels } from './compare-models.js';
export { joinOnId, type JoinedColumn, type JoinNames } from './join-on-id.js';
