import { ValidationError } from '../errors.js';

/**
 * Checks an integer option of a data generator and returns it.
 *
 * @param name - the option's name, for the message
 * @param value - what the caller passed
 * @param min - smallest allowed value
 * @param max - largest allowed value
 * @returns `value`, known to be an integer in [min, max]
 * @throws ValidationError (code `invalid_argument`) otherwise
 * @example
 * ```ts
 * const rows = checkIntegerOption('rows', options.rows, 1, 2147483647);
 * ```
 */
export function checkIntegerOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(name, `an integer between ${min} and ${max}`, value);
  }
  return value;
}

/**
 * Checks the `rows` and `seed` options shared by every generator: `rows` in [minRows, 2^31 - 1], `seed` in
 * [0, 2^32 - 1] (default 42).
 *
 * @param rows - the `rows` option
 * @param seed - the `seed` option, or undefined for 42
 * @param minRows - the fewest rows this generator can make (default 1)
 * @returns the checked `rows` and `seed`
 * @throws ValidationError (code `invalid_argument`) when either is out of range
 * @example
 * ```ts
 * const { rows, seed } = checkRowsAndSeed(options.rows, options.seed);
 * ```
 */
export function checkRowsAndSeed(rows: unknown, seed: unknown, minRows = 1): { rows: number; seed: number } {
  return {
    rows: checkIntegerOption('rows', rows, minRows, 2147483647),
    seed: checkIntegerOption('seed', seed ?? 42, 0, 4294967295),
  };
}

/**
 * The error of a generator option out of range, in the house format.
 *
 * @param name - the option
 * @param expected - what was expected, e.g. `an integer between 2 and 64`
 * @param value - what arrived
 * @returns a ValidationError with code `invalid_argument`
 * @example
 * ```ts
 * throw invalidOption('classes', 'an integer between 2 and 64', 1);
 * ```
 */
export function invalidOption(name: string, expected: string, value: unknown): ValidationError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new ValidationError('invalid_argument', `Expected \`${name}\` to be ${expected}, but it is ${shown}.`);
}
