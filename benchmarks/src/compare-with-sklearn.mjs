import { judgeSklearn } from './targets.mjs';

/**
 * One scikit-learn comparison: sklearn's `roc_auc_score` alone against modelperf's full exact report of the same
 * rows, on modelperf's compute time and on its CLI wall time (medians).
 *
 * @param {object} exactCase - the exact whole-file case of this size on the js backend, from the same run
 * @param {object} sk - the scikit-learn script's output
 * @returns {object} the comparison recorded under `sklearn.cases`, with its verdicts (`judgeSklearn`)
 * @example
 * const comparison = compareWithSklearn(jsExactCase, await runSklearnScript({ python, prefix, runs: 3, fullRuns: 1 }));
 * comparison.speedup_compute; // sklearn's median roc_auc_score seconds / modelperf's median compute seconds
 */
export function compareWithSklearn(exactCase, sk) {
  const modelperfComputeS = exactCase.timing_ms.compute / 1000;
  const modelperfWallS = exactCase.wall_ms.median / 1000;
  const comparison = {
    rows: exactCase.rows,
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
  comparison.targets = judgeSklearn(comparison);
  return comparison;
}

function round(x, digits) {
  return typeof x === 'number' ? Number(x.toFixed(digits)) : x;
}
