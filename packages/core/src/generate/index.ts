export {
  generateBinaryPredictions,
  binaryPredictionSegments,
  type BinaryPredictions,
  type BinaryPredictionsOptions,
  type BinaryPredictionSegment,
} from './binary-predictions.js';
export { binaryPredictionsTable, type BinaryPredictionsSchema } from './binary-predictions-table.js';
export {
  multiclassPredictionsTable,
  type MulticlassPredictionsOptions,
  type MulticlassPredictionsSchema,
} from './multiclass-predictions-table.js';
export type { SegmentType } from './generated-table.js';
export {
  multilabelPredictionsTable,
  multilabelPrevalence,
  type MultilabelPredictionsOptions,
  type MultilabelPredictionsSchema,
} from './multilabel-predictions-table.js';
export {
  regressionPredictionsTable,
  type RegressionPredictionsOptions,
  type RegressionPredictionsSchema,
} from './regression-predictions-table.js';
export {
  rankingPredictionsTable,
  type RankingPredictionsOptions,
  type RankingPredictionsSchema,
} from './ranking-predictions-table.js';
