import { type CheckFinding, type CheckName, finding } from './check-finding.js';
import { type CheckContext, formatStat } from './check-context.js';
import type { ColumnProfileState } from './column-profile-state.js';
import { type ColumnDrift, categoricalDrift, numericDrift, valueCounts } from './column-drift.js';
import { labelTask } from './label-task.js';

/**
 * `feature_drift`: every feature of each split against train (numeric: PSI over train deciles and KS; categorical:
 * PSI, chi-square and Jensen–Shannon). A warning per drifted column — PSI at least `psi`, or a KS statistic at least
 * `ksStatistic` with p-value below `pValue` — and one info finding per split holding every column's statistics.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * featureDrift(ctx).filter((f) => f.severity === 'warning').map((f) => f.column); // the drifted features
 * ```
 */
export function featureDrift(ctx: CheckContext): CheckFinding[] {
  return driftOf(ctx, 'feature_drift', ctx.features, false);
}

/**
 * `label_drift` (the label; class labels compared as categories) and `prediction_drift` (the score column): a warning
 * when drifted (same rule as {@link featureDrift}), else an info finding with the statistics.
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * labelAndPredictionDrift(ctx).find((f) => f.check === 'label_drift')?.details.psi;
 * ```
 */
export function labelAndPredictionDrift(ctx: CheckContext): CheckFinding[] {
  return [
    ...(ctx.label !== undefined ? driftOf(ctx, 'label_drift', [ctx.label], true) : []),
    ...(ctx.score !== undefined ? driftOf(ctx, 'prediction_drift', [ctx.score], false) : []),
  ];
}

function driftOf(ctx: CheckContext, check: CheckName, columns: readonly string[], isLabel: boolean): CheckFinding[] {
  const out: CheckFinding[] = [];
  const t = ctx.thresholds;
  for (const split of ctx.others) {
    const all: Array<{ column: string; drifted: boolean } & ColumnDrift> = [];
    for (const name of columns) {
      const a = ctx.train.profiles.get(name);
      const b = split.profiles.get(name);
      if (a === undefined || b === undefined || a.kind !== b.kind) continue;
      const drift = compare(a, b, isLabel, ctx.psiBins);
      if (drift === undefined) continue;
      const ks = drift.kind === 'numeric' && drift.ks_statistic >= t.ksStatistic && drift.ks_p_value < t.pValue;
      const drifted = drift.psi >= t.psi || ks;
      all.push({ column: name, drifted, ...drift });
      if (!drifted && check !== 'feature_drift') {
        out.push(finding({
          check, severity: 'info', split: split.name, column: name,
          message: `\`${name}\` is distributed alike in ${split.name} and train (PSI ${formatStat(drift.psi)}).`,
          value: drift.psi, threshold: t.psi, details: { ...drift },
        }));
      }
      if (!drifted) continue;
      const stats = drift.kind === 'numeric'
        ? `PSI ${formatStat(drift.psi)}, KS ${formatStat(drift.ks_statistic)} (p = ${formatStat(drift.ks_p_value)})`
        : `PSI ${formatStat(drift.psi)}, chi-square p = ${formatStat(drift.chi2_p_value)}, JS ${formatStat(drift.js_divergence)}`;
      out.push(finding({
        check, severity: 'warning', split: split.name, column: name,
        message: `\`${name}\` is distributed differently in ${split.name} than in train: ${stats}.`,
        value: drift.psi, threshold: t.psi, details: { ...drift },
      }));
    }
    if (check === 'feature_drift' && all.length > 0) {
      const drifted = all.filter((d) => d.drifted).length;
      out.push(finding({
        check, severity: 'info', split: split.name, column: null,
        message: `${drifted} of ${all.length} features drifted between train and ${split.name} (largest PSI ${formatStat(Math.max(...all.map((d) => d.psi)))}).`,
        value: drifted, threshold: null, details: { columns: all },
      }));
    }
  }
  return out;
}

function compare(a: ColumnProfileState, b: ColumnProfileState, isLabel: boolean, bins: number): ColumnDrift | undefined {
  if (a.kind === 'categorical') return categoricalDrift(valueCounts(a), valueCounts(b));
  if (isLabel && labelTask(a).task !== 'regression') return categoricalDrift(valueCounts(a), valueCounts(b));
  return numericDrift(a, b, bins);
}
