import { ValidationError } from '../errors.js';
import { binaryStateFromJSON } from './binary/create-binary-state.js';
import { BINARY_BINNED_KIND } from './binary/binary-binned-state.js';
import { BINARY_EXACT_KIND } from './binary/binary-exact-state.js';
import type { MetricState, StateJson } from './metric-state.js';
import { MulticlassState } from './multiclass/multiclass-state.js';
import { MultilabelState } from './multilabel/multilabel-state.js';
import { RankingState } from './ranking/ranking-state.js';
import { RegressionState } from './regression/regression-state.js';

const READERS: Record<string, (json: StateJson) => MetricState<unknown>> = {
  [BINARY_EXACT_KIND]: binaryStateFromJSON,
  [BINARY_BINNED_KIND]: binaryStateFromJSON,
  multiclass: (json) => MulticlassState.fromJSON(json),
  multilabel: (json) => MultilabelState.fromJSON(json),
  ranking: (json) => RankingState.fromJSON(json),
  regression: (json) => RegressionState.fromJSON(json),
};

/** The `kind`s of every serialisable state. */
export const STATE_KINDS: readonly string[] = Object.keys(READERS);

/**
 * Rebuilds any metric state from its serialised form (what `toJSON()` or `toTransferable()` wrote), by `kind`.
 * @param json - the parsed JSON
 * @returns the state, ready to `merge` or `compute`
 * @throws ValidationError `invalid_input` for an unknown kind, another version or malformed fields
 * @example
 * ```ts
 * import { RegressionState, stateFromJSON } from '@modelperf/core';
 * const state = new RegressionState().update({ yTrue: Float64Array.of(3, -0.5), yPred: Float64Array.of(2.5, 0) });
 * const text = JSON.stringify(state.toJSON());
 * console.log(stateFromJSON(JSON.parse(text)).compute().metrics.mae); // 0.5
 * ```
 */
export function stateFromJSON(json: StateJson): MetricState<unknown> {
  const read = typeof json?.kind === 'string' ? READERS[json.kind] : undefined;
  if (read === undefined) {
    throw new ValidationError('invalid_input', `Unknown serialised state kind "${String(json?.kind)}"; expected one of ${STATE_KINDS.join(', ')}.`);
  }
  return read(json);
}
