/** Label codes as each kind of column produces them, before {@link toLabelCodes} adds the kind. */
export interface LabelCodeParts<T> {
  /** Per row: index into `classes`, or -1 for null. */
  readonly codes: Int32Array;
  /** Distinct values, sorted as numpy.unique sorts them. */
  readonly classes: T[];
  readonly nullCount: number;
  /** First null row, or -1. */
  readonly firstNullRow: number;
}
