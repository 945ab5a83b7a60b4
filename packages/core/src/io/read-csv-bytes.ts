// CSV parser: hand-written, because the measured libraries miss the speed and memory targets.
// 1e7 rows x 2 numeric columns (label 0/1, score with ~17 significant digits; 213 MB), bytes in memory -> typed
// columns, Node 20, 2-core x86 VM (peak RSS includes the 213 MB input):
//   papaparse 5.7.1 (strings only, no typing)   32.5 s, peak RSS 2.9 GB
//   d3-dsv 3.0.2 csvParseRows (strings only)     12.3 s, peak RSS 2.7 GB
//   udsv 0.7.3 typedCols (infers types from the first rows only; JS arrays out)   4.3 s, peak RSS 0.98 GB
//   this parser (Float64 Arrow columns)           2.7 s, peak RSS 0.62 GB
//   this parser, scores written with 6 decimals (110 MB; all numbers on the exact fast path)   1.5 s, 0.44 GB
// 1e6 rows x 3 columns (int, 17-digit float, 4-value string; 30 MB): papaparse 2.8 s, csv-parse 6.2.1 2.4 s,
// d3-dsv 1.7 s, udsv 0.75 s; this parser 0.48 s (peak RSS 0.15 GB).
// Every library needs the whole input as one JS string (V8 caps strings at ~512 MB) and builds an array per row;
// this parser decodes the bytes in 32 MB pieces and writes numbers straight into Float64Arrays.
import { Field, makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { InputOutputError, ValidationError } from '../errors.js';
import { CsvColumn, type CsvKind } from './csv-column.js';
import { CsvRecordParser } from './csv-record-parser.js';
import { readCsvHeader as readHeader } from './read-csv-header.js';

/** Cells read as null in every column (compared after trimming spaces), as pandas' defaults minus the rarest. */
export const DEFAULT_CSV_NULL_VALUES: readonly string[] = [
  '', 'NA', 'N/A', 'n/a', 'NaN', 'nan', '-NaN', '-nan', 'null', 'NULL', 'None', '<NA>', '#N/A',
];

/** Options for {@link readCsvBytes}. */
export interface CsvReadOptions {
  /** Field delimiter, one character (default `,`; `\t` for TSV). */
  readonly delimiter?: string;
  /** Cells read as null (default {@link DEFAULT_CSV_NULL_VALUES}). */
  readonly nullValues?: readonly string[];
  /** Bytes decoded into one JS string at a time (default 32 MiB); tests use small pieces to cross boundaries. */
  readonly pieceBytes?: number;
}

/** Bytes decoded per piece: bounds the size of each JS string. */
const DEFAULT_PIECE_BYTES = 32 * 1024 * 1024;

/**
 * Parses CSV text (UTF-8 bytes or a string) with a header row into an Arrow Table with typed columns.
 *
 * @remarks
 * Each column's type is inferred from all its cells: numbers -> Float64, `true`/`false` (any case) -> Bool,
 * anything else -> Dictionary<Int32, Utf8>. Null cells ({@link CsvReadOptions.nullValues}) are nulls in any type;
 * a column of only nulls is Float64. Numbers are decimal (`-1.5e-3`, `.5`, `inf`), parsed exactly as `Number()`
 * does. Quoting follows RFC 4180 (quoted fields may hold delimiters, `""` and line breaks); blank lines are
 * skipped; `\n`, `\r\n` line breaks and a UTF-8 byte order mark are accepted. Empty header names become
 * `Unnamed: <index>` and repeated names get `.1`, `.2` suffixes, as pandas does. A column that turns out not to be
 * numeric after numbers were stored is re-read in a second pass, so the first pass never keeps cell text.
 *
 * Truncation is caught when it leaves a short last row or an open quote; a cut that falls exactly at a line break,
 * or inside the last number of the file, cannot be told from a complete file.
 *
 * @param input - UTF-8 bytes or text
 * @param options - delimiter and null spellings
 * @returns a single-chunk table: one record batch holding every row
 * @throws ValidationError `empty_input` when there is no header; InputOutputError `corrupt_file` naming the line of
 * a row with a different number of fields than the header, of a quoted field that never closes, or invalid UTF-8
 * @example
 * ```ts
 * import { readCsvBytes } from '@modelperf/core';
 * const table = readCsvBytes('y,p\n0,0.2\n1,0.9\n1,\n');
 * console.log(table.numRows, table.getChild('p')?.nullCount); // 3 1
 * ```
 * @see pandas.read_csv
 */
export function readCsvBytes(input: Uint8Array | string, options: CsvReadOptions = {}): Table {
  const delimiterText = options.delimiter ?? ',';
  if (delimiterText.length !== 1 || '"\r\n'.includes(delimiterText)) {
    throw new ValidationError('invalid_argument', `The CSV delimiter must be one character other than a quote or line break, not ${JSON.stringify(delimiterText)}.`);
  }
  if (typeof input !== 'string' && input.length >= 2 && input[0] === 0x1f && input[1] === 0x8b) {
    throw new InputOutputError('corrupt_file', 'The CSV input is gzip-compressed; decompress it first (readTableBytes does).');
  }
  const delimiter = delimiterText.charCodeAt(0);
  const nulls = new Set(options.nullValues ?? DEFAULT_CSV_NULL_VALUES);
  const capacity = countLineBreaks(input) + 1;
  const pieceBytes = Math.max(1, options.pieceBytes ?? DEFAULT_PIECE_BYTES);
  let pass = parseCsv(input, delimiter, nulls, capacity, pieceBytes, undefined);
  if (pass.columns.some((column) => column.demotedAt >= 0)) {
    const kinds = pass.columns.map((column) => column.kind);
    pass = parseCsv(input, delimiter, nulls, capacity, pieceBytes, kinds);
  }
  const { columns, rows } = pass;
  const children = columns.map((column) => column.toData(rows));
  const fields = columns.map((column, k) => new Field(column.name, children[k].type, true));
  const struct = makeData({ type: new Struct(fields), length: rows, nullCount: 0, children });
  return new Table([new RecordBatch(new Schema(fields), struct)]);
}

interface CsvPass {
  readonly columns: CsvColumn[];
  readonly rows: number;
}

function parseCsv(
  input: Uint8Array | string,
  delimiter: number,
  nulls: ReadonlySet<string>,
  capacity: number,
  pieceBytes: number,
  kinds: readonly CsvKind[] | undefined,
): CsvPass {
  let parser: CsvRecordParser | undefined;
  let columns: CsvColumn[] = [];
  let carry = '';
  for (const { text: piece, last } of csvPieces(input, pieceBytes)) {
    let text = carry.length > 0 ? carry + piece : piece;
    if (parser === undefined) {
      const header = readHeader(text, delimiter, last);
      if (header === undefined) {
        carry = text;
        continue;
      }
      columns = header.names.map((name, k) => new CsvColumn(name, capacity, kinds?.[k]));
      parser = new CsvRecordParser(columns, delimiter, nulls, 1 + header.lineBreaks);
      text = text.slice(header.end);
    }
    const stop = parser.parse(text, last);
    carry = stop < text.length ? text.slice(stop) : '';
  }
  if (parser === undefined) {
    throw new ValidationError('empty_input', 'The CSV input is empty: it has no header row.');
  }
  return { columns, rows: parser.row };
}

/** The input as text pieces that each end at a line break (the last one at the input's end). */
function* csvPieces(input: Uint8Array | string, pieceBytes: number): Generator<{ text: string; last: boolean }> {
  if (typeof input === 'string') {
    yield { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, last: true };
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const n = input.length;
  let at = n >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  if (at === n) yield { text: '', last: true };
  while (at < n) {
    let cut = Math.min(n, at + pieceBytes);
    if (cut < n) {
      // A line feed byte never occurs inside a multi-byte UTF-8 sequence, so cutting after one is safe.
      const back = input.lastIndexOf(0x0a, cut - 1);
      if (back >= at) cut = back + 1;
      else {
        const forward = input.indexOf(0x0a, cut);
        cut = forward === -1 ? n : forward + 1;
      }
    }
    let text: string;
    try {
      text = decoder.decode(input.subarray(at, cut));
    } catch (error) {
      throw new InputOutputError('corrupt_file', `The CSV input is not valid UTF-8 (in bytes ${at}..${cut}).`, { cause: error });
    }
    yield { text, last: cut === n };
    at = cut;
  }
}

/**
 * Counts line breaks, as the larger of the `\n` and `\r` counts (files end lines with `\n`, `\r\n` or, rarely,
 * `\r`): an upper bound on the number of records, used to size the column buffers once.
 */
function countLineBreaks(input: Uint8Array | string): number {
  if (typeof input === 'string') return Math.max(countOccurrences(input, '\n'), countOccurrences(input, '\r'));
  return Math.max(countBytes(input, 0x0a), countBytes(input, 0x0d));
}

function countOccurrences(text: string, char: string): number {
  let count = 0;
  for (let k = text.indexOf(char); k !== -1; k = text.indexOf(char, k + 1)) count++;
  return count;
}

function countBytes(bytes: Uint8Array, byte: number): number {
  let count = 0;
  for (let k = bytes.indexOf(byte); k !== -1; k = bytes.indexOf(byte, k + 1)) count++;
  return count;
}
