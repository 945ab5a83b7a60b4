import { judgeSklearn } from './targets.mjs';

/**
 * One scikit-learn comparison: sklearn's `roc_auc_score` alone against modelperf's full exact report of the same
 * rows, on modelperf's compute time and on its CLI wall time (medians).
 *
 * @param {object} exactCase - the exact whole-file case of this size on the js backend with the most threads, from
 *   the same run: the speed-ups, the AUC and the verdicts are its; `threads` records its thread count (1 when absent)
 * @param {object} sk - the scikit-learn script's output
 * @param {object} [oneThreadCase] - the 1-thread js exact case of the same size and run, when there is one: adds
 *   `modelperf_compute_one_thread_s` and `speedup_compute_one_thread` (sklearn's median `roc_auc_score` seconds / its
 *   median compute seconds; the same as `speedup_compute` when `exactCase` is that case), unjudged
 * @returns {object} the comparison recorded under `sklearn.cases`, with its verdicts (`judgeSklearn`)
 * @example
 * const comparison = compareWithSklearn(jsExactCase, await runSklearnScript({ python, prefix, runs: 3, fullRuns: 1 }));
 * comparison.speedup_compute; // sklearn's median roc_auc_score seconds / modelperf's median compute seconds
 */
export function compareWithSklearn(exactCase, sk, oneThreadCase = undefined) {
  const modelperfComputeS = exactCase.timing_ms.compute / 1000;
  const modelperfWallS = exactCase.wall_ms.median / 1000;
  const comparison = {
    rows: exactCase.rows,
    threads: exactCase.threads ?? 1,
    sklearn: sk.sklearn,
    numpy: sk.numpy,
    sklearn_load_s: round(sk.load_s, 4),
    sklearn_roc_auc_s: { min: round(sk.roc_auc_s.min, 4), median: round(sk.roc_auc_s.median, 4), runs: sk.roc_auc_s.runs.map((x) => round(x, 4)) },
    sklearn_full_set_s: sk.full_set_s ? { min: round(sk.full_set_s.min, 4), median: round(sk.full_set_s.median, 4), runs: sk.full_set_s.runs.map((x) => round(x, 4)) } : null,
    modelperf_compute_s: round(modelperfComputeS, 4),
    modelperf_wall_s: round(modelperfWallS, 4),
    speedup_compute: round(sk.roc_auc_s.median / modelperfComputeS, 3),
    speedup_wall: round(sk.roc_auc_s.median / modelperfWallS, 3),
    speedup_full_set_compute: sk.full_set_s ? round(sk.full_set_s.median / modelperfComputeS, 3) : null,
    sklearn_roc_auc: sk.roc_auc,
    modelperf_roc_auc: exactCase.roc_auc ?? null,
    roc_auc_abs_diff: typeof exactCase.roc_auc === 'number' ? Math.abs(exactCase.roc_auc - sk.roc_auc) : null,
  };
  if (oneThreadCase !== undefined) {
    const oneThreadComputeS = oneThreadCase.timing_ms.compute / 1000;
    comparison.modelperf_compute_one_thread_s = round(oneThreadComputeS, 4);
    comparison.speedup_compute_one_thread = round(sk.roc_auc_s.median / oneThreadComputeS, 3);
  }
  comparison.targets = judgeSklearn(comparison);
  return comparison;
}

function round(x, digits) {
  return typeof x === 'number' ? Number(x.toFixed(digits)) : x;
}
