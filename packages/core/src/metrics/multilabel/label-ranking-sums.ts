import type { MultilabelInput } from './validate-multilabel-input.js';

/** Weighted running sums behind LRAP, coverage error and label ranking loss (each metric = sum / total weight). */
export interface LabelRankingSums {
  lrap: number;
  coverage: number;
  loss: number;
}

/**
 * Adds each row's weighted LRAP, coverage and ranking loss to running sums, in row order: the per-row step of
 * `labelRankingMetrics`, kept as sums so that batches and states add up.
 *
 * @param input - validated label/score columns and optional weights (one batch)
 * @param sums - running sums, updated in place
 * @remarks Same per-row formulas, tie handling and summation order as `labelRankingMetrics`, so feeding the rows in
 * order gives its sums bit for bit: for row i with relevant set Y (|Y| = m) and rank_j = |{k : s_k >= s_j}|,
 * LRAP_i = (1/m) sum_{j in Y} |{k in Y : s_k >= s_j}| / rank_j (1 when m = 0 or m = L),
 * coverage_i = |{k : s_k >= min_{j in Y} s_j}| (0 when m = 0),
 * loss_i = |{(j, k) : j in Y, k not in Y, s_j <= s_k}| / (m (L - m)) (0 when m = 0 or m = L).
 * @see sklearn.metrics.label_ranking_average_precision_score, coverage_error, label_ranking_loss
 * @example
 * ```ts
 * const sums = { lrap: 0, coverage: 0, loss: 0 };
 * addLabelRankingSums({ labels: [y0, y1], scores: [s0, s1] }, sums);
 * ```
 */
export function addLabelRankingSums(input: MultilabelInput, sums: LabelRankingSums): void {
  const { labels, scores, weights } = input;
  const nLabels = labels.length;
  const n = labels[0].length;
  const rowScores = new Float64Array(nLabels);
  const rowRelevant = new Uint8Array(nLabels);
  const order = new Int32Array(nLabels);
  const byScoreDesc = (a: number, b: number): number => (rowScores[a] > rowScores[b] ? -1 : rowScores[a] < rowScores[b] ? 1 : a - b);
  let { lrap, coverage: coverageSum, loss } = sums;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    let m = 0;
    for (let j = 0; j < nLabels; j++) {
      rowScores[j] = scores[j][i];
      rowRelevant[j] = labels[j][i];
      m += labels[j][i];
      order[j] = j;
    }
    if (m === 0) {
      lrap += w;
      continue;
    }
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
        badPairs += relInGroup * falseSeen;
      }
      g = end;
    }
    coverageSum += w * coverage;
    if (m === nLabels) {
      lrap += w;
    } else {
      lrap += w * (precisionSum / m);
      loss += w * (badPairs / (m * (nLabels - m)));
    }
  }
  sums.lrap = lrap;
  sums.coverage = coverageSum;
  sums.loss = loss;
}
