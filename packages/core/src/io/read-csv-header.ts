import { splitCsvRecord } from './split-csv-record.js';

/** A CSV header: column names (blank and repeated ones renamed as pandas does), where it ends, its line breaks. */
export interface CsvHeader {
  readonly names: string[];
  readonly end: number;
  readonly lineBreaks: number;
}

/**
 * Reads the header record after any blank lines; shared by the whole-input and the streaming CSV readers.
 * @param text - the start of the input
 * @param delimiter - the delimiter's char code
 * @param last - whether `text` is the whole input (a cut record is then an error, not "wait for more")
 * @returns the header, or undefined when the text holds no complete header yet
 * @example
 * ```ts
 * readCsvHeader('a,b,a\n1,2,3\n', 44, true)?.names; // ['a', 'b', 'a.1']
 * ```
 */
export function readCsvHeader(text: string, delimiter: number, last: boolean): CsvHeader | undefined {
  let start = 0;
  let blank = 0;
  while (start < text.length && (text.charCodeAt(start) === 10 || text.charCodeAt(start) === 13)) {
    if (text.charCodeAt(start) === 10) blank++;
    start++;
  }
  if (start === text.length) return undefined;
  let record;
  try {
    record = splitCsvRecord(text, start, delimiter, blank + 1);
  } catch (error) {
    if (!last) return undefined;
    throw error;
  }
  const seen = new Map<string, number>();
  const names = record.fields.map((raw, k) => {
    const base = raw.trim() === '' ? `Unnamed: ${k}` : raw;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}.${count}`;
  });
  return { names, end: record.end, lineBreaks: blank + record.lineBreaks };
}
