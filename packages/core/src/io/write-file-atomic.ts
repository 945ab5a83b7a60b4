import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputOutputError } from '../errors.js';

/**
 * Writes a file atomically: readers see either the old file or the complete new one, never a partial write. Node only.
 *
 * @remarks
 * Writes a temporary file in the same directory (so the rename stays on one file system), flushes it to disk
 * (`fsync`), renames it over `path`, then flushes the directory entry where the platform allows. On any error the
 * temporary file is removed and `path` is left untouched.
 *
 * @param path - the file to create or replace
 * @param data - text (written as UTF-8) or bytes
 * @returns when the file is in place
 * @throws InputOutputError `io_error` naming the path and the cause (a folder of the path is a file, permissions, full disk)
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readFileSync } from 'node:fs';
 * import { writeFileAtomic } from '@modelperf/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'modelperf-')), 'report.json');
 * await writeFileAtomic(path, '{"rows":3}\n'); // readers see the old file or the whole new one, never a part
 * console.log(readFileSync(path, 'utf8').trim()); // {"rows":3}
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // A missing output folder is created, as `mkdir -p` would (`--out reports/today/report.html` just works).
    await mkdir(directory, { recursive: true });
    handle = await open(temporary, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    const text = error instanceof Error ? error.message : String(error);
    throw new InputOutputError('io_error', `Cannot write ${path}: ${text}`, { cause: error });
  }
  await syncDirectory(directory);
}

/** Flushes a directory entry so that a rename survives a crash; not possible on every platform (Windows), so best effort. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the rename is best effort; the data itself is already synced.
  }
}
