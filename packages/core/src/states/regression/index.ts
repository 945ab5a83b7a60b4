export { GrowableColumn } from './growable-column.js';
export { RegressionState, type RegressionBatch, type RegressionStateJson, type RegressionStateOptions } from './regression-state.js';
