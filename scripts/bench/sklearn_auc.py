#!/usr/bin/python3
"""scikit-learn side of the modelperf benchmark (run by benchmarks/src/sklearn.mjs).

Loads the labels and scores the benchmark runner wrote next to its Arrow file as raw little-endian arrays
(<prefix>.label.i8: int8 0/1, <prefix>.score.f64: float64), so that no pyarrow is needed, then times

  * roc_auc     sklearn.metrics.roc_auc_score alone, `--runs` times (after one untimed call on 1,000 rows, which
                pays the lazy imports);
  * full_set    the binary report modelperf computes by default, as scikit-learn calls: roc_auc_score,
                average_precision_score, log_loss, brier_score_loss, the thresholded predictions (score >= 0.5)
                and accuracy, balanced accuracy, precision, recall, F1, MCC, Cohen's kappa, the confusion matrix and
                a 10-bin calibration curve, `--full-runs` times.

Loading the arrays is timed apart (load_s) and is in neither figure. Prints one JSON object on stdout.

Usage: /usr/bin/python3 scripts/bench/sklearn_auc.py <prefix> [--runs N] [--full-runs M]
"""
import argparse
import json
import os
import platform
import sys
import time


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("prefix", help="path of the Arrow file; reads <prefix>.label.i8 and <prefix>.score.f64")
    parser.add_argument("--runs", type=int, default=3, help="timed roc_auc_score calls (default 3)")
    parser.add_argument("--full-runs", type=int, default=1, help="timed full-set runs (default 1; 0 skips)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.full_runs < 0:
        parser.error("--runs must be at least 1 and --full-runs at least 0")

    import numpy as np
    import sklearn
    from sklearn import metrics
    from sklearn.calibration import calibration_curve

    label_path, score_path = args.prefix + ".label.i8", args.prefix + ".score.f64"
    started = time.perf_counter()
    y = np.fromfile(label_path, dtype="<i1")
    s = np.fromfile(score_path, dtype="<f8")
    load_s = time.perf_counter() - started
    if y.size != s.size or y.size == 0:
        raise SystemExit(f"{label_path} and {score_path}: {y.size} labels, {s.size} scores")

    metrics.roc_auc_score(y[:1000], s[:1000])  # untimed: lazy imports, first-call costs

    auc_runs, auc = [], None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        auc = metrics.roc_auc_score(y, s)
        auc_runs.append(time.perf_counter() - t0)

    full_runs, full = [], None
    for _ in range(args.full_runs):
        t0 = time.perf_counter()
        full = full_set(np, metrics, calibration_curve, y, s)
        full_runs.append(time.perf_counter() - t0)

    out = {
        "rows": int(y.size),
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "threads_env": {k: os.environ[k] for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS") if k in os.environ},
        "load_s": load_s,
        "roc_auc": float(auc),
        "roc_auc_s": summary(auc_runs),
        "full_set_s": summary(full_runs) if full_runs else None,
        "full_set": full,
    }
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


def full_set(np, metrics, calibration_curve, y, s):
    pred = (s >= 0.5).astype(np.int8)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    prob_true, prob_pred = calibration_curve(y, s, n_bins=10)
    return {
        "roc_auc": float(metrics.roc_auc_score(y, s)),
        "average_precision": float(metrics.average_precision_score(y, s)),
        "log_loss": float(metrics.log_loss(y, s)),
        "brier_score_loss": float(metrics.brier_score_loss(y, s)),
        "accuracy": float(metrics.accuracy_score(y, pred)),
        "balanced_accuracy": float(metrics.balanced_accuracy_score(y, pred)),
        "precision": float(metrics.precision_score(y, pred, zero_division=0)),
        "recall": float(metrics.recall_score(y, pred, zero_division=0)),
        "f1": float(metrics.f1_score(y, pred, zero_division=0)),
        "matthews_corrcoef": float(metrics.matthews_corrcoef(y, pred)),
        "cohen_kappa": float(metrics.cohen_kappa_score(y, pred)),
        "confusion_matrix": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
        "calibration_bins": int(len(prob_true)),
    }


def summary(runs):
    ordered = sorted(runs)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return {"min": ordered[0], "median": median, "runs": runs}


if __name__ == "__main__":
    main(sys.argv[1:])
