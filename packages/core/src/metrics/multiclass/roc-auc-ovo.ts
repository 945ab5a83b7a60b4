/** One-vs-one (Hand & Till) ROC AUC averages. */
export interface RocAucOvo {
  macro: number;
  /** Pairs weighted by their prevalence (n_a + n_b) / n. */
  weighted: number;
}

/**
 * One-vs-one ROC AUC of Hand & Till (2001): for every pair of classes a < b, the mean of AUC(a vs b on column a)
 * and AUC(b vs a on column b), each over the rows of a and b only; then averaged over the pairs. Unweighted only,
 * as scikit-learn's one-vs-one does not take sample weights.
 *
 * @param labels - true class index per row; every class must occur
 * @param scores - k score columns, used as given
 * @returns macro (plain mean over pairs) and weighted (prevalence-weighted) averages
 * @remarks AUC(a vs b on column a) = U_ab / (n_a n_b), U_ab = sum over a-rows i, b-rows j of [s_a(i) > s_a(j)] +
 * [s_a(i) = s_a(j)] / 2 (the Mann-Whitney count; exact in float64 below 2^52 pairs). Each column's scores are sorted
 * once per class and merged pairwise: O(k n log n + k n) instead of k(k-1) curve sweeps.
 * weighted = sum_{a<b} ((n_a + n_b) / n) A_ab / sum_{a<b} (n_a + n_b) / n.
 * @see sklearn.metrics.roc_auc_score with multi_class="ovo"; sklearn.metrics._base._average_multiclass_ovo_score
 * @example
 * ```ts
 * rocAucOvo(Int32Array.of(0, 1, 2), [Float64Array.of(.8, .1, .1), Float64Array.of(.1, .8, .1), Float64Array.of(.1, .1, .8)]).macro; // 1
 * ```
 */
export function rocAucOvo(labels: Int32Array, scores: ReadonlyArray<Float64Array | Float32Array>): RocAucOvo {
  const n = labels.length;
  const k = scores.length;
  // Counting sort of row indices by class: rows of class c are order[start[c] .. start[c + 1]).
  const start = new Int32Array(k + 1);
  for (let r = 0; r < n; r++) start[labels[r] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const order = new Int32Array(n);
  const fill = start.slice(0, k);
  for (let r = 0; r < n; r++) order[fill[labels[r]]++] = r;

  // auc[a * k + b] = AUC of class a against class b on column a.
  const auc = new Float64Array(k * k);
  const sorted = new Float64Array(n);
  for (let a = 0; a < k; a++) {
    const col = scores[a];
    // Column a at every row, grouped by class and sorted within each class (native numeric sort).
    for (let i = 0; i < n; i++) sorted[i] = col[order[i]] + 0;
    for (let c = 0; c < k; c++) sorted.subarray(start[c], start[c + 1]).sort();
    const as = sorted.subarray(start[a], start[a + 1]);
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const bs = sorted.subarray(start[b], start[b + 1]);
      auc[a * k + b] = mannWhitney(as, bs) / (as.length * bs.length);
    }
  }
  let sum = 0;
  let wsum = 0;
  let wtotal = 0;
  let pairs = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const pairScore = (auc[a * k + b] + auc[b * k + a]) / 2;
      const prevalence = (start[a + 1] - start[a] + start[b + 1] - start[b]) / n;
      sum += pairScore;
      wsum += prevalence * pairScore;
      wtotal += prevalence;
      pairs++;
    }
  }
  return { macro: sum / pairs, weighted: wsum / wtotal };
}

/**
 * Mann-Whitney U of `xs` over `ys`: sum over x in xs of (#{y in ys : y < x} + #{y in ys : y = x} / 2), both arrays
 * ascending, in one merge walk (counted doubled so the sum stays an integer).
 * @param xs - scores of one class, ascending
 * @param ys - scores of the other class, ascending
 * @returns U
 * @example
 * ```ts
 * mannWhitney(Float64Array.of(0.5, 0.9), Float64Array.of(0.1, 0.5)); // 2.5
 * ```
 */
export function mannWhitney(xs: Float64Array, ys: Float64Array): number {
  let below = 0;
  let twice = 0;
  let i = 0;
  while (i < xs.length) {
    const x = xs[i];
    let run = 0;
    while (i < xs.length && xs[i] === x) { run++; i++; }
    while (below < ys.length && ys[below] < x) below++;
    let equal = 0;
    while (below + equal < ys.length && ys[below + equal] === x) equal++;
    twice += run * (2 * below + equal);
  }
  return twice / 2;
}
