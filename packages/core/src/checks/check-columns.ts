import { SchemaError, ValidationError } from '../errors.js';
import type { CheckSpec } from './check-options.js';

/** The columns a check run uses, resolved against the train schema. */
export interface CheckColumns {
  readonly features: readonly string[];
  readonly label?: string;
  readonly id?: string;
  readonly time?: string;
  readonly score?: string;
}

/**
 * Resolves the columns of a check run: the named label, id, time and score columns must be in train; the features
 * default to every other train column.
 *
 * @param trainColumns - the train split's column names, in order
 * @param spec - the check spec
 * @returns the columns
 * @throws SchemaError `missing_column` naming the column and the available ones; ValidationError
 * `invalid_argument` when a column has two roles or there are no features
 * @example
 * ```ts
 * import { resolveCheckColumns } from '@modelperf/core';
 * console.log(resolveCheckColumns(['id', 'x', 'city', 'y'], { label: 'y', id: 'id' }).features.join(',')); // x,city
 * ```
 */
export function resolveCheckColumns(trainColumns: readonly string[], spec: CheckSpec): CheckColumns {
  const roles: Array<[string, string | undefined]> = [['--label', spec.label], ['--id', spec.id], ['--time', spec.time], ['--score', spec.score]];
  const have = new Set(trainColumns);
  const missing = (name: string, role: string): SchemaError =>
    new SchemaError('missing_column', `Column \`${name}\` (${role}) not found in train; available columns: ${trainColumns.join(', ') || '(none)'}.`);
  const special = new Map<string, string>();
  for (const [role, name] of roles) {
    if (name === undefined) continue;
    if (!have.has(name)) throw missing(name, role);
    const previous = special.get(name);
    if (previous !== undefined) throw new ValidationError('invalid_argument', `Column \`${name}\` is given as both ${previous} and ${role}; give each role its own column.`);
    special.set(name, role);
  }
  let features: string[];
  if (spec.features !== undefined) {
    features = [...spec.features];
    for (const name of features) {
      if (!have.has(name)) throw missing(name, '--features');
      const role = special.get(name);
      if (role !== undefined) throw new ValidationError('invalid_argument', `Column \`${name}\` is both a feature and the ${role} column; leave it out of --features.`);
    }
    if (new Set(features).size !== features.length) throw new ValidationError('invalid_argument', '--features lists a column twice.');
  } else {
    features = trainColumns.filter((name) => !special.has(name));
  }
  if (features.length === 0) throw new ValidationError('invalid_argument', 'No feature columns to check: train has only the label, id, time and score columns.');
  return { features, label: spec.label, id: spec.id, time: spec.time, score: spec.score };
}
