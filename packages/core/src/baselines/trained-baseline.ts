import type { Table } from 'apache-arrow';
import type { LoadedTfjs } from '../kernels/tfjs/load-tfjs.js';
import type { LabelValue } from '../report/report.js';
import type { ReportWarning } from '../report/report-warning.js';
import type { BaselineModelInfo } from './baseline-report.js';
import { fitRidge, predictLinear, type LinearModel } from './linear-regression.js';
import { fitLogisticRegression, predictLogistic, type LogisticModel } from './logistic-regression.js';
import { fitPreprocessor, type Preprocessor } from './preprocessor.js';
import type { ModelPredictions } from './dummy-columns.js';

/** A preprocessor and a model fitted on it, ready to predict any split. */
export interface TrainedBaseline {
  readonly preprocessor: Preprocessor;
  readonly model: LogisticModel | LinearModel;
  readonly info: BaselineModelInfo;
  /** Predictions on a split (transform warnings go to `warnings`). */
  predict(split: Table, warnings: ReportWarning[]): ModelPredictions;
}

/** What {@link fitTrainedBaseline} fits. */
export interface TrainedBaselineOptions {
  kind: 'logistic' | 'linear';
  features: string[];
  maxCategories?: number;
  l2?: number;
  maxIter?: number;
  /** Classification: class codes of the training rows, K and the class values (for coefficient names). */
  codes?: Int32Array;
  classes?: LabelValue[];
  /** Regression: training targets. */
  targets?: Float64Array;
  /** The tfjs runtime for logistic regression (Newton/L-BFGS) and ridge (CG) on tfjs; js float64 when undefined. */
  tfjs?: LoadedTfjs;
}

/**
 * Fits the preprocessing and then logistic regression (classification) or ridge (regression) on the training split.
 * @param train - the training split
 * @param options - model kind, features, penalty and labels
 * @param warnings - receives preprocessing and convergence warnings
 * @returns the trained baseline
 * @example
 * ```ts
 * const t = fitTrainedBaseline(train, { kind: 'logistic', features, codes, classes: [0, 1] }, warnings);
 * const preds = t.predict(test, warnings);
 * ```
 */
export function fitTrainedBaseline(train: Table, options: TrainedBaselineOptions, warnings: ReportWarning[]): TrainedBaseline {
  const started = performance.now();
  const preprocessor = fitPreprocessor(train, { features: options.features, maxCategories: options.maxCategories });
  warnings.push(...preprocessor.warnings);
  const x = preprocessor.transform(train);
  const names = preprocessor.featureNames;
  const named = (values: Float64Array, from = 0): Record<string, number> =>
    Object.fromEntries(names.map((n, j) => [n, values[from + j]]));
  let model: LogisticModel | LinearModel;
  let info: BaselineModelInfo;
  if (options.kind === 'logistic') {
    const classes = options.classes ?? [];
    const k = classes.length;
    const logistic = fitLogisticRegression(x, options.codes as Int32Array, {
      classes: k, l2: options.l2, maxIter: options.maxIter, backend: options.tfjs ? 'tfjs' : 'js', tfjs: options.tfjs,
    });
    model = logistic;
    const multi = k > 2;
    info = {
      model: 'logistic', kind: 'logistic', l2: logistic.l2, converged: logistic.converged, status: logistic.status,
      iterations: logistic.iterations, solver: logistic.solver, backend: logistic.backend, device: options.tfjs?.device ?? 'cpu',
      coef: multi ? Object.fromEntries(classes.map((c, r) => [String(c), named(logistic.coef, r * names.length)])) : named(logistic.coef),
      intercept: multi ? Object.fromEntries(classes.map((c, r) => [String(c), logistic.intercept[r]])) : logistic.intercept[0],
    };
    warnings.push(...logistic.warnings);
  } else {
    const linear = fitRidge(x, options.targets as Float64Array, { l2: options.l2, backend: options.tfjs ? 'tfjs' : 'js', tfjs: options.tfjs });
    model = linear;
    info = {
      model: 'linear', kind: 'linear', l2: linear.l2, converged: linear.converged, status: linear.converged ? 'converged' : 'max_iter',
      iterations: linear.iterations, solver: linear.solver, backend: linear.backend, device: options.tfjs?.device ?? 'cpu', coef: named(linear.coef), intercept: linear.intercept,
    };
    warnings.push(...linear.warnings);
  }
  info.fit_ms = Math.round((performance.now() - started) * 10) / 10;
  return {
    preprocessor,
    model,
    info,
    predict(split, splitWarnings) {
      const xs = split === train ? x : preprocessor.transform(split);
      splitWarnings.push(...(xs.warnings ?? []));
      if (model.kind === 'linear') return { model: 'linear', width: 1, values: predictLinear(model, xs) };
      return { model: 'logistic', width: model.classes, values: predictLogistic(model, xs) };
    },
  };
}
