import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatShare } from './check-context.js';

/**
 * `missing_values` (per column and split: info when any value is missing, a warning at the `missingRate` threshold)
 * and `missing_mismatch` (a column's missing rate in val/test differs from train's by at least `missingDiff`).
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * missingValues(ctx).filter((f) => f.check === 'missing_mismatch');
 * ```
 */
export function missingValues(ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  const { missingRate, missingDiff } = ctx.thresholds;
  const columns = [...ctx.features, ...[ctx.label, ctx.score].filter((c): c is string => c !== undefined)];
  for (const split of [ctx.train, ...ctx.others]) {
    for (const name of columns) {
      const p = split.profiles.get(name);
      if (p === undefined || p.missing === 0) continue;
      const rate = p.missing / p.rows;
      out.push(finding({
        check: 'missing_values', severity: rate >= missingRate ? 'warning' : 'info', split: split.name, column: name,
        message: `${p.missing} of ${p.rows} values of \`${name}\` in ${split.name} (${formatShare(rate)}) are missing.`,
        value: rate, threshold: missingRate, details: { missing: p.missing, rows: p.rows, rate },
      }));
    }
  }
  for (const split of ctx.others) {
    for (const name of columns) {
      const t = ctx.train.profiles.get(name);
      const p = split.profiles.get(name);
      if (t === undefined || p === undefined || t.rows === 0 || p.rows === 0) continue;
      const trainRate = t.missing / t.rows;
      const rate = p.missing / p.rows;
      const diff = Math.abs(rate - trainRate);
      if (diff >= missingDiff && diff > 0) {
        out.push(finding({
          check: 'missing_mismatch', severity: 'warning', split: split.name, column: name,
          message: `\`${name}\` is missing in ${formatShare(rate)} of ${split.name} rows but ${formatShare(trainRate)} of train rows.`,
          value: diff, threshold: missingDiff, details: { rate, train_rate: trainRate, difference: rate - trainRate },
        }));
      }
    }
  }
  return out;
}
