import type { Table } from 'apache-arrow';
import { sliceRows } from '../evaluate/slice-rows.js';
import type { ReportWarning } from '../report/report-warning.js';
import {
  classCounts, DUMMY_CLASSIFIER_STRATEGIES, DUMMY_REGRESSOR_STRATEGIES, dummyClassifierProbabilities, dummyRegressorValue,
} from './dummy-baselines.js';

/** The predictions of one model on one split: `width` values per row (1, or K class probabilities). */
export interface ModelPredictions {
  readonly model: string;
  readonly width: number;
  readonly values: Float64Array;
}

/** What the dummies are fitted on: the training labels (codes) or targets, and the training slices. */
export interface DummyTraining {
  /** Classification: class codes and K. */
  readonly codes?: Int32Array;
  readonly classes?: number;
  /** Regression: targets. */
  readonly targets?: Float64Array;
  /** Regression: q of the quantile dummy. */
  readonly quantile: number;
  readonly seed: number;
  /** With `by`: training row positions of each slice, keyed by the JSON of its values. */
  readonly slices?: Map<string, Uint32Array>;
  readonly by?: string[];
}

/**
 * Training row positions of every slice of the `by` columns, keyed by the JSON of the slice values.
 * @param train - the training split
 * @param by - slicing columns
 * @returns the map
 * @example
 * ```ts
 * trainingSlices(train, ['region']).get('["eu"]'); // Uint32Array of rows
 * ```
 */
export function trainingSlices(train: Table, by: string[]): Map<string, Uint32Array> {
  return new Map(sliceRows(train, by).map((s) => [JSON.stringify(s.values), s.indices]));
}

/**
 * Predictions of every dummy baseline on a split: prior, most_frequent, stratified, uniform (classification) or
 * mean, median, quantile (regression), from training statistics alone; with `by`, also `<strategy>_per_slice`
 * fitted on the training rows of each slice (a slice absent from training falls back to the whole training split,
 * with a warning).
 *
 * @param training - training labels or targets, and slices
 * @param split - the split to predict
 * @param warnings - receives `slice_not_in_training`
 * @returns one entry per model
 * @example
 * ```ts
 * const preds = dummyPredictions({ codes, classes: 2, quantile: 0.9, seed: 0 }, test, []);
 * ```
 */
export function dummyPredictions(training: DummyTraining, split: Table, warnings: ReportWarning[]): ModelPredictions[] {
  const rows = split.numRows;
  const out: ModelPredictions[] = [];
  const evalSlices = training.by !== undefined && training.slices !== undefined ? sliceRows(split, training.by) : undefined;
  const missingSlices: string[] = [];
  const sliceTraining = (values: unknown[]): Uint32Array | undefined => {
    const found = training.slices?.get(JSON.stringify(values));
    if (found === undefined) missingSlices.push(JSON.stringify(values.length === 1 ? values[0] : values));
    return found;
  };
  if (training.codes !== undefined && training.classes !== undefined) {
    const k = training.classes;
    const counts = classCounts(training.codes, k);
    for (const strategy of DUMMY_CLASSIFIER_STRATEGIES) {
      out.push({ model: strategy, width: k, values: dummyClassifierProbabilities(counts, strategy, rows, training.seed) });
    }
    if (evalSlices !== undefined) {
      for (const strategy of DUMMY_CLASSIFIER_STRATEGIES.filter((s) => s !== 'uniform')) {
        const values = new Float64Array(rows * k);
        evalSlices.forEach((slice, s) => {
          const trainRows = strategy === 'prior' ? sliceTraining(slice.values) : training.slices?.get(JSON.stringify(slice.values));
          const sliceCounts = trainRows !== undefined ? classCounts(training.codes as Int32Array, k, trainRows) : counts;
          const proba = dummyClassifierProbabilities(sliceCounts, strategy, slice.indices.length, training.seed + s + 1);
          slice.indices.forEach((row, i) => values.set(proba.subarray(i * k, (i + 1) * k), row * k));
        });
        out.push({ model: `${strategy}_per_slice`, width: k, values });
      }
    }
  } else if (training.targets !== undefined) {
    const targets = training.targets;
    for (const strategy of DUMMY_REGRESSOR_STRATEGIES) {
      out.push({ model: strategy, width: 1, values: new Float64Array(rows).fill(dummyRegressorValue(targets, strategy, training.quantile)) });
    }
    if (evalSlices !== undefined) {
      for (const strategy of DUMMY_REGRESSOR_STRATEGIES) {
        const values = new Float64Array(rows);
        for (const slice of evalSlices) {
          const trainRows = strategy === 'mean' ? sliceTraining(slice.values) : training.slices?.get(JSON.stringify(slice.values));
          const subset = trainRows !== undefined ? Float64Array.from(trainRows, (r) => targets[r]) : targets;
          const constant = dummyRegressorValue(subset, strategy, training.quantile);
          for (const row of slice.indices) values[row] = constant;
        }
        out.push({ model: `${strategy}_per_slice`, width: 1, values });
      }
    }
  }
  if (missingSlices.length > 0) {
    warnings.push({
      code: 'slice_not_in_training',
      message: `${missingSlices.length} slice(s) have no training rows, so their per-slice dummies use the whole training split: ${missingSlices.slice(0, 10).join(', ')}${missingSlices.length > 10 ? ', ...' : ''}.`,
    });
  }
  return out;
}
