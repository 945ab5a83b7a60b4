/**
 * The modelperf error model: one base class with a stable `code`, and a subclass per kind of failure.
 * Apps map them to exit codes (CLI) or HTTP statuses (server); messages name what was expected, what arrived and the fix.
 */

/** Stable error codes; apps and tests rely on them. */
export type ModelperfErrorCode =
  | 'invalid_argument'
  | 'invalid_input'
  | 'missing_column'
  | 'column_type'
  | 'null_value'
  | 'length_mismatch'
  | 'empty_input'
  | 'io_error'
  | 'file_not_found'
  | 'corrupt_file'
  | 'unknown_format'
  | 'backend_unavailable'
  | 'internal';

/**
 * Base of every error modelperf throws on purpose.
 *
 * @example
 * ```ts
 * try { evaluateBinary(cols, opts); } catch (e) { if (isModelperfError(e)) console.error(e.code, e.message); }
 * ```
 */
export class ModelperfError extends Error {
  /** A stable machine-readable code. */
  readonly code: ModelperfErrorCode;

  /**
   * @param code - stable error code
   * @param message - one line naming what is wrong and how to fix it
   * @param options - `cause`: the underlying error, if any
   */
  constructor(code: ModelperfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad input values or arguments (NaN scores, unknown labels, bad option values). */
export class ValidationError extends ModelperfError {}

/** A missing or mistyped column. */
export class SchemaError extends ModelperfError {}

/** A file that cannot be read: missing, corrupt, truncated or of an unknown format. */
export class InputOutputError extends ModelperfError {}

/** A bug or an unexpected state inside modelperf. */
export class InternalError extends ModelperfError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('internal', message, options);
  }
}

const MODELPERF_ERROR_NAMES = new Set(['ModelperfError', 'ValidationError', 'SchemaError', 'InputOutputError', 'InternalError']);

/**
 * Tells whether a value is a modelperf error, by duck-typing (name and code) so that two copies of the package agree.
 * @param error - anything caught
 * @returns true when `error` carries a modelperf error code
 * @example
 * ```ts
 * import { evaluateBinary, isModelperfError } from '@modelperf/core';
 * try {
 *   await evaluateBinary({ label: [0, 1, 2], score: [0.1, 0.5, 0.9] });
 * } catch (e) {
 *   if (isModelperfError(e)) console.log(e.code); // invalid_input
 * }
 * ```
 */
export function isModelperfError(error: unknown): error is ModelperfError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && MODELPERF_ERROR_NAMES.has(error.name);
}

