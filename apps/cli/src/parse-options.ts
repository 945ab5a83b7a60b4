import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a finite number option.
 * @param what - what the number is, for the message
 * @returns a parser that throws InvalidArgumentError on anything else
 */
export function parseNumber(what: string): (value: string) => number {
  return (value: string) => {
    const v = Number(value);
    if (value.trim() === '' || !Number.isFinite(v)) throw new InvalidArgumentError(`${what} must be a number, got "${value}".`);
    return v;
  };
}

/**
 * A commander parser for a positive integer count that also accepts scientific notation such as `1e6`.
 * @param what - what the count is, for the message
 * @param examples - example values named in the message
 * @returns a parser that throws InvalidArgumentError on anything else
 */
export function parseCount(what: string, examples = '1000 or 1e6'): (value: string) => number {
  return (value: string) => {
    const v = Number(value);
    if (!Number.isSafeInteger(v) || v <= 0) throw new InvalidArgumentError(`${what} must be a positive integer (e.g. ${examples}), got "${value}".`);
    return v;
  };
}

/**
 * Parses `--zero-division`: 0, 1 or nan.
 * @param value - the option text
 * @returns 0, 1 or 'nan'
 */
export function parseZeroDivision(value: string): 0 | 1 | 'nan' {
  if (value === '0') return 0;
  if (value === '1') return 1;
  if (value.toLowerCase() === 'nan') return 'nan';
  throw new InvalidArgumentError(`--zero-division must be 0, 1 or nan, got "${value}".`);
}

/**
 * Parses a comma-separated list of names (`a,b,c`), trimming blanks.
 * @param value - the option text
 * @returns the names
 */
export function parseList(value: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError(`expected a comma-separated list, got "${value}".`);
  return items;
}

/**
 * A commander parser for a comma-separated list of positive integers (`5,10`).
 * @param what - the option, for the message
 * @returns the parser
 */
export function parseCountList(what: string): (value: string) => number[] {
  const one = parseCount(what);
  return (value: string) => parseList(value).map(one);
}
