import { ValidationError } from '../../errors.js';
import type { StateJson } from '../metric-state.js';
import { BINARY_BINNED_KIND, BinaryBinnedState, type BinaryBinnedStateInit } from './binary-binned-state.js';
import { BINARY_EXACT_KIND, BinaryExactState } from './binary-exact-state.js';

/** Curve mode of a binary state: `exact` sorted runs or a `binned` histogram. */
export type BinaryStateMode = 'exact' | 'binned';

/** Either binary state. */
export type BinaryState = BinaryExactState | BinaryBinnedState;

/**
 * Creates the binary state of a curve mode.
 * @param mode - `exact` (sorted runs, every metric exact) or `binned` (O(bins) memory, approximate curve metrics)
 * @param init - labels, options, extra and, for `binned`, `bins` (ignored by `exact`)
 * @returns a new empty state
 * @throws ValidationError `invalid_argument` for an unknown mode or bad options
 * @example
 * ```ts
 * import { createBinaryState } from '@modelperf/core';
 * const labels = { positiveIndex: 1, positive: 1, negative: 0 };
 * const state = createBinaryState('binned', { labels, options: { threshold: 0.5 }, bins: 4096 });
 * state.update({ scores: Float64Array.of(0.1, 0.4, 0.35, 0.8), positive: Uint8Array.of(0, 0, 1, 1) });
 * console.log(state.compute().metrics.roc_auc); // 0.75
 * ```
 */
export function createBinaryState(mode: BinaryStateMode, init: BinaryBinnedStateInit): BinaryState {
  if (mode === 'exact') return new BinaryExactState(init);
  if (mode === 'binned') return new BinaryBinnedState(init);
  throw new ValidationError('invalid_argument', `mode must be "exact" or "binned", got ${String(mode)}.`);
}

/**
 * Rebuilds either binary state from its parsed JSON, by `kind`.
 * @param json - what `toJSON()` wrote, after JSON.parse
 * @returns the state
 * @throws ValidationError `invalid_input` for another kind, version or malformed fields
 * @example
 * ```ts
 * import { binaryStateFromJSON, createBinaryState } from '@modelperf/core';
 * const labels = { positiveIndex: 1, positive: 1, negative: 0 };
 * const a = createBinaryState('exact', { labels, options: {} }).update({ scores: Float64Array.of(0.1, 0.35), positive: Uint8Array.of(0, 1) });
 * const b = createBinaryState('exact', { labels, options: {} }).update({ scores: Float64Array.of(0.4, 0.8), positive: Uint8Array.of(0, 1) });
 * const restored = binaryStateFromJSON(JSON.parse(JSON.stringify(b.toJSON())));
 * console.log(restored.merge(a).compute().metrics.roc_auc); // 0.75
 * ```
 */
export function binaryStateFromJSON(json: StateJson): BinaryState {
  if (json?.kind === BINARY_EXACT_KIND) return BinaryExactState.fromJSON(json);
  if (json?.kind === BINARY_BINNED_KIND) return BinaryBinnedState.fromJSON(json);
  throw new ValidationError('invalid_input', `Expected a serialised "${BINARY_EXACT_KIND}" or "${BINARY_BINNED_KIND}" state, got "${String(json?.kind)}".`);
}
