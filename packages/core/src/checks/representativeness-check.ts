import { makeVector, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { fitLogisticRegression, type LogisticModel, predictLogistic } from '../baselines/logistic-regression.js';
import { isModelperfError } from '../errors.js';
import { fitPreprocessor } from '../baselines/preprocessor.js';
import { createSeededRandom, openUniform, type SeededRandom } from '../generate/seeded-random.js';
import { jsBinaryClfCurve } from '../kernels/js/js-kernels.js';
import { rocAuc } from '../metrics/curves/roc-auc.js';
import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatStat } from './check-context.js';
import type { CheckSpec } from './check-options.js';
import type { SplitState } from './split-state.js';

/** Default most rows sampled from each split for the domain classifier. */
export const DEFAULT_DOMAIN_SAMPLE_ROWS = 100_000;
/** Share of the sample held out to measure the domain classifier's AUC. */
const HOLDOUT_SHARE = 0.3;
/** Features listed as the most telling. */
const TOP_FEATURES = 5;

/**
 * `representativeness`: a domain classifier (the baseline logistic regression, L2 = 1 on standardised features with
 * missing indicators and one-hot categories) trained to tell train rows from each other split's rows. Its ROC AUC on
 * a held-out 30% is near 0.5 when the splits look alike; a warning at `domainAuc` or above, else info. The features
 * with the largest standardised coefficients are reported as the most telling.
 *
 * @remarks
 * At most `domainSampleRows` (default 100,000) rows are drawn from each split, without replacement, by a seeded
 * generator (`seed`, default 0); the holdout is drawn by the same generator. Features whose kind differs between the
 * splits are left out (they are reported by `schema_mismatch`).
 *
 * @param ctx - the check context
 * @param spec - seed and sample size
 * @returns the findings
 * @example
 * ```ts
 * representativeness(ctx, { seed: 1 })[0]?.details.top_features; // the most telling features
 * ```
 */
export function representativeness(ctx: CheckContext, spec: CheckSpec): CheckFinding[] {
  const out: CheckFinding[] = [];
  const sampleRows = spec.domainSampleRows ?? DEFAULT_DOMAIN_SAMPLE_ROWS;
  for (const split of ctx.others) {
    const features = ctx.features.filter((name) => {
      const a = ctx.train.profiles.get(name);
      const b = split.profiles.get(name);
      return a !== undefined && b !== undefined && a.kind === b.kind && a.rows > a.missing;
    });
    if (features.length === 0) continue;
    const rng = createSeededRandom(spec.seed ?? 0);
    const trainRows = sampleIndices(ctx.train.rows, sampleRows, rng);
    const otherRows = sampleIndices(split.rows, sampleRows, rng);
    const n = trainRows.length + otherRows.length;
    const holdout = new Uint8Array(n);
    for (let i = 0; i < n; i++) holdout[i] = openUniform(rng) < HOLDOUT_SHARE ? 1 : 0;
    const fitTable = sampleTable(ctx.train, split, features, trainRows, otherRows, holdout, 0);
    const testTable = sampleTable(ctx.train, split, features, trainRows, otherRows, holdout, 1);
    const yFit = domainLabels(trainRows.length, holdout, 0);
    const yTest = domainLabels(trainRows.length, holdout, 1);
    if (!yFit.includes(0) || !yFit.includes(1) || !yTest.includes(0) || !yTest.includes(1)) continue;
    let fitted: { model: LogisticModel; names: string[]; proba: Float64Array };
    try {
      const pre = fitPreprocessor(fitTable, { features });
      const xFit = pre.transform(fitTable);
      const model = fitLogisticRegression(xFit, yFit, { classes: 2, l2: 1 });
      fitted = { model, names: xFit.names, proba: predictLogistic(model, pre.transform(testTable)) };
    } catch (error) {
      // Nothing to fit on (every feature constant or missing) is a finding about the data, not a failed run.
      if (!isModelperfError(error) || error.code === 'internal') throw error;
      out.push(finding({
        check: 'representativeness', severity: 'info', split: split.name, column: null,
        message: `The domain classifier for ${split.name} could not be fitted: ${error.message}`, details: { error: error.code },
      }));
      continue;
    }
    const { model, names, proba } = fitted;
    const scores = new Float64Array(yTest.length);
    for (let i = 0; i < scores.length; i++) scores[i] = proba[2 * i + 1];
    const auc = rocAuc(jsBinaryClfCurve({ scores, positive: Uint8Array.from(yTest) }));
    const telling = Array.from(model.coef, (coef, j) => ({ feature: names[j], coefficient: coef }))
      .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient)).slice(0, TOP_FEATURES);
    const warn = auc >= ctx.thresholds.domainAuc;
    out.push(finding({
      check: 'representativeness', severity: warn ? 'warning' : 'info', split: split.name, column: null,
      message: warn
        ? `A classifier tells ${split.name} rows from train rows (ROC AUC ${formatStat(auc)}); most telling: ${telling.slice(0, 3).map((t) => t.feature).join(', ')}.`
        : `A classifier cannot tell ${split.name} rows from train rows well (ROC AUC ${formatStat(auc)}): the splits look alike.`,
      value: auc, threshold: ctx.thresholds.domainAuc,
      details: {
        roc_auc: auc, train_rows: trainRows.length, rows: otherRows.length, holdout_rows: yTest.length,
        converged: model.converged, top_features: telling,
      },
    }));
  }
  return out;
}

/** Up to `max` distinct row numbers of `rows`, ascending (all of them when there are no more than `max`). */
function sampleIndices(rows: number, max: number, rng: SeededRandom): Uint32Array {
  const all = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) all[i] = i;
  if (rows <= max) return all;
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(openUniform(rng) * (rows - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.subarray(0, max).sort();
}

function domainLabels(trainCount: number, holdout: Uint8Array, part: number): Int32Array {
  const y: number[] = [];
  for (let i = 0; i < holdout.length; i++) if (holdout[i] === part) y.push(i < trainCount ? 0 : 1);
  return Int32Array.from(y);
}

/** The sampled rows of train then the other split, of one part (fit 0 / holdout 1), as an Arrow table. */
function sampleTable(
  train: SplitState, other: SplitState, features: readonly string[], trainRows: Uint32Array, otherRows: Uint32Array,
  holdout: Uint8Array, part: number,
): Table {
  const columns: Record<string, Vector> = {};
  for (const name of features) {
    const sources: Array<[SplitState, Uint32Array, number]> = [[train, trainRows, 0], [other, otherRows, trainRows.length]];
    if (train.profiles.get(name)?.kind === 'numeric') {
      let size = 0;
      for (let i = 0; i < holdout.length; i++) if (holdout[i] === part) size++;
      const values = new Float64Array(size);
      let at = 0;
      for (const [split, rows, offset] of sources) {
        const v = split.profiles.get(name)?.values() as Float64Array;
        for (let k = 0; k < rows.length; k++) if (holdout[offset + k] === part) values[at++] = v[rows[k]];
      }
      columns[name] = makeVector(values);
    } else {
      const values: Array<string | null> = [];
      for (const [split, rows, offset] of sources) {
        const p = split.profiles.get(name);
        const codes = p?.codeArray() as Int32Array;
        const names = p?.categories ?? [];
        for (let k = 0; k < rows.length; k++) {
          if (holdout[offset + k] !== part) continue;
          const c = codes[rows[k]];
          values.push(c >= 0 ? names[c] : c === -1 ? null : '(other)');
        }
      }
      columns[name] = vectorFromArray(values, new Utf8());
    }
  }
  return new Table(columns);
}
