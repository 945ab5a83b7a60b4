export { ClassScoreBuckets } from './class-score-buckets.js';
export { MulticlassState, type MulticlassStateJson, type MulticlassStateOptions } from './multiclass-state.js';
