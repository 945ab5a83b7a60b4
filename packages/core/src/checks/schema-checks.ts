import { type CheckFinding, finding } from './check-finding.js';
import type { CheckContext } from './check-context.js';

/**
 * The columns the checks use, in order: features, then label, score, time and id.
 * @example
 * ```ts
 * usedColumns(ctx); // ['x1', 'city', 'y', 'id']
 * ```
 */
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
 * @example
 * ```ts
 * schemaMismatch(ctx).filter((f) => f.severity === 'error').map((f) => f.column); // columns missing or of another kind
 * ```
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
    const extra = [...split.columnTypes.keys()].filter((name) => !ctx.train.columnTypes.has(name));
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
 * @example
 * ```ts
 * constantColumns(ctx).map((f) => f.column);
 * ```
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

function distinctUsed(counts: Float64Array): number {
  let k = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) k++;
  return k;
}
