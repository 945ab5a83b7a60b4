export { addLabelRankingSums, type LabelRankingSums } from '../../metrics/multilabel/label-ranking-sums.js';
export { MultilabelState, type MultilabelStateJson, type MultilabelStateOptions } from './multilabel-state.js';
