import { ValidationError } from '../errors.js';
import type { CheckName } from './check-finding.js';

/** The limits the checks compare with; every one has a CLI flag (see the README). */
export interface CheckThresholds {
  /** `train_test_duplicates` is an error above this share of a split's rows found in train (any is a warning). */
  readonly overlapShare: number;
  /** `duplicate_rows` warns above this share of repeated rows within a split (any is info). */
  readonly duplicateShare: number;
  /** `target_leakage` errs when one feature alone reaches this AUC (either direction), R² or uncertainty coefficient. */
  readonly leakage: number;
  /** `target_leakage` warns when an identifier-like column has |AUC − 0.5| (or |r|) at least this. */
  readonly idCorrelation: number;
  /** Drift warns at a PSI of at least this. */
  readonly psi: number;
  /** Drift also warns when a numeric KS statistic is at least this and its p-value below `pValue`. */
  readonly ksStatistic: number;
  /** Significance level of the KS and chi-square tests. */
  readonly pValue: number;
  /** `missing_values` warns at this missing rate of a column in a split (any missing is info). */
  readonly missingRate: number;
  /** `missing_mismatch` warns when a column's missing rates of train and another split differ by this much. */
  readonly missingDiff: number;
  /** `new_categories` warns when this share of a split's rows has categories unseen in train (any is info). */
  readonly newCategoryShare: number;
  /** `class_imbalance` warns when the largest class is this many times the smallest. */
  readonly imbalanceRatio: number;
  /** `representativeness` warns when the domain classifier's ROC AUC reaches this. */
  readonly domainAuc: number;
}

/** Default thresholds. */
export const DEFAULT_CHECK_THRESHOLDS: CheckThresholds = {
  overlapShare: 0.01,
  duplicateShare: 0.01,
  leakage: 0.98,
  idCorrelation: 0.1,
  psi: 0.2,
  ksStatistic: 0.1,
  pValue: 0.01,
  missingRate: 0.5,
  missingDiff: 0.1,
  newCategoryShare: 0.01,
  imbalanceRatio: 10,
  domainAuc: 0.6,
};

/** What to check: the special columns, the features, thresholds and limits. */
export interface CheckSpec {
  /** Label column: conflicting labels, leakage, label drift, class imbalance. */
  readonly label?: string;
  /** Row id column: `id_overlap` and identifier leakage; not a feature. */
  readonly id?: string;
  /** Time column: `time_leakage`; not a feature. */
  readonly time?: string;
  /** Model score column: `prediction_drift`; not a feature. */
  readonly score?: string;
  /** Feature columns (default: every train column but label, id, time and score). */
  readonly features?: readonly string[];
  /** Overrides of {@link DEFAULT_CHECK_THRESHOLDS}. */
  readonly thresholds?: Partial<CheckThresholds>;
  /**
   * `train_test_duplicates` counts a row as shared only when train has it with the same label too (default false:
   * the feature values alone; the count with the same label is reported either way). Needs `label`.
   */
  readonly duplicatesWithLabel?: boolean;
  /** Checks to leave out. */
  readonly skip?: readonly CheckName[];
  /** Example row numbers per finding (default 5). */
  readonly maxExamples?: number;
  /** Distinct categories kept per column (default 10,000). */
  readonly maxCategories?: number;
  /** Quantile bins of the numeric PSI (default 10: train deciles). */
  readonly psiBins?: number;
  /** Seed of the representativeness sample and split (default 0). */
  readonly seed?: number;
  /** Rows sampled per split for the representativeness classifier (default 100,000). */
  readonly domainSampleRows?: number;
}

/**
 * The thresholds with defaults filled in, each checked to be a finite number in its range.
 * @param overrides - partial thresholds
 * @returns all thresholds
 * @throws ValidationError `invalid_argument` naming the bad threshold
 * @example
 * ```ts
 * import { resolveThresholds } from '@modelperf/core';
 * console.log(resolveThresholds({ psi: 0.1 }).psi, resolveThresholds().leakage); // 0.1 0.98
 * ```
 */
export function resolveThresholds(overrides: Partial<CheckThresholds> = {}): CheckThresholds {
  const t = { ...DEFAULT_CHECK_THRESHOLDS };
  for (const [key, value] of Object.entries(overrides) as Array<[keyof CheckThresholds, number | undefined]>) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_CHECK_THRESHOLDS)) throw new ValidationError('invalid_argument', `Unknown check threshold \`${key}\`.`);
    const max = key === 'imbalanceRatio' ? Infinity : key === 'psi' ? Infinity : 1;
    const min = key === 'imbalanceRatio' ? 1 : 0;
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max)) {
      throw new ValidationError('invalid_argument', `Threshold \`${key}\` must be a number in [${min}, ${max === Infinity ? '∞' : max}], not ${String(value)}.`);
    }
    (t as Record<string, number>)[key] = value;
  }
  return t;
}
