import type { LabelValue } from '../report/report.js';

/** Stream-wide ids of ranking query values, in order of first appearance. */
export interface QueryIdRegistry {
  /** Query values by id (grows as new values appear). */
  readonly queryValues: LabelValue[];
  /** The id of a query value, assigned on first sight. */
  queryId(value: LabelValue): number;
}

/**
 * A registry of query ids for the batches of one stream or state (batch-local codes differ between batches; states
 * merge queries by these ids).
 * @returns an empty registry
 * @example
 * ```ts
 * const ids = queryIdRegistry();
 * ids.queryId('q7'); ids.queryId('q2'); ids.queryId('q7'); // 0, 1, 0
 * ```
 */
export function queryIdRegistry(): QueryIdRegistry {
  const ids = new Map<LabelValue, number>();
  const queryValues: LabelValue[] = [];
  return {
    queryValues,
    queryId(value) {
      let id = ids.get(value);
      if (id === undefined) {
        id = queryValues.length;
        ids.set(value, id);
        queryValues.push(value);
      }
      return id;
    },
  };
}
