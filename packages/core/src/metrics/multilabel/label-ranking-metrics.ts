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
  const { labels, scores, weights } = input;
  const nLabels = labels.length;
  const n = labels[0].length;
  const rowScores = new Float64Array(nLabels);
  const rowRelevant = new Uint8Array(nLabels);
  const order = new Int32Array(nLabels);
  const byScoreDesc = (a: number, b: number): number => (rowScores[a] > rowScores[b] ? -1 : rowScores[a] < rowScores[b] ? 1 : a - b);
  let wTotal = 0;
  let lrapSum = 0;
  let coverageSum = 0;
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    wTotal += w;
    let m = 0;
    for (let j = 0; j < nLabels; j++) {
      rowScores[j] = scores[j][i];
      rowRelevant[j] = labels[j][i];
      m += labels[j][i];
      order[j] = j;
    }
    if (m === 0) {
      lrapSum += w; // no relevant label: LRAP is 1 by convention, coverage and loss are 0
      continue;
    }
    // Insertion sort: rows hold few labels, and it allocates nothing.
    if (nLabels <= 32) {
      for (let a = 1; a < nLabels; a++) {
        const v = order[a];
        let b = a - 1;
        while (b >= 0 && byScoreDesc(order[b], v) > 0) { order[b + 1] = order[b]; b--; }
        order[b + 1] = v;
      }
    } else {
      order.sort(byScoreDesc);
    }
    // Walk tie groups from the highest score; allSeen/relSeen count labels with score >= the group's score.
    let allSeen = 0;
    let relSeen = 0;
    let falseSeen = 0;
    let precisionSum = 0;
    let coverage = 0;
    let badPairs = 0;
    let g = 0;
    while (g < nLabels) {
      const s = rowScores[order[g]];
      let end = g;
      let relInGroup = 0;
      while (end < nLabels && rowScores[order[end]] === s) { relInGroup += rowRelevant[order[end]]; end++; }
      allSeen = end;
      relSeen += relInGroup;
      falseSeen += end - g - relInGroup;
      if (relInGroup > 0) {
        precisionSum += relInGroup * (relSeen / allSeen);
        coverage = allSeen;
        // A relevant label ties with or ranks below every irrelevant label seen so far.
        badPairs += relInGroup * falseSeen;
      }
      g = end;
    }
    coverageSum += w * coverage;
    if (m === nLabels) {
      lrapSum += w;
    } else {
      lrapSum += w * (precisionSum / m);
      lossSum += w * (badPairs / (m * (nLabels - m)));
    }
  }
  return {
    label_ranking_average_precision: lrapSum / wTotal,
    coverage_error: coverageSum / wTotal,
    label_ranking_loss: lossSum / wTotal,
  };
}
