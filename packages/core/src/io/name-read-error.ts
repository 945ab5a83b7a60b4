import { InputOutputError, isModelperfError, SchemaError, ValidationError } from '../errors.js';

/**
 * Puts the file's path in front of a reading error that does not name it yet ("x.arrow: The Arrow IPC stream ends
 * inside ..."), so that a command reading several files (`check --train --val --test`) says which one is bad.
 * Errors that are not modelperf errors pass through unchanged (the callers map those by their Node code).
 * @param error - what reading threw
 * @param path - the file read (`-` for standard input: left as it is)
 * @returns the error to throw
 * @example
 * ```ts
 * try { await readTableFile('x.arrow'); } catch (e) { throw nameReadError(e, 'x.arrow'); }
 * ```
 */
export function nameReadError(error: unknown, path: string): unknown {
  if (path === '-' || !isModelperfError(error) || error.message.includes(path)) return error;
  const Ctor = error instanceof SchemaError ? SchemaError : error instanceof ValidationError ? ValidationError : InputOutputError;
  return new Ctor(error.code, `${path}: ${error.message}`, { cause: error });
}
