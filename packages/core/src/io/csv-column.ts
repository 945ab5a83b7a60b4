import { Bool, type Data, Dictionary, Float64, Int32, makeData, Utf8, vectorFromArray } from 'apache-arrow';

/** What a CSV column has been inferred to hold so far (plain numbers: compared in the parser's hot loop). */
export const CsvKind = {
  /** Only nulls seen so far. */
  Unknown: 0,
  Number: 1,
  Boolean: 2,
  String: 3,
} as const;

/** One of {@link CsvKind}'s values. */
export type CsvKind = (typeof CsvKind)[keyof typeof CsvKind];

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY_RE = /^([+-]?)(?:inf|infinity)$/i;

/**
 * Parses a whole CSV cell as a decimal number: `[+-]digits[.digits][e[+-]digits]`, or `inf`/`Infinity` with a sign.
 * @param text - the cell, already trimmed
 * @returns the number, or undefined when the text is not a number (JS-only forms like `0x10` or `1_000` are not)
 * @example
 * ```ts
 * parseCsvNumber('-1.5e3'); // -1500
 * parseCsvNumber('0x10');   // undefined
 * ```
 */
export function parseCsvNumber(text: string): number | undefined {
  if (NUMBER_RE.test(text)) return Number(text);
  const inf = INFINITY_RE.exec(text);
  if (inf !== null) return inf[1] === '-' ? -Infinity : Infinity;
  return undefined;
}

/**
 * Parses `true`/`false` in any letter case.
 * @param text - the cell, already trimmed
 * @returns the boolean, or undefined for any other text
 * @example
 * ```ts
 * parseCsvBoolean('TRUE'); // true
 * ```
 */
export function parseCsvBoolean(text: string): boolean | undefined {
  if (text.length === 4 && text.toLowerCase() === 'true') return true;
  if (text.length === 5 && text.toLowerCase() === 'false') return false;
  return undefined;
}

/**
 * One CSV column being filled row by row: a Float64, Bool or dictionary-encoded Utf8 buffer (allocated once, for the
 * row capacity), plus a validity byte per row once the first null arrives.
 *
 * @example
 * ```ts
 * const column = new CsvColumn('score', 2);
 * column.setText(0, '0.5', new Set(['']));
 * column.setText(1, '', new Set(['']));
 * column.toData(2); // Float64 [0.5, null]
 * ```
 */
export class CsvColumn {
  kind: CsvKind;
  /** Set when a value did not fit the inferred kind: the column is now a string column, and rows before `demotedAt` lost their text. */
  demotedAt = -1;
  numbers: Float64Array | null = null;
  booleans: Uint8Array | null = null;
  codes: Int32Array | null = null;
  readonly dictionary = new Map<string, number>();
  readonly dictionaryValues: string[] = [];
  /** One byte per row, 0 for null; allocated at the first null. A record parsed twice (see the parser) sets the same bytes. */
  valid: Uint8Array | null = null;

  constructor(
    readonly name: string,
    readonly capacity: number,
    kind: CsvKind = CsvKind.Unknown,
  ) {
    this.kind = kind;
    if (kind !== CsvKind.Unknown) this.allocate(kind);
  }

  private allocate(kind: CsvKind): void {
    if (kind === CsvKind.Number) this.numbers = new Float64Array(this.capacity).fill(NaN);
    else if (kind === CsvKind.Boolean) this.booleans = new Uint8Array(this.capacity);
    else if (kind === CsvKind.String) this.codes = new Int32Array(this.capacity);
  }

  setNull(row: number): void {
    if (this.valid === null) this.valid = new Uint8Array(this.capacity).fill(1);
    this.valid[row] = 0;
    if (this.codes !== null) this.codes[row] = 0;
    else if (this.numbers !== null) this.numbers[row] = NaN;
  }

  setString(row: number, text: string): void {
    const codes = this.codes as Int32Array;
    let code = this.dictionary.get(text);
    if (code === undefined) {
      code = this.dictionaryValues.length;
      this.dictionary.set(text, code);
      this.dictionaryValues.push(text);
    }
    codes[row] = code;
  }

  /** Stores a cell that the fast paths did not take: nulls, quoted cells, booleans, strings, unusual numbers. */
  setText(row: number, text: string, nulls: ReadonlySet<string>): void {
    const trimmed = text.trim();
    if (nulls.has(trimmed)) {
      this.setNull(row);
      return;
    }
    if (this.kind === CsvKind.String) {
      this.setString(row, text);
      return;
    }
    if (this.kind !== CsvKind.Boolean) {
      const value = parseCsvNumber(trimmed);
      if (value !== undefined) {
        if (this.kind === CsvKind.Unknown) this.become(CsvKind.Number);
        (this.numbers as Float64Array)[row] = value;
        return;
      }
    }
    if (this.kind !== CsvKind.Number) {
      const flag = parseCsvBoolean(trimmed);
      if (flag !== undefined) {
        if (this.kind === CsvKind.Unknown) this.become(CsvKind.Boolean);
        (this.booleans as Uint8Array)[row] = flag ? 1 : 0;
        return;
      }
    }
    if (this.kind !== CsvKind.Unknown) this.demotedAt = row;
    this.become(CsvKind.String);
    this.setString(row, text);
  }

  private become(kind: CsvKind): void {
    this.kind = kind;
    this.numbers = null;
    this.booleans = null;
    this.allocate(kind);
  }

  /** The column as Arrow data of `rows` rows: Float64, Bool, or Dictionary<Utf8, Int32>; all-null columns are Float64. */
  toData(rows: number): Data {
    const nullBitmap = this.valid === null ? undefined : packBits(this.valid, rows);
    const nullCount = this.valid === null ? 0 : countZeros(this.valid, rows);
    switch (this.kind) {
      case CsvKind.Boolean:
        return makeData({ type: new Bool(), length: rows, nullCount, nullBitmap, data: packBits(this.booleans as Uint8Array, rows) });
      case CsvKind.String: {
        const values = vectorFromArray(this.dictionaryValues, new Utf8());
        const type = new Dictionary(new Utf8(), new Int32());
        return makeData({ type, length: rows, nullCount, nullBitmap, data: fit(this.codes as Int32Array, rows), dictionary: values });
      }
      default: {
        const numbers = this.numbers ?? new Float64Array(rows).fill(NaN);
        return makeData({ type: new Float64(), length: rows, nullCount, nullBitmap, data: fit(numbers, rows) });
      }
    }
  }
}

/** A view of the first `rows` items; a copy when the view would keep more than twice the memory it needs. */
function fit<T extends Float64Array | Int32Array>(array: T, rows: number): T {
  if (array.length === rows) return array;
  return (array.length > 2 * rows + 1024 ? array.slice(0, rows) : array.subarray(0, rows)) as T;
}

/** Packs one byte per row (0 or 1) into Arrow's LSB-first bitmap. */
function packBits(bytes: Uint8Array, rows: number): Uint8Array {
  const bits = new Uint8Array((rows + 7) >> 3);
  for (let i = 0; i < rows; i++) if (bytes[i] !== 0) bits[i >> 3] |= 1 << (i & 7);
  return bits;
}

function countZeros(bytes: Uint8Array, rows: number): number {
  let zeros = 0;
  for (let i = 0; i < rows; i++) if (bytes[i] === 0) zeros++;
  return zeros;
}
