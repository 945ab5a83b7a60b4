// Data checks before training: leakage, duplicates, drift, schema and missing values (`modelperf check`).
export { CHECK_NAMES, SEVERITIES, sortFindings, summarizeFindings, type CheckFinding, type CheckName, type CheckSummary, type Severity } from './check-finding.js';
export { DEFAULT_CHECK_THRESHOLDS, resolveThresholds, type CheckSpec, type CheckThresholds } from './check-options.js';
export { resolveCheckColumns, type CheckColumns } from './check-columns.js';
export { CHECK_REPORT_SCHEMA, checkTables, runChecks, splitStateOptions, validateCheckSpec, type CheckReport, type CheckTables, type SplitStates } from './run-checks.js';
export { SplitState, type SplitStateOptions } from './split-state.js';
export { ColumnProfileState, DEFAULT_MAX_CATEGORIES as DEFAULT_CHECK_MAX_CATEGORIES, OTHER_CODE } from './column-profile-state.js';
export { columnKind, columnValues, type ColumnKind, type ColumnValues } from './column-values.js';
export { RowHashTable, NO_ROW } from './row-hash-table.js';
export { mixColumnHashes } from './row-hasher.js';
export {
  PSI_EPSILON, binCounts, chiSquareHomogeneity, jensenShannonDivergence, ksTwoSample, populationStabilityIndex, quantileEdges,
  type ChiSquareResult, type KsResult,
} from './drift-statistics.js';
export { kolmogorovSf, smirnovSf } from './kolmogorov-sf.js';
export { chiSquareSf, logGamma, regularizedGammaQ } from './special-functions.js';
export { correlationRatio, mutualInformation, pearsonCorrelation, singleFeatureAuc } from './leakage-statistics.js';
export { categoricalDrift, numericDrift, valueCounts, type ColumnDrift } from './column-drift.js';
export { labelTask, type LabelTask } from './label-task.js';
export { DEFAULT_DOMAIN_SAMPLE_ROWS } from './representativeness-check.js';
