export { rankingMetrics, type RankingOptions, type RankingResult } from './ranking-metrics.js';
export { sortByQuery, type QueryOrder } from './sort-by-query.js';
export { ndcgAtK, dcgDiscountCumsum } from './ndcg-at-k.js';
export { queryHitMetrics, type QueryHitMetrics } from './query-hit-metrics.js';
export { validateRankingInput, type RankingInput, type RankingNames } from './validate-ranking-input.js';
