export type { ConfidenceInterval, IntervalMethod } from './confidence-interval.js';
export { checkLevel } from './check-level.js';
export { normalQuantile } from './normal-quantile.js';
export { delongRocAucInterval, type DelongInterval } from './delong-roc-auc-interval.js';
export { bootstrapIntervals, type BootstrapInterval, type BootstrapOptions } from './bootstrap-intervals.js';
