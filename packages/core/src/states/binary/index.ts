export { BINARY_EXACT_KIND, BinaryExactState, type BinaryExactStateJson } from './binary-exact-state.js';
export { BINARY_BINNED_KIND, BinaryBinnedState, type BinaryBinnedStateInit, type BinaryBinnedStateJson } from './binary-binned-state.js';
export { createBinaryState, binaryStateFromJSON, type BinaryState, type BinaryStateMode } from './create-binary-state.js';
export type { BinaryStateInit, BinaryStateConfig, BinaryConfigJson, JsonNumber } from './binary-state-config.js';
export { DEFAULT_HISTOGRAM_BINS, MIN_HISTOGRAM_BINS, MAX_HISTOGRAM_BINS, ScoreHistogram } from './score-histogram.js';
export { ScoreRuns, type RunCounts } from './score-runs.js';
