export { ksStatistic, type KsStatistic } from './ks-statistic.js';
export { gainsTable, type GainsGroup, type GainsTable } from './gains-table.js';
export { calibrationCurve, calibrationFromCurve, type CalibrationBin, type CalibrationCurve, type CalibrationStrategy } from './calibration-curve.js';
export { thresholdSweep, type SweepOptimum, type ThresholdSweep } from './threshold-sweep.js';
