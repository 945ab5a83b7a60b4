import { InputOutputError, InternalError, ModelperfError, SchemaError, ValidationError, type ModelperfErrorCode } from '../../errors.js';

const CLASSES = { ValidationError, SchemaError, InputOutputError, ModelperfError } as const;

/**
 * Rebuilds on this thread an error a worker thread met and sent as data: the same class, code and message.
 * @param error - name, code and message of the worker's error
 * @returns the error to throw
 */
export function rebuildError(error: { name: string; code?: ModelperfErrorCode; message: string }): Error {
  if (error.code !== undefined) {
    const Ctor = CLASSES[error.name as keyof typeof CLASSES] ?? ModelperfError;
    return new Ctor(error.code, error.message);
  }
  return new InternalError(`A worker thread failed: ${error.message}`);
}
