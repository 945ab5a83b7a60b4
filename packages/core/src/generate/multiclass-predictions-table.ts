import type { Float64, Int32, Table } from 'apache-arrow';
import { checkIntegerOption, checkRowsAndSeed } from './generator-options.js';
import { generatedTable, rowIds, type GeneratedColumn, type SegmentType } from './generated-table.js';
import { portableExp } from './portable-exp.js';
import { segmentCuts, segmentNames, segmentQualities } from './segment-cuts.js';
import { createSeededRandom, openUniform } from './seeded-random.js';

/** Options of {@link multiclassPredictionsTable}. */
export interface MulticlassPredictionsOptions {
  /** Number of rows, an integer in [1, 2^31 - 1]. */
  rows: number;
  /** Seed, an integer in [0, 2^32 - 1]. Default 42. Same seed and options give identical bytes on every platform. */
  seed?: number;
  /** Number of classes K, an integer in [2, 64]. Default 4. */
  classes?: number;
}

/** Columns of {@link multiclassPredictionsTable}: `id`, `label`, `p0` ... `p{K-1}` (Float64) and `segment`. */
export type MulticlassPredictionsSchema = { id: Int32; label: Int32; segment: SegmentType } & {
  [probability: `p${number}`]: Float64;
};

const twoTo32 = 4294967296;
/** Logit bonus of the true class; 2.4 gives an argmax accuracy about 0.70 with 4 classes. */
const trueClassBoost = 2.4;
const roundedShare = 0.3;

/**
 * Generates seeded predictions of a K-class classifier as an Arrow table: `id` (Int32), `label` (Int32, 0..K-1, skewed
 * class frequencies), `p0` ... `p{K-1}` (Float64 probabilities that sum to 1) and `segment` (as in
 * {@link binaryPredictionsTable}).
 *
 * @remarks
 * Class `k` has prior `π_k ∝ 1 / (k + 1)` (Zipf: with 4 classes 0.48, 0.24, 0.16, 0.12). A row draws its label from
 * the priors, its segment, K uniforms `u_k` and whether it is rounded. The model's logits are
 * `z_k = log π_k + [k = label] * 2.4 * quality + log(u_k / (1 - u_k))`, i.e. standard logistic noise, and
 * `p = softmax(z)`. Since `e^{z_k} = π_k * B^{[k = label]} * u_k / (1 - u_k)` with `B = e^{2.4 quality}` computed once
 * per segment with {@link portableExp}, only `+ - * /` and `Math.round` run per row: bit-identical on every platform.
 * With 4 classes argmax accuracy is about 0.70 (lower in the `partner` segment). 30% of rows are rounded to 3
 * decimals (at least 0.001, so no class gets probability 0), which makes ties. In every row the largest probability
 * is then replaced by 1 minus the sum of the others, so each row sums to 1 within a few ulps.
 * Fast: no per-row objects, 9 + 8K bytes a row.
 *
 * @param options - `rows` (required), `seed` (default 42), `classes` (default 4)
 * @returns an Arrow table of `rows` rows in one record batch, non-nullable columns
 * @throws ValidationError when an option is out of range (code `invalid_argument`)
 * @example
 * ```ts
 * import { multiclassPredictionsTable } from '@modelperf/core';
 * const table = multiclassPredictionsTable({ rows: 1000, seed: 7 });
 * console.log(table.numRows, table.schema.fields.map((f) => f.name).join(',')); // 1000 ...
 * ```
 * @see `sklearn.datasets.make_classification(n_classes=K)` for the feature-level equivalent.
 */
export function multiclassPredictionsTable(options: MulticlassPredictionsOptions): Table<MulticlassPredictionsSchema> {
  const { rows, seed } = checkRowsAndSeed(options.rows, options.seed);
  const classes = checkIntegerOption('classes', options.classes ?? 4, 2, 64);

  const prior = new Float64Array(classes);
  let priorSum = 0;
  for (let k = 0; k < classes; k += 1) priorSum += prior[k] = 1 / (k + 1);
  const labelCuts = new Float64Array(classes);
  let cumulative = 0;
  for (let k = 0; k < classes; k += 1) {
    prior[k] /= priorSum;
    cumulative += prior[k];
    labelCuts[k] = k === classes - 1 ? twoTo32 : Math.floor(cumulative * twoTo32);
  }
  const boost = segmentQualities.map((quality) => portableExp(trueClassBoost * quality));
  const [cut0, cut1, cut2] = segmentCuts();
  const roundCut = Math.floor(roundedShare * twoTo32);

  const label = new Int32Array(rows);
  const segment = new Int8Array(rows);
  const probabilities = Array.from({ length: classes }, () => new Float64Array(rows));
  const weight = new Float64Array(classes);
  const rng = createSeededRandom(seed);
  for (let i = 0; i < rows; i += 1) {
    const labelDraw = rng.next() >>> 0;
    let y = 0;
    while (labelDraw >= labelCuts[y]) y += 1;
    const draw = rng.next() >>> 0;
    const code = draw < cut0 ? 0 : draw < cut1 ? 1 : draw < cut2 ? 2 : 3;
    let total = 0;
    for (let k = 0; k < classes; k += 1) {
      const u = openUniform(rng);
      const w = (prior[k] * u) / (1 - u);
      weight[k] = k === y ? w * boost[code] : w;
      total += weight[k];
    }
    const rounded = rng.next() >>> 0 < roundCut;
    let largest = 0;
    for (let k = 0; k < classes; k += 1) {
      let p = weight[k] / total;
      if (rounded) p = Math.max(Math.round(p * 1000), 1) / 1000;
      weight[k] = p;
      if (p > weight[largest]) largest = k;
    }
    // The rounding residue (and the ulps of the division) goes to the largest class, which stays far above 0.
    let others = 0;
    for (let k = 0; k < classes; k += 1) if (k !== largest) others += weight[k];
    weight[largest] = 1 - others;
    for (let k = 0; k < classes; k += 1) probabilities[k][i] = weight[k];
    label[i] = y;
    segment[i] = code;
  }

  const columns: GeneratedColumn[] = [
    { name: 'id', data: rowIds(rows) },
    { name: 'label', data: label },
    ...probabilities.map((data, k) => ({ name: `p${k}`, data })),
  ];
  return generatedTable<MulticlassPredictionsSchema>(rows, columns, { codes: segment, names: segmentNames });
}
