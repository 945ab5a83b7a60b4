import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatShare } from './check-context.js';
import { labelTask } from './label-task.js';

/**
 * `new_categories`: categories of a categorical feature (or of a class label) in val/test that train never has;
 * a warning when their rows reach `newCategoryShare` of the split, else info. Skipped for a column whose train
 * categories passed the cap (`maxCategories`), since unseen then cannot be told from dropped.
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * newCategories(ctx).map((f) => f.details.categories); // unseen values per column and split
 * ```
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
 * @example
 * ```ts
 * classImbalance(ctx)[0]?.value; // largest / smallest class, when at least the threshold
 * ```
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
