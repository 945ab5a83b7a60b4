import { ValidationError } from '../errors.js';

/**
 * Validates a confidence level.
 *
 * @param level - the nominal coverage
 * @returns nothing; throws when `level` is not strictly between 0 and 1
 * @throws ValidationError (`invalid_argument`) naming the argument and the value
 * @example
 * ```ts
 * checkLevel(0.95); // ok
 * ```
 */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new ValidationError('invalid_argument', `Expected \`level\` to be a number strictly between 0 and 1, but it is ${String(level)}.`);
  }
}
