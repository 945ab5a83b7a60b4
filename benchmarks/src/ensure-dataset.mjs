import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
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

/** Rows per record batch of the `.arrows` benchmark streams: the batch size `modelperf generate` uses for streams. */
export const streamBatchRows = 2 ** 20;

/**
 * Makes sure `dataDir` holds the seeded binary Arrow IPC *stream* (`.arrows`) of `rows` rows, in record batches of
 * {@link streamBatchRows} rows: the input of the streamed modes (`--stream`, `--curve-mode binned`). Same rows, same
 * generator options and same sidecar check as {@link ensureBinaryDataset}; only the container differs.
 *
 * @remarks
 * The whole table is generated in memory (about 14 bytes a row: 1.4 GB at 1e8) and written with
 * `RecordBatchStreamWriter`, whose messages are views of the table's buffers, so the encoded stream is never copied whole. A 1e8-row file takes about 1.4 GB of disk and
 * is reused while its sidecar matches.
 *
 * @param {object} args - as for {@link ensureBinaryDataset}, with `RecordBatchStreamWriter` and `Table` from apache-arrow
 * @param {number} args.rows
 * @param {string} args.dataDir
 * @param {(options: object) => unknown} args.binaryPredictionsTable
 * @param {(table: unknown, type: 'file') => Uint8Array} args.tableToIPC - for the fingerprint
 * @param {{ RecordBatchStreamWriter: Function, Table: Function }} args.arrow - apache-arrow classes
 * @param {(message: string) => void} [args.log]
 * @returns {Promise<{ path: string, bytes: number, generated: boolean, options: object, batchRows: number }>}
 * @example
 * const { path } = await ensureBinaryStream({ rows: 1e7, dataDir, binaryPredictionsTable, tableToIPC, arrow });
 */
export async function ensureBinaryStream({ rows, dataDir, binaryPredictionsTable, tableToIPC, arrow, log = () => {} }) {
  const options = { rows, ...datasetOptions };
  const path = join(dataDir, `binary-${rows}-seed${options.seed}.arrows`);
  const sidecarPath = `${path}.json`;
  const fingerprint = sha256(tableToIPC(binaryPredictionsTable({ ...options, rows: 1000 }), 'file'));
  const wanted = {
    generator: 'binaryPredictionsTable',
    format: 'arrow-ipc-stream',
    batch_rows: streamBatchRows,
    options,
    fingerprint,
  };

  if (existsSync(path) && existsSync(sidecarPath)) {
    const recorded = readJson(sidecarPath);
    const { bytes, ...rest } = recorded ?? {};
    if (recorded && JSON.stringify(rest) === JSON.stringify(wanted) && statSync(path).size === bytes) {
      return { path, bytes, generated: false, options, batchRows: streamBatchRows };
    }
  }

  mkdirSync(dataDir, { recursive: true });
  log(`generating ${path} (${rows} rows, batches of ${streamBatchRows})`);
  const started = performance.now();
  const table = binaryPredictionsTable(options);
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  let bytes = 0;
  try {
    // The writer queues each message's buffers as views of the table's arrays (no copies), so queueing every batch
    // before draining costs little beyond the table itself.
    const writer = new arrow.RecordBatchStreamWriter();
    for (let at = 0; at < table.numRows; at += streamBatchRows) {
      for (const batch of table.slice(at, Math.min(table.numRows, at + streamBatchRows)).batches) writer.write(batch);
    }
    writer.finish();
    for await (const chunk of writer) bytes += writeAll(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  writeFileSync(sidecarPath, `${JSON.stringify({ ...wanted, bytes }, null, 2)}\n`);
  log(`  ${(bytes / 2 ** 20).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms`);
  return { path, bytes, generated: true, options, batchRows: streamBatchRows };
}

/**
 * Makes sure the raw little-endian column files of an Arrow file lie next to it, for the scikit-learn script (which
 * has no pyarrow): `<file>.label.i8` (int8) and `<file>.score.f64` (float64), the very `label` and `score` buffers of
 * the generated table. Rewritten when missing, of the wrong size, or older than the Arrow file.
 *
 * @param {object} args
 * @param {string} args.file - the Arrow IPC file (one batch, as `ensureBinaryDataset` writes)
 * @param {number} args.rows
 * @param {(bytes: Uint8Array) => { getChild(name: string): { toArray(): ArrayLike<number> } | null }} args.tableFromIPC
 * @param {(message: string) => void} [args.log]
 * @returns {{ prefix: string, label: string, score: string, written: boolean }}
 * @example
 * const { prefix } = ensureRawColumns({ file, rows: 1e7, tableFromIPC });
 */
export function ensureRawColumns({ file, rows, tableFromIPC, log = () => {} }) {
  const label = `${file}.label.i8`;
  const score = `${file}.score.f64`;
  const fresh = (path, size) => existsSync(path) && statSync(path).size === size && statSync(path).mtimeMs >= statSync(file).mtimeMs;
  if (fresh(label, rows) && fresh(score, rows * 8)) return { prefix: file, label, score, written: false };
  const table = tableFromIPC(readFileSync(file));
  const columns = { label: table.getChild('label')?.toArray(), score: table.getChild('score')?.toArray() };
  if (!(columns.label instanceof Int8Array) || !(columns.score instanceof Float64Array) || columns.label.length !== rows) {
    throw new Error(`${file}: expected ${rows} rows with an Int8 \`label\` and a Float64 \`score\``);
  }
  log(`writing ${label} and ${score} for scikit-learn`);
  for (const [path, array] of [[label, columns.label], [score, columns.score]]) {
    const temporary = `${path}.tmp-${process.pid}`;
    // Typed arrays are in the platform's byte order; every platform Node runs the benchmarks on is little-endian.
    writeFileSync(temporary, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    renameSync(temporary, path);
  }
  return { prefix: file, label, score, written: true };
}

function writeAll(fd, chunk) {
  for (let offset = 0; offset < chunk.byteLength; ) offset += writeSync(fd, chunk, offset, chunk.byteLength - offset);
  return chunk.byteLength;
}
