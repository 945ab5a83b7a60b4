import type { LabelValue } from '../report/report.js';
import { RankingState } from '../states/ranking/ranking-state.js';
import { decodeTypedArray, encodeTypedArray } from '../states/state-buffers.js';

/**
 * A ranking state's rows with its query ids turned into another id space (the same query value gets the same id), so
 * that states built apart can be merged: a query split across them stays one query.
 * @param state - the state (unchanged)
 * @param values - the query value of each of its ids
 * @param idOf - the target id of a query value (assigns new ids as needed)
 * @returns a new state over the same rows, with target ids
 */
export function remapQueryIds(state: RankingState, values: readonly LabelValue[], idOf: (value: LabelValue) => number): RankingState {
  const json = state.toJSON();
  const ids = values.map(idOf);
  const remapped = Int32Array.from(decodeTypedArray(json.query), (code) => ids[code]);
  return RankingState.fromJSON({ ...json, query: encodeTypedArray(remapped), queryValues: null });
}
