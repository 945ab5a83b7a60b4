import { addLabelRankingSums, type LabelRankingSums } from './label-ranking-sums.js';
import type { MultilabelInput } from './validate-multilabel-input.js';

/** The three label-ranking metrics of a multilabel task. */
export interface LabelRankingMetrics {
  label_ranking_average_precision: number;
  coverage_error: number;
  label_ranking_loss: number;
}

/**
 * Label ranking average precision, coverage error and ranking loss, from one sort of each row's label scores.
 *
 * @param input - validated label/score columns and optional weights
 * @returns LRAP, coverage error and label ranking loss, each a weighted mean over rows
 * @remarks For row i with relevant set Y (|Y| = m) and rank_j = |{k : s_k >= s_j}| (ties take the worst rank):
 * LRAP_i = (1/m) sum_{j in Y} |{k in Y : s_k >= s_j}| / rank_j, and LRAP_i = 1 when m = 0 or m = L;
 * coverage_i = |{k : s_k >= min_{j in Y} s_j}|, 0 when m = 0;
 * loss_i = |{(j, k) : j in Y, k not in Y, s_j <= s_k}| / (m (L - m)), 0 when m = 0 or m = L.
 * Each is averaged as sum_i w_i x_i / sum_i w_i.
 * @see sklearn.metrics.label_ranking_average_precision_score, coverage_error, label_ranking_loss
 * @example
 * ```ts
 * labelRankingMetrics({ labels: [y0, y1, y2], scores: [s0, s1, s2] }).coverage_error;
 * ```
 */
export function labelRankingMetrics(input: MultilabelInput): LabelRankingMetrics {
  const sums: LabelRankingSums = { lrap: 0, coverage: 0, loss: 0 };
  addLabelRankingSums(input, sums);
  const { weights } = input;
  const n = input.labels[0].length;
  let wTotal = 0;
  if (weights === undefined) wTotal = n;
  else for (let i = 0; i < n; i++) wTotal += weights[i];
  return {
    label_ranking_average_precision: sums.lrap / wTotal,
    coverage_error: sums.coverage / wTotal,
    label_ranking_loss: sums.loss / wTotal,
  };
}
