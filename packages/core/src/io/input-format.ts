import { InputOutputError } from '../errors.js';

/**
 * A table file format modelperf reads: Arrow IPC file (`arrow`, also Feather v2), Arrow IPC stream (`arrows`),
 * Parquet, or CSV.
 */
export type InputFormat = 'arrow' | 'arrows' | 'parquet' | 'csv';

/**
 * The names accepted by `--input-format` (and {@link detectInputFormat}'s `override`), for commander's `.choices()`.
 * `feather` and `ipc` are aliases of `arrow` (Feather v2 is the Arrow IPC file format).
 */
export const INPUT_FORMAT_NAMES = ['arrow', 'arrows', 'feather', 'ipc', 'parquet', 'csv'] as const;

/** A name accepted by `--input-format`. */
export type InputFormatName = (typeof INPUT_FORMAT_NAMES)[number];

/** File name endings and the format each means; longest first so that `.csv.gz` wins over `.gz`. */
const EXTENSIONS: ReadonlyArray<readonly [string, InputFormat]> = [
  ['.feather', 'arrow'],
  ['.parquet', 'parquet'],
  ['.csv.gz', 'csv'],
  ['.arrows', 'arrows'],
  ['.arrow', 'arrow'],
  ['.ipc', 'arrow'],
  ['.csv', 'csv'],
  ['.pq', 'parquet'],
];

/** The file name endings {@link detectInputFormat} recognises, for help texts and messages. */
export const INPUT_FILE_EXTENSIONS: readonly string[] = EXTENSIONS.map(([ext]) => ext);

const ALIASES: Readonly<Record<InputFormatName, InputFormat>> = {
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  arrows: 'arrows',
  parquet: 'parquet',
  csv: 'csv',
};

/**
 * Tells the format of a table file from an explicit override or else from its name's extension (case-insensitive).
 *
 * @param path - the file path or name; only its ending is looked at
 * @param override - an `--input-format` value (`arrow`, `arrows`, `feather`, `ipc`, `parquet`, `csv`); wins over the
 * extension when given
 * @returns the input format
 * @throws InputOutputError `unknown_format` when the override is not an accepted name, or when there is no override
 * and the extension is not one of {@link INPUT_FILE_EXTENSIONS}
 * @example
 * ```ts
 * import { detectInputFormat } from '@modelperf/core';
 * console.log(detectInputFormat('preds.parquet'), detectInputFormat('preds.feather'), detectInputFormat('x.bin', 'csv')); // parquet arrow csv
 * ```
 */
export function detectInputFormat(path: string, override?: string): InputFormat {
  if (override !== undefined) {
    const format = (ALIASES as Record<string, InputFormat | undefined>)[override.toLowerCase()];
    if (format === undefined || !Object.hasOwn(ALIASES, override.toLowerCase())) {
      throw new InputOutputError(
        'unknown_format',
        `Unknown input format \`${override}\`; expected one of: ${INPUT_FORMAT_NAMES.join(', ')}.`,
      );
    }
    return format;
  }
  const lower = path.toLowerCase();
  for (const [ext, format] of EXTENSIONS) {
    if (lower.endsWith(ext)) return format;
  }
  throw new InputOutputError(
    'unknown_format',
    `Cannot tell the format of \`${path}\` from its extension; accepted extensions: ${INPUT_FILE_EXTENSIONS.join(', ')}. ` +
      `Pass --input-format (${INPUT_FORMAT_NAMES.join('|')}) to choose one.`,
  );
}
