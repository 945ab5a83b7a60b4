import { describe, expect, it } from 'vitest';
import { InputOutputError } from '../../src/errors.js';
import { detectInputFormat, INPUT_FILE_EXTENSIONS, INPUT_FORMAT_NAMES } from '../../src/io/input-format.js';

function catchError(fn: () => unknown): InputOutputError {
  try {
    fn();
  } catch (error) {
    return error as InputOutputError;
  }
  throw new Error('expected an error');
}

describe('detectInputFormat', () => {
  it('maps every accepted extension, in any letter case', () => {
    const cases: Array<[string, string]> = [
      ['preds.arrow', 'arrow'], ['preds.feather', 'arrow'], ['preds.ipc', 'arrow'], ['preds.arrows', 'arrows'],
      ['preds.parquet', 'parquet'], ['preds.pq', 'parquet'], ['preds.csv', 'csv'], ['preds.csv.gz', 'csv'],
      ['/data/run.1/PREDS.PARQUET', 'parquet'], ['x.Feather', 'arrow'],
    ];
    for (const [path, format] of cases) expect(detectInputFormat(path), path).toBe(format);
  });

  it('lets an override win over the extension, with feather and ipc as aliases of arrow', () => {
    expect(detectInputFormat('preds.txt', 'csv')).toBe('csv');
    expect(detectInputFormat('preds.csv', 'parquet')).toBe('parquet');
    expect(detectInputFormat('blob', 'feather')).toBe('arrow');
    expect(detectInputFormat('blob', 'IPC')).toBe('arrow');
    expect(detectInputFormat('blob', 'arrows')).toBe('arrows');
    expect(INPUT_FORMAT_NAMES).toEqual(['arrow', 'arrows', 'feather', 'ipc', 'parquet', 'csv']);
  });

  it('rejects an unknown extension, listing the accepted ones and suggesting --input-format', () => {
    const error = catchError(() => detectInputFormat('preds.json'));
    expect(error).toBeInstanceOf(InputOutputError);
    expect(error.code).toBe('unknown_format');
    for (const ext of INPUT_FILE_EXTENSIONS) expect(error.message).toContain(ext);
    expect(error.message).toContain('--input-format');
    expect(error.message).toContain('preds.json');
  });

  it('rejects an unknown override and inherited object keys', () => {
    expect(catchError(() => detectInputFormat('a.csv', 'json')).code).toBe('unknown_format');
    expect(catchError(() => detectInputFormat('a.csv', 'toString')).code).toBe('unknown_format');
  });
});
