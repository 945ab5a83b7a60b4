import { Field, makeData, RecordBatch, Schema, Struct } from 'apache-arrow';
import { InputOutputError, ValidationError } from '../../errors.js';
import { CsvColumn, CsvKind } from '../csv-column.js';
import { CsvRecordParser } from '../csv-record-parser.js';
import { type CsvReadOptions, DEFAULT_CSV_NULL_VALUES } from '../read-csv-bytes.js';
import { splitCsvRecord } from '../split-csv-record.js';
import type { ByteReader } from './byte-source.js';
import { readCsvHeader as readHeader } from '../read-csv-header.js';
import type { OpenedBatches } from './read-arrow-stream-batches.js';

/** Bytes read per CSV piece (one record batch per piece) unless `pieceBytes` says otherwise. */
const DEFAULT_PIECE_BYTES = 32 * 1024 * 1024;

const KIND_NAMES: Readonly<Record<number, string>> = { 0: 'empty', 1: 'numbers', 2: 'booleans', 3: 'text' };

/**
 * Reads CSV with a header row one piece at a time (default 32 MiB; {@link CsvReadOptions.pieceBytes}), each piece
 * one record batch, with the same parser, type rules and messages as {@link readCsvBytes}.
 *
 * @remarks
 * Pieces end at record boundaries (a quoted field may span pieces: the unfinished record moves on to the next
 * piece). Column types are inferred from the first piece and then kept: a later cell that does not fit (text in a
 * number column, a number in a boolean column, text or booleans in a column that held only nulls so far, read as
 * numbers) fails with `corrupt_file` naming the line, since the batches already handed out cannot change type.
 * Each string column's dictionary is per batch.
 *
 * @param source - the CSV bytes (decompressed)
 * @param options - delimiter, null spellings and piece size
 * @returns the schema (from the first piece, which is parsed on open) and the batches
 * @throws ValidationError `empty_input` without a header; InputOutputError `corrupt_file` as readCsvBytes does,
 * and for a type change after the first piece
 * @example
 * ```ts
 * const { batches } = await readCsvBatches(new ByteSource(createReadStream('preds.csv')));
 * ```
 */
export async function readCsvBatches(source: ByteReader, options: CsvReadOptions = {}): Promise<OpenedBatches> {
  const delimiterText = options.delimiter ?? ',';
  if (delimiterText.length !== 1 || '"\r\n'.includes(delimiterText)) {
    throw new ValidationError('invalid_argument', `The CSV delimiter must be one character other than a quote or line break, not ${JSON.stringify(delimiterText)}.`);
  }
  const reader = new CsvPieceReader(source, delimiterText.charCodeAt(0), new Set(options.nullValues ?? DEFAULT_CSV_NULL_VALUES), Math.max(1, options.pieceBytes ?? DEFAULT_PIECE_BYTES));
  let first: RecordBatch | undefined;
  try {
    first = await reader.next();
  } catch (error) {
    await source.close();
    throw error;
  }
  if (first === undefined) throw new ValidationError('empty_input', 'The CSV input is empty: it has no header row.');
  return { schema: first.schema, batches: csvBatches(first, reader, source), release: () => source.close() };
}

async function* csvBatches(first: RecordBatch, reader: CsvPieceReader, source: ByteReader): AsyncGenerator<RecordBatch, void, undefined> {
  try {
    if (first.numRows > 0) yield first;
    for (let batch = await reader.next(); batch !== undefined; batch = await reader.next()) yield batch;
  } finally {
    await source.close();
  }
}

class CsvPieceReader {
  done = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carry = '';
  private names: string[] | undefined;
  /** Column kinds fixed by the first batch (Unknown while a column has held only nulls). */
  private kinds: CsvKind[] | undefined;
  private line = 1;
  private started = false;

  constructor(
    private readonly source: ByteReader,
    private readonly delimiter: number,
    private readonly nulls: ReadonlySet<string>,
    private readonly pieceBytes: number,
  ) {}

  /** The next batch: the header (on the first call) is consumed; undefined at the end (or without a header). */
  async next(): Promise<RecordBatch | undefined> {
    while (!this.done) {
      const at = this.source.bytesRead;
      const bytes = await this.source.read(this.pieceBytes);
      const last = bytes.length < this.pieceBytes;
      let piece: string;
      try {
        piece = this.decoder.decode(bytes, { stream: !last });
      } catch (error) {
        throw new InputOutputError('corrupt_file', `The CSV input is not valid UTF-8 (in bytes ${at}..${at + bytes.length}).`, { cause: error });
      }
      if (!this.started) {
        this.started = true;
        if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      }
      if (last) this.done = true;
      let text = this.carry.length > 0 ? this.carry + piece : piece;
      // Parse up to the last line feed only: the parser stores a cell as soon as it ends, so a record cut inside
      // an unquoted cell would set its column's type from a fragment (`tru` for `true`).
      let rest = '';
      if (!last) {
        const cut = text.lastIndexOf('\n');
        if (cut === -1) {
          this.carry = text;
          continue;
        }
        rest = text.slice(cut + 1);
        text = text.slice(0, cut + 1);
      }
      this.carry = '';
      if (this.names === undefined) {
        const header = readHeader(text, this.delimiter, last);
        if (header === undefined) {
          if (last) return undefined;
          this.carry = text + rest;
          continue;
        }
        this.names = header.names;
        this.line = 1 + header.lineBreaks;
        text = text.slice(header.end);
      }
      const batch = this.parsePiece(text, last);
      this.carry += rest;
      if (batch !== undefined) return batch;
    }
    return undefined;
  }

  private parsePiece(text: string, last: boolean): RecordBatch | undefined {
    const names = this.names as string[];
    const capacity = countLineBreaks(text) + 1;
    const firstLine = this.line;
    const parse = (kinds: readonly CsvKind[] | undefined) => {
      const columns = names.map((name, k) => new CsvColumn(name, capacity, kinds?.[k]));
      const parser = new CsvRecordParser(columns, this.delimiter, this.nulls, firstLine);
      const stop = parser.parse(text, last);
      return { columns, parser, stop };
    };
    let pass = parse(this.kinds);
    if (this.kinds === undefined && pass.columns.some((column) => column.demotedAt >= 0)) {
      pass = parse(pass.columns.map((column) => column.kind));
    }
    const { columns, parser, stop } = pass;
    this.carry = stop < text.length ? text.slice(stop) : '';
    this.line = parser.line;
    // No whole record yet: wait for more text (the first batch must hold rows to infer the types from).
    if (parser.row === 0 && (!last || this.kinds !== undefined)) return undefined;
    if (this.kinds === undefined) {
      this.kinds = columns.map((column) => column.kind);
    } else {
      this.checkKinds(columns, text, firstLine);
    }
    const rows = parser.row;
    const children = columns.map((column) => column.toData(rows));
    const fields = columns.map((column, k) => new Field(column.name, children[k].type, true));
    const struct = makeData({ type: new Struct(fields), length: rows, nullCount: 0, children });
    return new RecordBatch(new Schema(fields), struct);
  }

  /** Keeps the first batch's column types: a cell that would change one is an error naming its line. */
  private checkKinds(columns: readonly CsvColumn[], text: string, firstLine: number): void {
    const kinds = this.kinds as CsvKind[];
    columns.forEach((column, k) => {
      const was = kinds[k];
      if (was === column.kind && column.demotedAt < 0) return;
      if (was === CsvKind.Unknown && column.kind === CsvKind.Number && column.demotedAt < 0) {
        kinds[k] = CsvKind.Number; // an all-null column is Float64 already
        return;
      }
      const row = column.demotedAt >= 0 ? column.demotedAt : firstNonNull(column);
      const { line, value } = this.locate(text, firstLine, row, k);
      throw new InputOutputError(
        'corrupt_file',
        `CSV line ${line}: column \`${column.name}\` holds ${JSON.stringify(value)}, but it held only ${KIND_NAMES[was]} ` +
          `in the first piece read, and the batches already read cannot change type. Read the file whole, or with a ` +
          `larger piece size, or fix the value.`,
      );
    });
  }

  /** The line and the cell text of data record `row` of a piece (only on the error path). */
  private locate(text: string, firstLine: number, row: number, column: number): { line: number; value: string } {
    let i = 0;
    let line = firstLine;
    let record = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        continue;
      }
      const split = splitCsvRecord(text, i, this.delimiter, line);
      if (record === row) return { line, value: split.fields[column] ?? '' };
      record++;
      line += split.lineBreaks;
      i = split.end;
    }
    return { line, value: '' };
  }
}

function firstNonNull(column: CsvColumn): number {
  if (column.valid === null) return 0;
  const k = column.valid.indexOf(1);
  return k === -1 ? 0 : k;
}

function countLineBreaks(text: string): number {
  let lf = 0;
  let cr = 0;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) lf++;
  for (let k = text.indexOf('\r'); k !== -1; k = text.indexOf('\r', k + 1)) cr++;
  return Math.max(lf, cr);
}
