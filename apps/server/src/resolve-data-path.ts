import { realpath } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { HttpError } from './http-error.js';

/**
 * Resolves a client-given path inside the data directory, refusing any way out: absolute paths, `..` segments and
 * symbolic links whose target lies outside (checked on the real paths).
 *
 * @param dataDir - the data directory
 * @param path - the relative path from the request
 * @returns the real path of the file
 * @throws HttpError 403 `forbidden_path` for a path leaving the directory; 404 `file_not_found` for a missing file
 * @example
 * ```ts
 * await resolveDataPath('/srv/data', 'runs/preds.parquet'); // '/srv/data/runs/preds.parquet'
 * ```
 */
export async function resolveDataPath(dataDir: string, path: string): Promise<string> {
  if (path === '' || path.includes('\0')) throw new HttpError(400, 'invalid_argument', '`path` must be a non-empty relative path.');
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.split(/[\\/]/).includes('..')) {
    throw new HttpError(403, 'forbidden_path', `The path \`${path}\` leaves the data directory; give a path relative to it without \`..\`.`);
  }
  const root = await realpath(dataDir);
  let real: string;
  try {
    real = await realpath(join(root, path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HttpError(404, 'file_not_found', `No file \`${path}\` in the data directory.`);
    throw error;
  }
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    throw new HttpError(403, 'forbidden_path', `The path \`${path}\` leads outside the data directory (through a symbolic link).`);
  }
  return real;
}
