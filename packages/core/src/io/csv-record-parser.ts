import { InputOutputError } from '../errors.js';
import { type CsvColumn, CsvKind } from './csv-column.js';
import { countLineFeeds, splitCsvRecord } from './split-csv-record.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const NUMBER_KIND: number = CsvKind.Number;
const STRING_KIND: number = CsvKind.String;

/** 2^53: integers up to it are exact doubles. */
const MAX_EXACT_MANTISSA = 9007199254740992;
/** Powers of ten that are exact doubles (10^0 .. 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Parses CSV data records into typed {@link CsvColumn}s without building an object per row or per cell: numeric
 * cells are parsed straight from the text's char codes into a Float64Array.
 *
 * @remarks
 * Numbers take Clinger's fast path: when the decimal mantissa fits in 2^53 and the power of ten is at most 22 in
 * magnitude, `m * 10^e` (or `m / 10^-e`) is one correctly rounded operation, hence equal to `Number(text)`. Longer
 * mantissas (e.g. 17-digit shortest round-trip output) fall back to `Number(slice)`. Everything else (quoted cells,
 * nulls, booleans, strings) goes through {@link CsvColumn.setText}.
 *
 * @example
 * ```ts
 * const columns = [new CsvColumn('y', 3), new CsvColumn('p', 3)];
 * const parser = new CsvRecordParser(columns, 44, new Set(['']), 2);
 * parser.parse('1,0.5\n0,0.25\n', true); // parser.row === 2
 * ```
 */
export class CsvRecordParser {
  /** Data records stored so far. */
  row = 0;
  /** 1-based physical line of the next record. */
  line: number;
  private quotedValue = '';
  private quotedEnd = 0;
  private quotedLineFeeds = 0;

  constructor(
    private readonly columns: readonly CsvColumn[],
    private readonly delimiter: number,
    private readonly nulls: ReadonlySet<string>,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  /**
   * Parses the complete records of `text` (which starts at a record boundary).
   * @param text - a piece of the CSV text
   * @param last - whether the text runs to the end of the input
   * @returns the index where the first incomplete record starts (`text.length` when none); always `text.length`
   * when `last`
   * @throws InputOutputError `corrupt_file` naming the line of a record with the wrong number of fields, or of a bad
   * quoted field
   */
  parse(text: string, last: boolean): number {
    const s = text;
    const n = s.length;
    const columns = this.columns;
    const width = columns.length;
    const delimiter = this.delimiter;
    const nulls = this.nulls;
    let i = 0;
    let row = this.row;
    let line = this.line;
    while (i < n) {
      let c = s.charCodeAt(i);
      if (c === LF || c === CR) {
        // Blank line: skipped, as pandas does.
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      const recordStart = i;
      const recordLine = line;
      let col = 0;
      for (;;) {
        if (col === width) this.raggedRecord(s, recordStart, recordLine);
        const column = columns[col];
        c = i < n ? s.charCodeAt(i) : -1;
        if (c === QUOTE) {
          if (!this.readQuoted(s, i, last, recordLine)) {
            this.row = row;
            this.line = recordLine;
            return recordStart;
          }
          column.setText(row, this.quotedValue, nulls);
          line += this.quotedLineFeeds;
          i = this.quotedEnd;
          c = i < n ? s.charCodeAt(i) : -1;
          if (c !== delimiter && c !== LF && c !== CR && c !== -1) {
            throw new InputOutputError('corrupt_file', `CSV line ${line}: unexpected text after a closing quote.`);
          }
        } else if (column.kind === NUMBER_KIND) {
          // Fused scan + parse of [+-]digits[.digits][(e|E)[+-]digits]; charCodeAt past the end gives NaN.
          let j = i;
          let ch = c;
          let negative = false;
          if (ch === MINUS) {
            negative = true;
            ch = s.charCodeAt(++j);
          } else if (ch === PLUS) {
            ch = s.charCodeAt(++j);
          }
          let mantissa = 0;
          let digits = 0;
          let exponent = 0;
          while (ch >= ZERO && ch <= NINE) {
            mantissa = mantissa * 10 + (ch - ZERO);
            digits++;
            ch = s.charCodeAt(++j);
          }
          if (ch === DOT) {
            ch = s.charCodeAt(++j);
            while (ch >= ZERO && ch <= NINE) {
              mantissa = mantissa * 10 + (ch - ZERO);
              digits++;
              exponent--;
              ch = s.charCodeAt(++j);
            }
          }
          let ok = digits > 0;
          if (ok && (ch === LOWER_E || ch === UPPER_E)) {
            ch = s.charCodeAt(++j);
            let negativeExponent = false;
            if (ch === MINUS) {
              negativeExponent = true;
              ch = s.charCodeAt(++j);
            } else if (ch === PLUS) {
              ch = s.charCodeAt(++j);
            }
            let e = 0;
            let exponentDigits = 0;
            while (ch >= ZERO && ch <= NINE) {
              if (e < 1e6) e = e * 10 + (ch - ZERO);
              exponentDigits++;
              ch = s.charCodeAt(++j);
            }
            ok = exponentDigits > 0;
            exponent += negativeExponent ? -e : e;
          }
          if (ok && (ch === delimiter || ch === LF || ch === CR || j >= n)) {
            let value: number;
            if (mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
              value = exponent < 0 ? mantissa / EXACT_POWERS_OF_TEN[-exponent] : mantissa * EXACT_POWERS_OF_TEN[exponent];
              if (negative) value = -value;
            } else {
              value = Number(s.slice(i, j));
            }
            (column.numbers as Float64Array)[row] = value;
            i = j;
            c = j < n ? ch : -1;
          } else {
            i = this.unquotedCell(s, i, column, row);
            c = i < n ? s.charCodeAt(i) : -1;
          }
        } else {
          i = this.unquotedCell(s, i, column, row);
          c = i < n ? s.charCodeAt(i) : -1;
        }
        col++;
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === -1 && !last) {
          this.row = row;
          this.line = recordLine;
          return recordStart;
        }
        if (c === CR) i++;
        if (i < n && s.charCodeAt(i) === LF) i++;
        line++;
        break;
      }
      if (col !== width) this.raggedRecord(s, recordStart, recordLine);
      row++;
    }
    this.row = row;
    this.line = line;
    return n;
  }

  /** Reads an unquoted cell through the general path; returns the index of its terminator. */
  private unquotedCell(s: string, i: number, column: CsvColumn, row: number): number {
    const n = s.length;
    const delimiter = this.delimiter;
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === delimiter || c === LF || c === CR) break;
      j++;
    }
    const text = s.slice(i, j);
    if (column.kind === STRING_KIND && !this.nulls.has(text) && text.length > 0 && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) {
      column.setString(row, text);
    } else {
      column.setText(row, text, this.nulls);
    }
    return j;
  }

  /** Reads the quoted cell at `i` into `quotedValue`/`quotedEnd`; false when the text ends first and more follows. */
  private readQuoted(s: string, i: number, last: boolean, recordLine: number): boolean {
    let value = '';
    let from = i + 1;
    let lineFeeds = 0;
    for (;;) {
      const q = s.indexOf('"', from);
      if (q === -1) {
        if (!last) return false;
        throw new InputOutputError(
          'corrupt_file',
          `CSV line ${recordLine}: a quoted field is never closed (the input ends inside it; is the file truncated?).`,
        );
      }
      lineFeeds += countLineFeeds(s, from, q);
      if (s.charCodeAt(q + 1) === QUOTE) {
        value += s.slice(from, q + 1);
        from = q + 2;
        continue;
      }
      this.quotedValue = value + s.slice(from, q);
      this.quotedEnd = q + 1;
      this.quotedLineFeeds = lineFeeds;
      return true;
    }
  }

  private raggedRecord(s: string, recordStart: number, recordLine: number): never {
    const found = splitCsvRecord(s, recordStart, this.delimiter, recordLine).fields.length;
    const names = this.columns.map((column) => column.name);
    throw new InputOutputError(
      'corrupt_file',
      `CSV line ${recordLine} has ${found} field${found === 1 ? '' : 's'}, but the header has ${names.length} ` +
        `(${names.join(', ')}); every row needs the same number of fields (quote values that contain the delimiter).`,
    );
  }
}
