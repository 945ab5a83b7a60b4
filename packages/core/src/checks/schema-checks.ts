import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatShare } from './check-context.js';
import { labelTask } from './label-task.js';

/** The columns the checks use, in order: features, then label, score, time and id. */
export function usedColumns(ctx: CheckContext): string[] {
  return [...ctx.features, ...[ctx.label, ctx.score, ctx.time, ctx.id].filter((c): c is string => c !== undefined)];
}

/**
 * `schema_mismatch`: a used column absent from a split (error), read as another kind — numbers in one split,
 * categories in another — (error), or of another Arrow type of the same kind, e.g. int32 vs float64 (info: the checks
 * compare values, so `1` and `1.0` are equal); columns a split has beyond train's are listed as info.
 *
 * @param ctx - the check context
 * @returns the findings
 */
export function schemaMismatch(ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const split of ctx.others) {
    for (const name of usedColumns(ctx)) {
      const train = ctx.train.profiles.get(name);
      const other = split.profiles.get(name);
      if (train === undefined) continue;
      if (other === undefined) {
        out.push(finding({
          check: 'schema_mismatch', severity: 'error', split: split.name, column: name,
          message: `Column \`${name}\` is in train but missing from ${split.name}.`, details: { train_type: train.typeName, type: null },
        }));
      } else if (other.kind !== train.kind) {
        out.push(finding({
          check: 'schema_mismatch', severity: 'error', split: split.name, column: name,
          message: `Column \`${name}\` is ${train.kind} (${train.typeName}) in train but ${other.kind} (${other.typeName}) in ${split.name}; its drift is not compared.`,
          details: { train_type: train.typeName, type: other.typeName },
        }));
      } else if (other.typeName !== train.typeName) {
        out.push(finding({
          check: 'schema_mismatch', severity: 'info', split: split.name, column: name,
          message: `Column \`${name}\` is ${train.typeName} in train and ${other.typeName} in ${split.name}; values are compared as ${train.kind === 'numeric' ? 'numbers' : 'text'}.`,
          details: { train_type: train.typeName, type: other.typeName },
        }));
      }
    }
    const extra = [...split.profiles.keys()].filter((name) => !ctx.train.profiles.has(name));
    if (extra.length > 0) {
      out.push(finding({
        check: 'schema_mismatch', severity: 'info', split: split.name, column: null,
        message: `${split.name} has ${extra.length} column(s) that train lacks: ${extra.join(', ')}.`, details: { columns: extra },
      }));
    }
  }
  return out;
}

/**
 * `constant_columns`: features with at most one distinct value in train (missing counted as a value), which no model
 * can use.
 * @param ctx - the check context
 * @returns the findings
 */
export function constantColumns(ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const name of ctx.features) {
    const p = ctx.train.profiles.get(name);
    if (p === undefined || p.rows === 0) continue;
    const present = p.rows - p.missing;
    const distinct = p.kind === 'numeric' ? (present === 0 ? 0 : p.min === p.max ? 1 : 2) : distinctUsed(p.categoryCounts());
    const values = distinct + (p.missing > 0 ? 1 : 0);
    if (values > 1) continue;
    const value = present === 0 ? null : p.kind === 'numeric' ? p.min : p.categories[p.categoryCounts().findIndex((c) => c > 0)];
    out.push(finding({
      check: 'constant_columns', severity: 'warning', split: 'train', column: name,
      message: present === 0 ? `Column \`${name}\` is missing in every train row.` : `Column \`${name}\` has the single value ${JSON.stringify(value)} in every train row.`,
      value: 1, details: { value },
    }));
  }
  return out;
}

/**
 * `missing_values` (per column and split: info when any value is missing, a warning at the `missingRate` threshold)
 * and `missing_mismatch` (a column's missing rate in val/test differs from train's by at least `missingDiff`).
 * @param ctx - the check context
 * @returns the findings
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

/**
 * `new_categories`: categories of a categorical feature (or of a class label) in val/test that train never has;
 * a warning when their rows reach `newCategoryShare` of the split, else info. Skipped for a column whose train
 * categories passed the cap (`maxCategories`), since unseen then cannot be told from dropped.
 * @param ctx - the check context
 * @returns the findings
 */
export function newCategories(ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  const limit = ctx.thresholds.newCategoryShare;
  const columns = [...ctx.features, ...(ctx.label !== undefined ? [ctx.label] : [])];
  for (const split of ctx.others) {
    for (const name of columns) {
      const t = ctx.train.profiles.get(name);
      const p = split.profiles.get(name);
      if (t === undefined || p === undefined || t.kind !== 'categorical' || p.kind !== 'categorical' || t.capped) continue;
      const seen = new Set(t.categories);
      const counts = p.categoryCounts();
      const fresh: Array<{ value: string; rows: number }> = [];
      let rows = 0;
      p.categories.forEach((c, k) => {
        if (!seen.has(c) && counts[k] > 0) {
          fresh.push({ value: c, rows: counts[k] });
          rows += counts[k];
        }
      });
      rows += counts[p.categories.length]; // `(other)` rows of a capped split are unseen too
      if (rows === 0) continue;
      const share = rows / p.rows;
      fresh.sort((a, b) => b.rows - a.rows);
      out.push(finding({
        check: 'new_categories', severity: share >= limit ? 'warning' : 'info', split: split.name, column: name,
        message: `${fresh.length} categor${fresh.length === 1 ? 'y' : 'ies'} of \`${name}\` in ${split.name} never occur${fresh.length === 1 ? 's' : ''} in train (${rows} rows, ${formatShare(share)}): ${fresh.slice(0, 5).map((f) => JSON.stringify(f.value)).join(', ')}${fresh.length > 5 ? ', …' : ''}.`,
        value: share, threshold: limit, details: { categories: fresh.slice(0, 50), distinct: fresh.length, rows, share, other_rows: counts[p.categories.length] },
      }));
    }
  }
  return out;
}

/**
 * `class_imbalance`: the train label's largest class is at least `imbalanceRatio` times its smallest.
 * @param ctx - the check context
 * @returns the findings
 */
export function classImbalance(ctx: CheckContext): CheckFinding[] {
  if (ctx.label === undefined) return [];
  const p = ctx.train.profiles.get(ctx.label);
  if (p === undefined) return [];
  const task = labelTask(p);
  if (task.task === 'regression' || task.classes.length < 2) return [];
  let max = 0;
  let min = Infinity;
  let majority = 0;
  let minority = 0;
  task.counts.forEach((c, k) => {
    if (c > max) [max, majority] = [c, k];
    if (c < min) [min, minority] = [c, k];
  });
  const ratio = max / min;
  if (!(ratio >= ctx.thresholds.imbalanceRatio)) return [];
  const total = task.counts.reduce((a, b) => a + b, 0);
  return [finding({
    check: 'class_imbalance', severity: 'warning', split: 'train', column: ctx.label,
    message: `Class ${JSON.stringify(task.classes[majority])} has ${ratio.toFixed(1)} times the rows of class ${JSON.stringify(task.classes[minority])} (${formatShare(min / total)} of train).`,
    value: ratio, threshold: ctx.thresholds.imbalanceRatio,
    details: { ratio, classes: task.classes.map((c, k) => ({ class: c, rows: task.counts[k], share: task.counts[k] / total })) },
  })];
}

function distinctUsed(counts: Float64Array): number {
  let k = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) k++;
  return k;
}
