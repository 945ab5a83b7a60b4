import type { Float64, Int8, Int32, Table } from 'apache-arrow';
import { checkIntegerOption, checkRowsAndSeed } from './generator-options.js';
import { generatedTable, type SegmentType } from './generated-table.js';
import { portableExp } from './portable-exp.js';
import { segmentCuts, segmentNames, segmentQualities } from './segment-cuts.js';
import { createSeededRandom, openUniform } from './seeded-random.js';

/** Options of {@link rankingPredictionsTable}. */
export interface RankingPredictionsOptions {
  /** Number of rows (documents), an integer in [2, 2^31 - 1]. */
  rows: number;
  /** Seed, an integer in [0, 2^32 - 1]. Default 42. Same seed and options give identical bytes on every platform. */
  seed?: number;
  /** Mean number of documents per query, an integer in [2, 10000]. Default 20. */
  docsPerQuery?: number;
}

/** Columns of {@link rankingPredictionsTable}. */
export type RankingPredictionsSchema = {
  query: Int32;
  relevance: Int8;
  score: Float64;
  segment: SegmentType;
};

const twoTo32 = 4294967296;
const twoToMinus32 = 2 ** -32;
/** Share of queries without any relevant document. */
const emptyQueryShare = 0.05;
/** Logit gain of one relevance grade in a segment of quality 1. */
const gradeStep = 2;
const roundedShare = 0.3;

/**
 * Generates seeded output of a ranking model as an Arrow table: `query` (Int32, contiguous groups), `relevance` (Int8,
 * graded 0..3, mostly 0), `score` (Float64 in [0, 1], correlated with relevance, with ties) and `segment` (as in
 * {@link binaryPredictionsTable}, one per query).
 *
 * @remarks
 * Query sizes are right-skewed between `lo = max(2, round(d / 4))` and `2d` with mean about `d = docsPerQuery`
 * (5..40 by default): `lo + floor((2d - lo + 1) * u1 * (a + (1 - a) u2))` with `a` solved for the mean. The last query
 * absorbs a remainder under `lo`, so every query has at least 2 documents. Each query draws its segment, a density
 * `r` (0 for 5% of queries, else uniform in [0.05, 0.35]) and a score offset `o` uniform in [-1, 1] (scores are
 * comparable within a query only). A document is relevant with probability `r`, with grade 1, 2, 3 with probabilities
 * 0.6, 0.3, 0.1; counting the queries whose draws all miss, about 15% of queries have no relevant document. A document's
 * score is `sigmoid(o - 2 + 2 * quality * grade + L)`, L standard logistic, computed as `u / (u + k (1 - u))` with
 * `k = e^-(mean logit)` from {@link portableExp} once per query and grade: only `+ - * /`, `Math.round` and
 * `Math.floor` run per document, bit-identical on every platform.
 * 30% of the scores are rounded to 2 decimals, which makes ties inside queries. NDCG@10 is about 0.69.
 * Fast: no per-row objects, 14 bytes a row.
 *
 * @param options - `rows` (required, at least 2), `seed` (default 42), `docsPerQuery` (default 20)
 * @returns an Arrow table of `rows` rows in one record batch, non-nullable columns, sorted by `query`
 * @throws ValidationError when an option is out of range (code `invalid_argument`)
 * @example
 * ```ts
 * import { rankingPredictionsTable } from '@modelperf/core';
 * const table = rankingPredictionsTable({ rows: 1000, seed: 7 });
 * console.log(table.numRows, table.schema.fields.map((f) => f.name).join(',')); // 1000 ...
 * ```
 * @see `sklearn.metrics.ndcg_score` for the metric these rows feed.
 */
export function rankingPredictionsTable(options: RankingPredictionsOptions): Table<RankingPredictionsSchema> {
  const { rows, seed } = checkRowsAndSeed(options.rows, options.seed, 2);
  const docsPerQuery = checkIntegerOption('docsPerQuery', options.docsPerQuery ?? 20, 2, 10000);

  const lo = Math.max(2, Math.round(docsPerQuery / 4));
  const span = 2 * docsPerQuery - lo + 1;
  // E[u1 (a + (1 - a) u2)] = 1/4 + a/4; floor takes about 1/2 off the mean.
  const a = Math.min(1, Math.max(0, 4 * ((docsPerQuery - lo + 0.5) / span) - 1));
  const [cut0, cut1, cut2] = segmentCuts();
  const emptyCut = Math.floor(emptyQueryShare * twoTo32);
  const grade1Cut = Math.floor(0.6 * twoTo32);
  const grade2Cut = Math.floor(0.9 * twoTo32);
  const roundCut = Math.floor(roundedShare * twoTo32);
  const inverseOdds = new Float64Array(4);

  const query = new Int32Array(rows);
  const relevance = new Int8Array(rows);
  const score = new Float64Array(rows);
  const segment = new Int8Array(rows);
  const rng = createSeededRandom(seed);
  let start = 0;
  for (let q = 0; start < rows; q += 1) {
    const size = lo + Math.floor(span * openUniform(rng) * (a + (1 - a) * openUniform(rng)));
    const end = rows - (start + size) < lo ? rows : start + size;
    const draw = rng.next() >>> 0;
    const code = draw < cut0 ? 0 : draw < cut1 ? 1 : draw < cut2 ? 2 : 3;
    const density = rng.next() >>> 0 < emptyCut ? 0 : 0.05 + 0.3 * (rng.next() >>> 0) * twoToMinus32;
    const relevantCut = Math.floor(density * twoTo32);
    const offset = 2 * openUniform(rng) - 1 - 2;
    for (let g = 0; g < 4; g += 1) inverseOdds[g] = portableExp(-(offset + gradeStep * segmentQualities[code] * g));
    for (let i = start; i < end; i += 1) {
      let grade = 0;
      if (rng.next() >>> 0 < relevantCut) {
        const gradeDraw = rng.next() >>> 0;
        grade = gradeDraw < grade1Cut ? 1 : gradeDraw < grade2Cut ? 2 : 3;
      }
      const u = openUniform(rng);
      let s = u / (u + inverseOdds[grade] * (1 - u));
      if (rng.next() >>> 0 < roundCut) s = Math.round(s * 100) / 100;
      query[i] = q;
      relevance[i] = grade;
      score[i] = s;
      segment[i] = code;
    }
    start = end;
  }

  return generatedTable<RankingPredictionsSchema>(
    rows,
    [
      { name: 'query', data: query },
      { name: 'relevance', data: relevance },
      { name: 'score', data: score },
    ],
    { codes: segment, names: segmentNames },
  );
}
