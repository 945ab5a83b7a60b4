import type { Float64, Int8, Int32, Table } from 'apache-arrow';
import { checkIntegerOption, checkRowsAndSeed } from './generator-options.js';
import { generatedTable, rowIds, type GeneratedColumn, type SegmentType } from './generated-table.js';
import { portableExp } from './portable-exp.js';
import { segmentCuts, segmentNames, segmentQualities } from './segment-cuts.js';
import { createSeededRandom, openUniform } from './seeded-random.js';

/** Options of {@link multilabelPredictionsTable}. */
export interface MultilabelPredictionsOptions {
  /** Number of rows, an integer in [1, 2^31 - 1]. */
  rows: number;
  /** Seed, an integer in [0, 2^32 - 1]. Default 42. Same seed and options give identical bytes on every platform. */
  seed?: number;
  /** Number of labels L, an integer in [1, 64]. Default 3. */
  labels?: number;
}

/** Columns of {@link multilabelPredictionsTable}: `id`, `y0` ... `y{L-1}` (Int8), `s0` ... `s{L-1}` (Float64), `segment`. */
export type MultilabelPredictionsSchema = { id: Int32; segment: SegmentType } & {
  [label: `y${number}`]: Int8;
} & { [score: `s${number}`]: Float64 };

const twoTo32 = 4294967296;
/** Share of "active" rows, whose labels are all more likely: this shared latent correlates the labels. */
const activeShare = 0.3;
const roundedShare = 0.3;

/**
 * Expected prevalence of label `j`: 0.35, 0.21, 0.126, ... (a factor 0.6 per label), at least 0.01.
 *
 * @param j - label index
 * @returns P(y_j = 1)
 * @example
 * ```ts
 * multilabelPrevalence(0); // 0.35
 * ```
 */
export function multilabelPrevalence(j: number): number {
  let prevalence = 0.35;
  for (let i = 0; i < j; i += 1) prevalence *= 0.6;
  return Math.max(prevalence, 0.01);
}

/**
 * Generates seeded predictions of a multilabel classifier as an Arrow table: `id` (Int32), `y0` ... `y{L-1}` (Int8,
 * 0/1, correlated, prevalences 0.35, 0.21, 0.126, ...), `s0` ... `s{L-1}` (Float64 scores in [0, 1]) and `segment` (as in
 * {@link binaryPredictionsTable}).
 *
 * @remarks
 * A row is "active" with probability 0.3 (a latent the scores do not see); label j is then positive with probability
 * `h_j = 2.5 π_j`, otherwise with `(π_j - 0.3 h_j) / 0.7`, so the labels have prevalence `π_j` =
 * {@link multilabelPrevalence}(j) and are positively correlated. Each score is a binary model as in
 * {@link generateBinaryPredictions}: `s = u / (u + k (1 - u))` with `k = e^-(logit π_j ± quality * d_j / 2)`, and
 * separations `d_j` cycling 2.6, 3.2, 2.0 (ROC AUCs about 0.85, 0.90, 0.79), computed once with
 * {@link portableExp}, so only `+ - * /` and `Math.round` run per row: bit-identical on every platform. 30% of the
 * score cells are rounded to 3 decimals, which makes ties. Fast: no per-row objects, 5 + 9L bytes a row.
 *
 * @param options - `rows` (required), `seed` (default 42), `labels` (default 3)
 * @returns an Arrow table of `rows` rows in one record batch, non-nullable columns
 * @throws ValidationError when an option is out of range (code `invalid_argument`)
 * @example
 * ```ts
 * import { multilabelPredictionsTable } from '@modelperf/core';
 * const table = multilabelPredictionsTable({ rows: 1000, seed: 7 });
 * console.log(table.numRows, table.schema.fields.map((f) => f.name).join(',')); // 1000 ...
 * ```
 * @see `sklearn.datasets.make_multilabel_classification` for the feature-level equivalent.
 */
export function multilabelPredictionsTable(options: MultilabelPredictionsOptions): Table<MultilabelPredictionsSchema> {
  const { rows, seed } = checkRowsAndSeed(options.rows, options.seed);
  const labels = checkIntegerOption('labels', options.labels ?? 3, 1, 64);

  // Integer cuts on uint32 draws: exact per-row decisions. activeCut[j] / passiveCut[j]: P(y_j = 1) by latent.
  const activeCut = new Float64Array(labels);
  const passiveCut = new Float64Array(labels);
  // inverseOdds[(j * segments + code) * 2 + y] = e^-(mean logit of class y of label j in that segment).
  const segments = segmentQualities.length;
  const inverseOdds = new Float64Array(labels * segments * 2);
  for (let j = 0; j < labels; j += 1) {
    const prevalence = multilabelPrevalence(j);
    const high = 2.5 * prevalence;
    activeCut[j] = Math.floor(high * twoTo32);
    passiveCut[j] = Math.floor(((prevalence - activeShare * high) / (1 - activeShare)) * twoTo32);
    const separation = [2.6, 3.2, 2.0][j % 3];
    for (let code = 0; code < segments; code += 1) {
      const half = (segmentQualities[code] * separation) / 2;
      const base = (1 - prevalence) / prevalence;
      inverseOdds[(j * segments + code) * 2] = base * portableExp(half);
      inverseOdds[(j * segments + code) * 2 + 1] = base * portableExp(-half);
    }
  }
  const latentCut = Math.floor(activeShare * twoTo32);
  const roundCut = Math.floor(roundedShare * twoTo32);
  const [cut0, cut1, cut2] = segmentCuts();

  const y = Array.from({ length: labels }, () => new Int8Array(rows));
  const s = Array.from({ length: labels }, () => new Float64Array(rows));
  const segment = new Int8Array(rows);
  const rng = createSeededRandom(seed);
  for (let i = 0; i < rows; i += 1) {
    const draw = rng.next() >>> 0;
    const code = draw < cut0 ? 0 : draw < cut1 ? 1 : draw < cut2 ? 2 : 3;
    const cuts = rng.next() >>> 0 < latentCut ? activeCut : passiveCut;
    for (let j = 0; j < labels; j += 1) {
      const positive = rng.next() >>> 0 < cuts[j] ? 1 : 0;
      const u = openUniform(rng);
      let score = u / (u + inverseOdds[(j * segments + code) * 2 + positive] * (1 - u));
      if (rng.next() >>> 0 < roundCut) score = Math.round(score * 1000) / 1000;
      y[j][i] = positive;
      s[j][i] = score;
    }
    segment[i] = code;
  }

  const columns: GeneratedColumn[] = [
    { name: 'id', data: rowIds(rows) },
    ...y.map((data, j) => ({ name: `y${j}`, data })),
    ...s.map((data, j) => ({ name: `s${j}`, data })),
  ];
  return generatedTable<MultilabelPredictionsSchema>(rows, columns, { codes: segment, names: segmentNames });
}
