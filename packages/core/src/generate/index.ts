export {
  generateBinaryPredictions,
  binaryPredictionSegments,
  type BinaryPredictions,
  type BinaryPredictionsOptions,
  type BinaryPredictionSegment,
} from './binary-predictions.js';
export { binaryPredictionsTable, type BinaryPredictionsSchema } from './binary-predictions-table.js';
