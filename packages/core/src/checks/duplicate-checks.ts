import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatShare } from './check-context.js';
import type { RowHashTable } from './row-hash-table.js';

/**
 * `train_test_duplicates` (rows of val/test whose features also occur in train) and, with an id column,
 * `id_overlap` (ids of val/test that occur in train). Both come from the splits' hash tables, so they cost one lookup
 * per distinct row of the compared split. Rows are keyed by their feature values; `same_label_rows` counts those whose
 * train match has the same label, `mixed_label_rows` those of groups with mixed labels on either side (undecided). With
 * `duplicatesWithLabel` the key is the features and the label together, and that exact count is the finding's value.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * trainTestDuplicates(ctx).filter((f) => f.check === 'train_test_duplicates');
 * ```
 */
export function trainTestDuplicates(ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  const limit = ctx.thresholds.overlapShare;
  for (const split of ctx.others) {
    const m = matches(split.rowHashes, ctx.train.rowHashes, ctx.maxExamples);
    const labelled = ctx.duplicatesWithLabel === true && split.labelledRowHashes !== undefined && ctx.train.labelledRowHashes !== undefined
      ? matches(split.labelledRowHashes, ctx.train.labelledRowHashes, ctx.maxExamples) : undefined;
    const counted = labelled ?? m;
    if (counted.rows > 0) {
      const share = counted.rows / split.rows;
      const sameLabel = labelled?.rows ?? m.sameLabel;
      out.push(finding({
        check: 'train_test_duplicates', severity: share > limit ? 'error' : 'warning', split: split.name, column: null,
        message: labelled !== undefined
          ? `${labelled.rows} of ${split.rows} ${split.name} rows (${formatShare(share)}) also occur in train with the same ${ctx.features.length} feature values and label (${m.rows} with the same feature values).`
          : `${m.rows} of ${split.rows} ${split.name} rows (${formatShare(share)}) also occur in train (same ${ctx.features.length} feature values)` +
            (ctx.label === undefined ? '.'
              : m.mixedLabels === 0 ? `; ${m.sameLabel} of them with the same label.`
                : `; ${m.sameLabel} of them with the same label, ${m.mixedLabels} in groups whose labels vary (--duplicates-with-label counts them exactly).`),
        value: share, threshold: limit,
        details: {
          key: labelled !== undefined ? 'features+label' : 'features', rows: counted.rows, distinct_rows: counted.distinct, share,
          feature_rows: m.rows, same_label_rows: ctx.label !== undefined ? sameLabel : null,
          ...(labelled === undefined && ctx.label !== undefined ? { mixed_label_rows: m.mixedLabels } : {}),
          examples: counted.examples.map(([row, trainRow]) => ({ row, train_row: trainRow })),
        },
      }));
    }
    if (split.idHashes !== undefined && ctx.train.idHashes !== undefined) {
      const ids = matches(split.idHashes, ctx.train.idHashes, ctx.maxExamples);
      if (ids.rows > 0) {
        const share = ids.rows / split.rows;
        out.push(finding({
          check: 'id_overlap', severity: 'error', split: split.name, column: ctx.id ?? null,
          message: `${ids.rows} ${split.name} rows (${formatShare(share)}) have an id (\`${ctx.id}\`) that also occurs in train: ${ids.distinct} distinct ids.`,
          value: share, threshold: 0,
          details: { rows: ids.rows, distinct_ids: ids.distinct, share, examples: ids.examples.map(([row, trainRow]) => ({ row, train_row: trainRow })) },
        }));
      }
    }
  }
  return out;
}

/**
 * `duplicate_rows` (rows repeating an earlier row of the same split, by feature values) and `conflicting_labels`
 * (groups of identical feature values with more than one label), per split.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * ```ts
 * duplicateRows(ctx).find((f) => f.check === 'conflicting_labels')?.details.groups;
 * ```
 */
export function duplicateRows(ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  const limit = ctx.thresholds.duplicateShare;
  for (const split of [ctx.train, ...ctx.others]) {
    const t = split.rowHashes;
    const repeated = split.rows - t.size;
    if (repeated > 0) {
      const share = repeated / split.rows;
      const examples = pick(t, ctx.maxExamples, (s) => t.count[s] > 1).map((s) => ({ row: t.first[s], duplicate_row: t.second[s], count: t.count[s] }));
      let groups = 0;
      for (let s = 0; s < t.capacity; s++) if (t.count[s] > 1) groups++;
      out.push(finding({
        check: 'duplicate_rows', severity: share > limit ? 'warning' : 'info', split: split.name, column: null,
        message: `${repeated} ${split.name} rows (${formatShare(share)}) repeat an earlier row's feature values (${groups} groups).`,
        value: share, threshold: limit, details: { rows: repeated, groups, share, examples },
      }));
    }
    if (ctx.label === undefined) continue;
    let groups = 0;
    let rows = 0;
    for (let s = 0; s < t.capacity; s++) {
      if (t.count[s] > 0 && t.conflict[s] === 1) {
        groups++;
        rows += t.count[s];
      }
    }
    if (groups > 0) {
      const examples = pick(t, ctx.maxExamples, (s) => t.count[s] > 0 && t.conflict[s] === 1).map((s) => ({ row: t.first[s], other_row: t.second[s], count: t.count[s] }));
      out.push(finding({
        check: 'conflicting_labels', severity: 'warning', split: split.name, column: ctx.label,
        message: `${groups} groups of identical feature values in ${split.name} (${rows} rows, ${formatShare(rows / split.rows)}) have different labels.`,
        value: rows / split.rows, threshold: 0, details: { groups, rows, share: rows / split.rows, examples },
      }));
    }
  }
  return out;
}

/** Rows of `split` whose key is in `train`: counts, and the examples with the smallest row numbers. */
function matches(split: RowHashTable, train: RowHashTable, maxExamples: number) {
  let rows = 0;
  let distinct = 0;
  let sameLabel = 0;
  let mixedLabels = 0;
  const found: number[] = [];
  const trainSlot: number[] = [];
  for (let s = 0; s < split.capacity; s++) {
    if (split.count[s] === 0) continue;
    const t = train.find(split.key1[s], split.key2[s]);
    if (t < 0) continue;
    rows += split.count[s];
    distinct++;
    if (split.conflict[s] !== 0 || train.conflict[t] !== 0) mixedLabels += split.count[s];
    else if (split.label[s] === train.label[t]) sameLabel += split.count[s];
    found.push(s);
    trainSlot.push(t);
  }
  const order = found.map((_, k) => k).sort((a, b) => split.first[found[a]] - split.first[found[b]]).slice(0, maxExamples);
  const examples = order.map((k) => [split.first[found[k]], train.first[trainSlot[k]]] as [number, number]);
  return { rows, distinct, sameLabel, mixedLabels, examples };
}

/** Up to `max` slots passing `keep`, with the smallest first rows. */
function pick(t: RowHashTable, max: number, keep: (slot: number) => boolean): number[] {
  const slots: number[] = [];
  for (let s = 0; s < t.capacity; s++) if (keep(s)) slots.push(s);
  return slots.sort((a, b) => t.first[a] - t.first[b]).slice(0, max);
}
