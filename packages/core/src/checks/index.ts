// Data checks before training (`modelperf check`): leakage, duplicates, drift, schema, missing values. The public
// surface: running checks, their findings and thresholds, the split state, and the drift statistics.
export { CHECK_NAMES, SEVERITIES, sortFindings, summarizeFindings, type CheckFinding, type CheckName, type CheckSummary, type Severity } from './check-finding.js';
export { DEFAULT_CHECK_THRESHOLDS, resolveThresholds, type CheckSpec, type CheckThresholds } from './check-options.js';
export { resolveCheckColumns, type CheckColumns } from './check-columns.js';
export {
  CHECK_REPORT_SCHEMA, checkTables, runChecks, splitStateOptions, validateCheckSpec, type CheckReport, type CheckTables, type SplitStates,
} from './run-checks.js';
export { SplitState, type SplitStateOptions } from './split-state.js';
export type { ColumnProfileState } from './column-profile-state.js';
export type { ColumnKind } from './column-values.js';
export type { ColumnDrift } from './column-drift.js';
export {
  PSI_EPSILON, binCounts, chiSquareHomogeneity, jensenShannonDivergence, ksTwoSample, populationStabilityIndex, quantileEdges,
  type ChiSquareResult, type KsResult,
} from './drift-statistics.js';
export { kolmogorovSf } from './kolmogorov-sf.js';
export { chiSquareSf } from './special-functions.js';
export { mutualInformation } from './leakage-statistics.js';
