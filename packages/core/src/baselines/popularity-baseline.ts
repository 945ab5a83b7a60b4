import type { ArrowColumn } from '../columns/arrow-column.js';
import { toLabelCodes } from '../columns/to-label-codes.js';
import { ValidationError } from '../errors.js';

/** Item popularity fitted on a training split: the summed relevance of each item. */
export interface ItemPopularity {
  /** Summed training relevance per item, keyed by `typeof:value`. */
  readonly scores: Map<string, number>;
  /** Distinct training items. */
  readonly items: number;
}

/**
 * Fits the popularity ranking baseline: each item's score is the sum of its training relevance grades, so the most
 * often relevant items rank first in every query (the classic non-personalised recommender baseline).
 *
 * @param items - the training item-id column (numbers or strings)
 * @param relevance - training relevance per row (NaN rows are skipped)
 * @param name - the item column's name, for messages
 * @returns the popularity table
 * @throws ValidationError when the lengths differ
 * @example
 * ```ts
 * import { fitItemPopularity } from '@modelperf/core';
 * import { vectorFromArray } from 'apache-arrow';
 * const pop = fitItemPopularity(vectorFromArray(['a', 'b', 'a', 'c']), Float64Array.of(1, 0, 2, 1), 'item');
 * console.log(pop.items, pop.scores.get('string:a')); // 3 3
 * ```
 */
export function fitItemPopularity(items: ArrowColumn, relevance: ArrayLike<number>, name: string): ItemPopularity {
  if (items.length !== relevance.length) throw new ValidationError('length_mismatch', `Column \`${name}\` has ${items.length} rows but the relevance has ${relevance.length}.`);
  const { codes, classes } = toLabelCodes(items, name);
  const sums = new Float64Array(classes.length);
  for (let i = 0; i < codes.length; i++) {
    const r = relevance[i];
    if (codes[i] >= 0 && r === r) sums[codes[i]] += r;
  }
  const scores = new Map<string, number>();
  classes.forEach((v, k) => scores.set(`${typeof v}:${String(v)}`, sums[k]));
  return { scores, items: classes.length };
}

/**
 * Scores rows with a fitted popularity: the item's summed training relevance, 0 for items unseen in training.
 * @param popularity - from {@link fitItemPopularity}
 * @param items - the item-id column of the split to score
 * @param name - the column's name, for messages
 * @returns one score per row and the number of rows whose item was unseen
 * @example
 * ```ts
 * import { fitItemPopularity, popularityScores } from '@modelperf/core';
 * import { vectorFromArray } from 'apache-arrow';
 * const pop = fitItemPopularity(vectorFromArray(['a', 'b', 'a', 'c']), Float64Array.of(1, 0, 2, 1), 'item');
 * const { scores, unseen } = popularityScores(pop, vectorFromArray(['c', 'a', 'z']), 'item');
 * console.log(Array.from(scores), unseen); // [ 1, 3, 0 ] 1
 * ```
 */
export function popularityScores(popularity: ItemPopularity, items: ArrowColumn, name: string): { scores: Float64Array; unseen: number } {
  const { codes, classes } = toLabelCodes(items, name);
  const byCode = Float64Array.from(classes, (v) => popularity.scores.get(`${typeof v}:${String(v)}`) ?? Number.NaN);
  const scores = new Float64Array(codes.length);
  let unseen = 0;
  for (let i = 0; i < codes.length; i++) {
    const s = codes[i] >= 0 ? byCode[codes[i]] : Number.NaN;
    if (s !== s) unseen++;
    scores[i] = s === s ? s : 0;
  }
  return { scores, unseen };
}
