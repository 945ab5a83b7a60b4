import { radixSortFloat64 } from '../kernels/js/radix-sort-float64.js';
import type { ColumnKind, ColumnValues } from './column-values.js';
import { GrowableArray } from './growable-array.js';

/** Default cap on distinct categories kept per column; rarer ones beyond it share the code {@link OTHER_CODE}. */
export const DEFAULT_MAX_CATEGORIES = 10_000;

/** Code of the rows whose category came after the cap was reached (shown as `(other)`). */
export const OTHER_CODE = -2;

/**
 * The profile of one column of one split, kept row by row so that every check can be computed exactly: numbers as a
 * Float64Array (NaN for missing), categories as Int32 codes into `categories` (-1 missing).
 *
 * @remarks
 * Memory: 8 bytes per row for a numeric column, 4 for a categorical one, plus the distinct categories (at most
 * `maxCategories`; later new values are counted as one `(other)` bucket, and `capped` is set). One million rows by 50
 * numeric columns hold 400 MB; the sorted copy for KS, quantiles and leakage (another 8 bytes per row) is made per
 * column when a check first asks for it and kept while the checks run, so at most 16 bytes per numeric value. Merging appends the other profile's rows after this one's: merge partial
 * profiles in row order.
 *
 * @example
 * ```ts
 * const p = new ColumnProfileState('age', 'numeric', 'float64');
 * p.update(columnValues(batch.getChild('age')!, 'age'));
 * p.missing; // nulls and NaN so far
 * ```
 */
export class ColumnProfileState {
  /** Rows seen. */
  rows = 0;
  /** Null (or NaN) rows. */
  missing = 0;
  /** Smallest and largest number (numeric columns). */
  min = Infinity;
  max = -Infinity;
  /** Distinct categories in order of first appearance (categorical columns). */
  readonly categories: string[] = [];
  /** Set when a category was dropped into `(other)` because of the cap. */
  capped = false;
  private readonly numbers = new GrowableArray(Float64Array);
  private readonly codes = new GrowableArray(Int32Array);
  private readonly index = new Map<string, number>();
  private sorted: Float64Array | undefined;

  /**
   * @param name - the column
   * @param kind - numeric or categorical (see `columnKind`)
   * @param typeName - its Arrow type name, for schema comparisons
   * @param maxCategories - the cap on distinct categories kept
   */
  constructor(
    readonly name: string,
    readonly kind: ColumnKind,
    readonly typeName: string,
    readonly maxCategories = DEFAULT_MAX_CATEGORIES,
  ) {}

  /** Adds one batch of the column (of this profile's kind). */
  update(values: ColumnValues): this {
    this.sorted = undefined;
    if (values.kind === 'numeric') {
      const v = values.values;
      let missing = 0;
      let min = this.min;
      let max = this.max;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== x) missing++;
        else {
          if (x < min) min = x;
          if (x > max) max = x;
        }
      }
      this.min = min;
      this.max = max;
      this.missing += missing;
      this.rows += v.length;
      this.numbers.append(v);
      return this;
    }
    const remap = new Int32Array(values.classes.length);
    values.classes.forEach((c, k) => (remap[k] = this.codeOf(c)));
    const codes = values.codes;
    const out = new Int32Array(codes.length);
    let missing = 0;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c < 0) {
        out[i] = -1;
        missing++;
      } else out[i] = remap[c];
    }
    this.missing += missing;
    this.rows += codes.length;
    this.codes.append(out);
    return this;
  }

  /** Appends the rows of `other` (a later part of the same split and column) after this profile's rows. */
  merge(other: ColumnProfileState): this {
    this.sorted = undefined;
    if (other.kind === 'numeric') {
      this.numbers.append(other.values());
      this.min = Math.min(this.min, other.min);
      this.max = Math.max(this.max, other.max);
    } else {
      const remap = other.categories.map((c) => this.codeOf(c));
      const codes = other.codeArray();
      const out = new Int32Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? codes[i] : remap[codes[i]];
      this.codes.append(out);
      this.capped ||= other.capped;
    }
    this.rows += other.rows;
    this.missing += other.missing;
    return this;
  }

  /** The numbers in row order, NaN for missing (a view: do not modify). */
  values(): Float64Array {
    return this.numbers.view();
  }

  /** The category codes in row order: -1 missing, {@link OTHER_CODE} beyond the cap (a view: do not modify). */
  codeArray(): Int32Array {
    return this.codes.view();
  }

  /**
   * The non-missing numbers, sorted ascending: a copy (8 bytes per row) made on first use and kept until the next
   * update or merge, since several checks read it (a view: do not modify).
   */
  sortedValues(): Float64Array {
    if (this.sorted !== undefined) return this.sorted;
    const v = this.values();
    const out = new Float64Array(v.length - this.missing);
    let k = 0;
    for (let i = 0; i < v.length; i++) if (v[i] === v[i]) out[k++] = v[i] + 0;
    radixSortFloat64(out);
    this.sorted = out;
    return out;
  }

  /** Rows per category (same order as `categories`), then one more entry: the `(other)` rows. */
  categoryCounts(): Float64Array {
    const counts = new Float64Array(this.categories.length + 1);
    const codes = this.codeArray();
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c >= 0) counts[c]++;
      else if (c === OTHER_CODE) counts[this.categories.length]++;
    }
    return counts;
  }

  private codeOf(category: string): number {
    let code = this.index.get(category);
    if (code !== undefined) return code;
    if (this.categories.length >= this.maxCategories) {
      this.capped = true;
      return OTHER_CODE;
    }
    code = this.categories.length;
    this.categories.push(category);
    this.index.set(category, code);
    return code;
  }
}
