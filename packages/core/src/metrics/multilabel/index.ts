export { multilabelMetrics, type MultilabelOptions, type MultilabelResult } from './multilabel-metrics.js';
export { multilabelCounts, type MultilabelCounts } from './multilabel-counts.js';
export {
  multilabelThresholdMetrics, type MultilabelThresholdMetrics, type MultilabelLabelMetrics,
} from './multilabel-threshold-metrics.js';
export { labelRankingMetrics, type LabelRankingMetrics } from './label-ranking-metrics.js';
export { validateMultilabelInput, type MultilabelInput, type MultilabelNames } from './validate-multilabel-input.js';
