// The deliberate entry points of @modelperf/core (issue 9): one per task family, the mergeable evaluation state and
// the input adapter. Pure: no Node built-ins.
export { checkSpec } from './check-spec.js';
export type { ColumnInput, NumericTypedArray } from './column-vector.js';
export { evaluate } from './evaluate.js';
export { evaluateBinary, type BinaryColumns, type EvaluateBinaryOptions } from './evaluate-binary-columns.js';
export { evaluateMulticlass, type MulticlassColumns, type EvaluateMulticlassOptions } from './evaluate-multiclass.js';
export { evaluateMultilabel, type MultilabelColumns, type EvaluateMultilabelOptions } from './evaluate-multilabel.js';
export { evaluateRegression, type RegressionColumns, type EvaluateRegressionOptions } from './evaluate-regression.js';
export { evaluateRanking, type RankingColumns, type EvaluateRankingOptions } from './evaluate-ranking.js';
export {
  createState, EvaluationState, EVALUATION_STATE_KIND, type EvaluationStateJson, type StateOptions,
} from './evaluation-state.js';
export type { StateTaskInfo } from '../evaluate/state-report.js';
export { toTable, type TableInput } from './table-input.js';
