export { RankingState, type RankingStateJson, type RankingStateOptions } from './ranking-state.js';
