import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatStat } from './check-context.js';
import type { ColumnProfileState } from './column-profile-state.js';
import { quantileEdges } from './drift-statistics.js';
import { type LabelTask, labelTask } from './label-task.js';
import { correlationRatio, mutualInformation, pearsonCorrelation, singleFeatureAuc } from './leakage-statistics.js';

/** Identifier-like: at least this share of a column's present train values are distinct. */
const ID_DISTINCT_SHARE = 0.99;
/** A categorical feature is scored for leakage only with at most this many categories per present row. */
const MAX_CATEGORY_SHARE = 0.05;

/**
 * `target_leakage` on train: a feature that alone predicts the label almost perfectly (error), and an
 * identifier-like column (the `--id` column, or a feature whose values are ≥ 99% distinct) whose order relates to the
 * label (warning).
 *
 * @remarks
 * The strength of a feature, in [0, 1], by label and feature kind:
 * - binary label, numeric feature: the feature's ROC AUC as a score, `max(AUC, 1 − AUC)` (the engine's exact AUC);
 * - regression label, numeric feature: R² of a straight line, the squared Pearson correlation;
 * - multiclass label, numeric feature: the uncertainty coefficient `I(X; Y) / H(Y)` of the feature's train deciles;
 * - class label, categorical feature: the uncertainty coefficient of its categories (mutual information over the
 *   label's entropy, natural logs); regression label: the correlation ratio η².
 * Categorical features with more than one category per 20 rows (and capped ones) are not scored: their in-sample
 * scores are inflated. Identifier-like numeric columns warn at `|AUC − 0.5|` (binary) or `|r|` (regression) of at
 * least `idCorrelation`.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * targetLeakage(ctx).filter((f) => f.severity === 'error').map((f) => f.column); // leaked features
 * ```
 */
export function targetLeakage(ctx: CheckContext): CheckFinding[] {
  if (ctx.label === undefined) return [];
  const labelProfile = ctx.train.profiles.get(ctx.label);
  if (labelProfile === undefined || labelProfile.rows === 0) return [];
  const task = labelTask(labelProfile);
  if (task.task !== 'regression' && task.classes.length < 2) return [];
  const positive = task.task === 'binary' ? positiveFlags(task.codes) : undefined;
  const out: CheckFinding[] = [];
  const columns = [...ctx.features, ...(ctx.id !== undefined ? [ctx.id] : [])];
  for (const name of columns) {
    const p = ctx.train.profiles.get(name);
    if (p === undefined || p.rows === p.missing) continue;
    const idLike = name === ctx.id || identifierLike(p);
    const strength = name === ctx.id ? undefined : featureStrength(p, task, positive, idLike);
    if (strength !== undefined && strength.value >= ctx.thresholds.leakage) {
      out.push(finding({
        check: 'target_leakage', severity: 'error', split: 'train', column: name,
        message: `\`${name}\` alone predicts \`${ctx.label}\` almost perfectly (${strength.statistic} ${formatStat(strength.raw)}): it may be derived from the label.`,
        value: strength.value, threshold: ctx.thresholds.leakage, details: { kind: 'feature', statistic: strength.statistic, [strength.statistic]: strength.raw, ...strength.extra },
      }));
      continue;
    }
    if (!idLike || p.kind !== 'numeric') continue;
    const relation = idRelation(p, task, positive);
    if (relation !== undefined && relation.value >= ctx.thresholds.idCorrelation) {
      out.push(finding({
        check: 'target_leakage', severity: 'warning', split: 'train', column: name,
        message: `Identifier-like column \`${name}\` relates to \`${ctx.label}\` (${relation.statistic} ${formatStat(relation.raw)}): rows may be ordered or numbered by label.`,
        value: relation.value, threshold: ctx.thresholds.idCorrelation, details: { kind: 'identifier', statistic: relation.statistic, [relation.statistic]: relation.raw },
      }));
    }
  }
  return out;
}

interface Strength {
  readonly statistic: string;
  /** The statistic as computed (e.g. the AUC itself). */
  readonly raw: number;
  /** The statistic as a strength in [0, 1] (e.g. max(AUC, 1 − AUC)). */
  readonly value: number;
  readonly extra?: Record<string, number>;
}

function featureStrength(p: ColumnProfileState, task: LabelTask, positive: Uint8Array | undefined, idLike: boolean): Strength | undefined {
  if (p.kind === 'numeric') {
    const x = p.values();
    if (task.task === 'binary') {
      const auc = singleFeatureAuc(x, positive as Uint8Array);
      return Number.isNaN(auc) ? undefined : { statistic: 'roc_auc', raw: auc, value: Math.max(auc, 1 - auc) };
    }
    if (task.task === 'regression') {
      const r = pearsonCorrelation(x, task.values);
      return Number.isNaN(r) ? undefined : { statistic: 'r2', raw: r * r, value: r * r, extra: { pearson_r: r } };
    }
    return uncertainty(decileCodes(p), task.codes);
  }
  const used = p.categoryCounts().filter((c) => c > 0).length;
  if (idLike || p.capped || used > MAX_CATEGORY_SHARE * (p.rows - p.missing)) return undefined;
  if (task.task === 'regression') {
    const eta = correlationRatio(p.codeArray(), task.values);
    return Number.isNaN(eta) ? undefined : { statistic: 'correlation_ratio', raw: eta, value: eta };
  }
  return uncertainty(p.codeArray(), task.codes);
}

function uncertainty(codes: Int32Array, labels: Int32Array): Strength | undefined {
  const { mutualInformation: mi, entropyB } = mutualInformation(codes, labels);
  if (!(entropyB > 0)) return undefined;
  return { statistic: 'uncertainty_coefficient', raw: mi / entropyB, value: mi / entropyB, extra: { mutual_information: mi, label_entropy: entropyB } };
}

function idRelation(p: ColumnProfileState, task: LabelTask, positive: Uint8Array | undefined): Strength | undefined {
  if (task.task === 'binary') {
    const auc = singleFeatureAuc(p.values(), positive as Uint8Array);
    return Number.isNaN(auc) ? undefined : { statistic: 'roc_auc', raw: auc, value: Math.abs(auc - 0.5) };
  }
  if (task.task === 'regression') {
    const r = pearsonCorrelation(p.values(), task.values);
    return Number.isNaN(r) ? undefined : { statistic: 'pearson_r', raw: r, value: Math.abs(r) };
  }
  return undefined;
}

/** ≥ 99% distinct present values, at least 20 of them; numbers must be integers. */
function identifierLike(p: ColumnProfileState): boolean {
  const present = p.rows - p.missing;
  if (present < 20) return false;
  if (p.kind === 'categorical') return !p.capped ? p.categoryCounts().filter((c) => c > 0).length >= ID_DISTINCT_SHARE * present : true;
  const values = p.values();
  for (let i = 0; i < values.length; i++) if (values[i] === values[i] && !Number.isInteger(values[i])) return false;
  const sorted = p.sortedValues();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct >= ID_DISTINCT_SHARE * present;
}

/** 1 for the positive class (the last, greatest), 0 for the other, 255 for a missing label. */
function positiveFlags(codes: Int32Array): Uint8Array {
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? 255 : codes[i] === 1 ? 1 : 0;
  return out;
}

/** Codes of a numeric column's train deciles (-1 missing). */
function decileCodes(p: ColumnProfileState): Int32Array {
  const edges = quantileEdges(p.sortedValues(), 10);
  const values = p.values();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let k = 0;
    while (k < edges.length && edges[k] <= v) k++;
    codes[i] = k;
  }
  return codes;
}
