import { readFile } from 'node:fs/promises';
import { InputOutputError, type Report } from '@modelperf/core';
import { parseReportJson } from '@modelperf/report';

/**
 * Reads the text of a saved JSON result, with errors that say how to make one.
 * @param path - the file
 * @returns its text
 * @throws InputOutputError `file_not_found` or `io_error`
 */
export async function readSavedText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputOutputError('file_not_found', `File not found: ${path}. Write a report with \`modelperf evaluate ... --format json --out ${path}\`.`, { cause: error });
    throw new InputOutputError('io_error', `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads a saved JSON report (`modelperf evaluate --format json --out result.json`).
 * @param path - the file
 * @returns the report
 * @throws InputOutputError `file_not_found`, `io_error`, or `corrupt_file` when it is not a modelperf report
 */
export async function readReportFile(path: string): Promise<Report> {
  return parseReportJson(await readSavedText(path), path);
}
