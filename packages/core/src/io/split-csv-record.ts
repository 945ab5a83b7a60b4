import { InputOutputError } from '../errors.js';

/** One CSV record split into fields. */
export interface CsvRecord {
  readonly fields: string[];
  /** Index just past the record's line break (or the text's end). */
  readonly end: number;
  /** Line breaks consumed, including those inside quoted fields. */
  readonly lineBreaks: number;
}

/**
 * Splits the CSV record that starts at `start` into its fields (RFC 4180 quoting: `""` inside quotes is one quote;
 * quoted fields may hold delimiters and line breaks). Used for the header and for error messages; the data rows
 * go through the faster column-typed parser.
 *
 * @param text - CSV text
 * @param start - index of the record's first character
 * @param delimiter - the field delimiter's char code
 * @param line - the 1-based line the record starts on, for messages
 * @returns the fields, where the record ends, and how many line breaks it spans
 * @throws InputOutputError `corrupt_file` for a quoted field that is never closed or is followed by other text
 * @example
 * ```ts
 * splitCsvRecord('a,"b,""c"""\n1,2', 0, 44, 1).fields; // ['a', 'b,"c"']
 * ```
 */
export function splitCsvRecord(text: string, start: number, delimiter: number, line: number): CsvRecord {
  const fields: string[] = [];
  const n = text.length;
  let i = start;
  let lineBreaks = 0;
  for (;;) {
    let c = i < n ? text.charCodeAt(i) : -1;
    if (c === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          throw new InputOutputError('corrupt_file', `CSV line ${line}: a quoted field is never closed.`);
        }
        lineBreaks += countLineFeeds(text, from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      c = i < n ? text.charCodeAt(i) : -1;
      if (c !== delimiter && c !== 10 && c !== 13 && c !== -1) {
        throw new InputOutputError(
          'corrupt_file',
          `CSV line ${line + lineBreaks}: unexpected text after the closing quote of field ${fields.length}.`,
        );
      }
    } else {
      let j = i;
      while (j < n && c !== delimiter && c !== 10 && c !== 13) c = ++j < n ? text.charCodeAt(j) : -1;
      fields.push(text.slice(i, j));
      i = j;
    }
    if (c === delimiter) {
      i++;
      continue;
    }
    if (c === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    if (c !== -1) lineBreaks++;
    return { fields, end: i, lineBreaks };
  }
}

/** Counts `\n` in `text[from, to)`. */
export function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
