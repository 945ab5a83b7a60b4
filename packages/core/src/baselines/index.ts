// Baseline models: dummies, preprocessing, logistic and ridge regression, and the runner behind `modelperf baseline`.
// The numerical pieces (Cholesky, Newton, the objectives) stay internal: import them from their files.
export { type DesignMatrix } from './design-matrix.js';
export type { FeatureEncoding, NumericFeatureEncoding, CategoricalFeatureEncoding } from './feature-encoding.js';
export { fitPreprocessor, type Preprocessor, type PreprocessorOptions, type PreprocessorJSON } from './preprocessor.js';
export { DEFAULT_MAX_CATEGORIES } from './categorical-feature.js';
export {
  fitLogisticRegression, predictLogistic, DEFAULT_L2, NEWTON_MAX_PARAMETERS, NEWTON_MAX_WORK, type LogisticModel, type LogisticOptions, type LogisticStatus,
} from './logistic-regression.js';
export { fitRidge, predictLinear, DEFAULT_RIDGE_L2, RIDGE_CHOLESKY_MAX_FEATURES, type LinearModel, type RidgeOptions } from './linear-regression.js';
export {
  classCounts, dummyClassifierProbabilities, dummyRegressorValue, DUMMY_CLASSIFIER_STRATEGIES, DUMMY_REGRESSOR_STRATEGIES,
  type DummyClassifierStrategy, type DummyRegressorStrategy,
} from './dummy-baselines.js';
export { fitItemPopularity, popularityScores, type ItemPopularity } from './popularity-baseline.js';
export {
  BASELINE_TASKS, BASELINE_MODEL_CHOICES, resolveBaselineSpec, type BaselineSpec, type BaselineTask, type BaselineModelChoice,
  type ResolvedBaselineSpec,
} from './baseline-spec.js';
export {
  BASELINE_REPORT_SCHEMA, type BaselineReport, type BaselineEvaluation, type BaselineModelInfo,
} from './baseline-report.js';
export { runBaselines, type BaselineSplit, type BaselineRun } from './run-baselines.js';
