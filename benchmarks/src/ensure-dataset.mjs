import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Generator options of every benchmark data set; only `rows` varies. Changing one regenerates the files. */
export const datasetOptions = Object.freeze({ seed: 42, prevalence: 0.2, separation: 2.9, roundedShare: 0.3, roundedDigits: 3 });

/**
 * Makes sure `dataDir` holds the seeded binary Arrow IPC file of `rows` rows, generating it only when it is missing or
 * was made with other options or another generator.
 *
 * @remarks
 * A sidecar `<file>.json` records the options, the file size and a fingerprint: the SHA-256 of the IPC bytes of the
 * first 1,000 rows. The generator draws row by row, so those rows do not depend on `rows`; a generator change alters
 * the fingerprint and the file is remade. Files are written to a temporary name and renamed, so an interrupted run
 * never leaves a truncated file that looks valid.
 *
 * @param {object} args
 * @param {number} args.rows - number of rows
 * @param {string} args.dataDir - folder of the data files (created if needed)
 * @param {(options: object) => unknown} args.binaryPredictionsTable - table generator from `@modelperf/core`
 * @param {(table: unknown, type: 'file') => Uint8Array} args.tableToIPC - from `apache-arrow`
 * @param {(message: string) => void} [args.log] - progress messages
 * @returns {{ path: string, bytes: number, generated: boolean, options: object }}
 * @example
 * const { path } = ensureBinaryDataset({ rows: 1e6, dataDir: 'benchmarks/data', binaryPredictionsTable, tableToIPC });
 */
export function ensureBinaryDataset({ rows, dataDir, binaryPredictionsTable, tableToIPC, log = () => {} }) {
  const options = { rows, ...datasetOptions };
  const path = join(dataDir, `binary-${rows}-seed${options.seed}.arrow`);
  const sidecarPath = `${path}.json`;
  const fingerprint = sha256(tableToIPC(binaryPredictionsTable({ ...options, rows: 1000 }), 'file'));
  const wanted = { generator: 'binaryPredictionsTable', format: 'arrow-ipc-file', options, fingerprint };

  if (existsSync(path) && existsSync(sidecarPath)) {
    const recorded = readJson(sidecarPath);
    const { bytes, ...rest } = recorded ?? {};
    if (recorded && JSON.stringify(rest) === JSON.stringify(wanted) && statSync(path).size === bytes) {
      return { path, bytes, generated: false, options };
    }
  }

  mkdirSync(dataDir, { recursive: true });
  log(`generating ${path} (${rows} rows)`);
  const started = performance.now();
  const ipc = tableToIPC(binaryPredictionsTable(options), 'file');
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, ipc);
  renameSync(temporary, path);
  writeFileSync(sidecarPath, `${JSON.stringify({ ...wanted, bytes: ipc.byteLength }, null, 2)}\n`);
  log(`  ${(ipc.byteLength / 2 ** 20).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms`);
  return { path, bytes: ipc.byteLength, generated: true, options };
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
