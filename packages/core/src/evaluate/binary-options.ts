import { ValidationError } from '../errors.js';
import type { BackendChoice } from '../kernels/select-kernels.js';
import type { ZeroDivision } from '../metrics/binary/threshold-metrics.js';
import type { LabelValue } from '../report/report.js';
import type { NanPolicy } from './prepare-binary-rows.js';

/** Options of a binary evaluation. */
export interface BinaryEvaluationOptions {
  /** The positive class (default: 1, true, or the greatest label). */
  posLabel?: LabelValue;
  /** Predicted positive iff score >= threshold (default 0.5). */
  threshold?: number;
  /** Beta of the F-beta score (default 1). */
  beta?: number;
  /** Include ROC and PR curves in the report (default false). */
  curves?: boolean;
  /** Null/NaN handling in used columns (default `error`). */
  nan?: NanPolicy;
  /** What a 0/0 in precision/recall/F becomes (default 0, with a warning). */
  zeroDivision?: ZeroDivision;
  /** Kernel backend (default `auto`). */
  backend?: BackendChoice;
}

/** Options with every default filled in. */
export type ResolvedBinaryOptions = Required<Omit<BinaryEvaluationOptions, 'posLabel'>> & { posLabel?: LabelValue };

/**
 * Checks option values and fills in defaults.
 * @param options - user options
 * @returns the options with defaults
 * @throws ValidationError `invalid_argument` for a non-finite threshold, a negative or non-numeric beta, or an
 * unknown enum value
 * @example
 * ```ts
 * resolveBinaryOptions({ threshold: 0.3 }).beta; // 1
 * ```
 */
export function resolveBinaryOptions(options: BinaryEvaluationOptions = {}): ResolvedBinaryOptions {
  const threshold = options.threshold ?? 0.5;
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new ValidationError('invalid_argument', `threshold must be a number, got ${String(threshold)}.`);
  }
  const beta = options.beta ?? 1;
  if (typeof beta !== 'number' || !(beta >= 0)) {
    throw new ValidationError('invalid_argument', `beta must be a number >= 0, got ${String(beta)}.`);
  }
  const nan = options.nan ?? 'error';
  if (nan !== 'error' && nan !== 'drop') {
    throw new ValidationError('invalid_argument', `nan must be "error" or "drop", got ${String(nan)}.`);
  }
  const zeroDivision = options.zeroDivision ?? 0;
  if (zeroDivision !== 0 && zeroDivision !== 1 && zeroDivision !== 'nan') {
    throw new ValidationError('invalid_argument', `zeroDivision must be 0, 1 or "nan", got ${String(zeroDivision)}.`);
  }
  const backend = options.backend ?? 'auto';
  if (backend !== 'auto' && backend !== 'js' && backend !== 'tfjs') {
    throw new ValidationError('invalid_argument', `backend must be auto, js or tfjs, got ${String(backend)}.`);
  }
  return { threshold, beta, nan, zeroDivision, backend, curves: options.curves ?? false, posLabel: options.posLabel };
}
