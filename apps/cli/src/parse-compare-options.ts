import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a repeatable, comma-separated list option (`--baseline a --baseline b,c`).
 * @param value - this occurrence's text
 * @param previous - the names collected so far
 * @returns all names so far
 */
export function collectList(value: string, previous: string[] | undefined): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError(`expected a column name, got "${value}".`);
  return [...(previous ?? []), ...items];
}

/**
 * A commander parser for a repeatable option whose each occurrence is one comma-separated set (`--baseline-set a0,a1,a2`).
 * @param value - this occurrence's text
 * @param previous - the sets collected so far
 * @returns all sets so far
 */
export function collectSet(value: string, previous: string[][] | undefined): string[][] {
  return [...(previous ?? []), collectList(value, [])];
}

/**
 * A commander parser for a repeatable option kept whole (a `--require` gate may hold commas in a baseline name).
 * @param value - this occurrence's text
 * @param previous - the values collected so far
 * @returns all values so far
 */
export function collectGate(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * A commander parser for a whole number >= 0 (e.g. `--bootstrap 0` to skip the bootstrap).
 * @param what - the option, for the message
 * @returns the parser
 */
export function parseWholeNumber(what: string): (value: string) => number {
  return (value: string) => {
    const v = Number(value);
    if (value.trim() === '' || !Number.isSafeInteger(v) || v < 0) throw new InvalidArgumentError(`${what} must be a whole number >= 0, got "${value}".`);
    return v;
  };
}
