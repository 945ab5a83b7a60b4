import type { LabelValue } from '../report/report.js';

/** How one numeric input column is encoded (JSON-able, for the report). */
export interface NumericFeatureEncoding {
  readonly column: string;
  readonly kind: 'numeric';
  /** Training mean of the non-missing values: the imputed value and the centre. */
  readonly mean: number;
  /** Training population standard deviation (ddof 0) of the mean-imputed column: the divisor. */
  readonly scale: number;
  /** Whether a `<column>__missing` indicator column is emitted (the training split had missing values). */
  readonly indicator: boolean;
  /** The indicator's standardisation: the training share f of missing rows and sqrt(f(1 - f)). */
  readonly indicatorMean: number;
  readonly indicatorScale: number;
  /** Training rows with a missing (null or NaN) value. */
  readonly missingRows: number;
  /** Why the value column is left out: constant or all missing in training (its indicator may remain). */
  readonly dropped?: 'constant' | 'all_missing';
}

/** How one categorical input column is one-hot encoded (JSON-able, for the report). */
export interface CategoricalFeatureEncoding {
  readonly column: string;
  readonly kind: 'categorical';
  /** The categories with their own 0/1 column, in column order; null is the missing-value category. */
  readonly categories: Array<LabelValue | null>;
  /** Whether an `(other)` column collects the training categories beyond the cap, and unknown ones at transform. */
  readonly other: boolean;
  /** Distinct training categories (missing counted as one) before the cap. */
  readonly distinct: number;
  /** Why the column is left out: a single category in training. */
  readonly dropped?: 'constant';
}

/** The encoding of one input column. */
export type FeatureEncoding = NumericFeatureEncoding | CategoricalFeatureEncoding;
