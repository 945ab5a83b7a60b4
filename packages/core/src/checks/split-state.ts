import type { ArrowTableLike } from '../columns/arrow-column.js';
import { ValidationError } from '../errors.js';
import { ColumnProfileState, DEFAULT_MAX_CATEGORIES } from './column-profile-state.js';
import { type ColumnValues, columnKind, columnValues, typeNameOf } from './column-values.js';
import { RowHashTable } from './row-hash-table.js';
import { fmix32, mixColumnHashes } from './row-hasher.js';

/** What a {@link SplitState} hashes: the feature columns (row identity), the label and the id column. */
export interface SplitStateOptions {
  /** Columns that make up a row for duplicate detection, in a fixed order (the same for every split). */
  readonly features: readonly string[];
  /** The label column: rows with equal features but different labels are conflicts. */
  readonly label?: string;
  /** An id column, hashed on its own for `id_overlap`. */
  readonly id?: string;
  /** Cap on distinct categories per column (default 10,000). */
  readonly maxCategories?: number;
  /** Columns to profile beyond the features, label and id (time, score); other columns only have their type noted. */
  readonly otherColumns?: readonly string[];
  /** Also hash rows by their features and label together (`labelledRowHashes`), for duplicates that need both. */
  readonly hashWithLabel?: boolean;
}

/**
 * Everything the checks need from one split (train, val or test), built batch by batch: a profile of every column
 * and a hash table of its rows (and of its ids).
 *
 * @remarks
 * Mergeable: `a.merge(b)` is the state of `a`'s rows followed by `b`'s, so states built over consecutive parts of a
 * file (or in workers) merge, in row order, into the state of the whole split. Row numbers are 0-based within the split.
 *
 * @example
 * ```ts
 * import { readCsvBytes, SplitState } from '@modelperf/core';
 * const state = new SplitState('train', { features: ['x'], label: 'y' });
 * state.update(readCsvBytes('x,y\n1,0\n1,1\n2,0\n')); // or, per batch: for await (const b of await readBatches(path)) state.update(b)
 * console.log(state.rows, state.rowHashes.size, state.profiles.get('x')?.max); // 3 2 2
 * ```
 */
export class SplitState {
  /** Rows seen. */
  rows = 0;
  /** One profile per used column (features, label, id, time, score), in the order of the split's schema. */
  readonly profiles = new Map<string, ColumnProfileState>();
  /** Every column of the split (used or not) and its Arrow type name, in schema order. */
  readonly columnTypes = new Map<string, string>();
  private readonly used: ReadonlySet<string>;
  /** Rows hashed by their feature values; `label` holds the hash of the first row's label. */
  readonly rowHashes = new RowHashTable();
  /** Rows hashed by their id (when `id` is set). */
  readonly idHashes: RowHashTable | undefined;
  /** Rows hashed by their features and label together (when `hashWithLabel` is set and there is a label). */
  readonly labelledRowHashes: RowHashTable | undefined;

  /**
   * @param name - the split's name (`train`, `val`, `test`)
   * @param options - features, label and id columns
   */
  constructor(readonly name: string, readonly options: SplitStateOptions) {
    this.idHashes = options.id === undefined ? undefined : new RowHashTable();
    this.used = new Set([...options.features, ...[options.label, options.id].filter((c): c is string => c !== undefined), ...(options.otherColumns ?? [])]);
    this.labelledRowHashes = options.hashWithLabel === true && options.label !== undefined ? new RowHashTable() : undefined;
  }

  /** Adds one record batch (or table) of the split. */
  update(batch: ArrowTableLike): this {
    const n = batch.numRows;
    const read = new Map<string, ColumnValues>();
    for (const field of batch.schema.fields) {
      const column = batch.getChild(field.name);
      if (column === null) continue;
      if (!this.columnTypes.has(field.name)) {
        if (this.rows > 0) {
          throw new ValidationError('invalid_input', `Column \`${field.name}\` of the ${this.name} split appears only from row ${this.rows}; every batch must have the same columns.`);
        }
        this.columnTypes.set(field.name, typeNameOf(column));
      }
      if (!this.used.has(field.name)) continue;
      let profile = this.profiles.get(field.name);
      if (profile === undefined) {
        profile = new ColumnProfileState(field.name, columnKind(column.type), typeNameOf(column), this.options.maxCategories ?? DEFAULT_MAX_CATEGORIES);
        this.profiles.set(field.name, profile);
      }
      const values = columnValues(column, field.name);
      read.set(field.name, values);
      profile.update(values);
    }
    const h1 = new Uint32Array(n);
    const h2 = new Uint32Array(n);
    for (const name of this.options.features) mixColumnHashes(h1, h2, read.get(name) ?? null);
    const labels = this.options.label === undefined ? undefined : laneHashes(read.get(this.options.label) ?? null, n);
    const table = this.rowHashes;
    for (let i = 0; i < n; i++) table.add(h1[i], h2[i], this.rows + i, labels === undefined ? 0 : labels[i]);
    if (this.labelledRowHashes !== undefined && labels !== undefined) {
      for (let i = 0; i < n; i++) {
        this.labelledRowHashes.add(fmix32(h1[i] ^ labels[i]), fmix32(h2[i] + Math.imul(labels[i], 0x9e3779b1)), this.rows + i, labels[i]);
      }
    }
    if (this.idHashes !== undefined && this.options.id !== undefined) {
      const i1 = new Uint32Array(n);
      const i2 = new Uint32Array(n);
      const ids = read.get(this.options.id);
      if (ids !== undefined) {
        mixColumnHashes(i1, i2, ids);
        for (let i = 0; i < n; i++) this.idHashes.add(i1[i], i2[i], this.rows + i, 0);
      }
    }
    this.rows += n;
    return this;
  }

  /** Appends the state of the rows that follow this state's rows in the same split. */
  merge(other: SplitState): this {
    for (const [name, type] of other.columnTypes) if (!this.columnTypes.has(name)) this.columnTypes.set(name, type);
    for (const [name, profile] of other.profiles) {
      const mine = this.profiles.get(name);
      if (mine === undefined) {
        const empty = new ColumnProfileState(name, profile.kind, profile.typeName, profile.maxCategories);
        this.profiles.set(name, empty.merge(profile));
      } else mine.merge(profile);
    }
    this.rowHashes.merge(other.rowHashes, this.rows);
    if (this.idHashes !== undefined && other.idHashes !== undefined) this.idHashes.merge(other.idHashes, this.rows);
    if (this.labelledRowHashes !== undefined && other.labelledRowHashes !== undefined) this.labelledRowHashes.merge(other.labelledRowHashes, this.rows);
    this.rows += other.rows;
    return this;
  }
}

/** One 32-bit hash per row of a column (for labels: equal labels, equal hashes). */
function laneHashes(values: ColumnValues | null, n: number): Uint32Array {
  const h1 = new Uint32Array(n);
  const h2 = new Uint32Array(n);
  mixColumnHashes(h1, h2, values);
  for (let i = 0; i < n; i++) h1[i] = fmix32(h1[i] ^ Math.imul(h2[i], 0x9e3779b1)) | 1;
  return h1;
}
