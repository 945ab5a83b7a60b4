import { InputOutputError } from '../errors.js';

/** An Arrow table held in parquet-wasm's WebAssembly memory. */
export interface WasmArrowTable {
  /** Serialises the table to an Arrow IPC stream in JS memory and frees the wasm copy. */
  intoIPCStream(): Uint8Array;
  free(): void;
}

/** The part of parquet-wasm's API modelperf uses. */
export interface ParquetWasm {
  readParquet(bytes: Uint8Array, options?: { batchSize?: number; columns?: string[] }): WasmArrowTable;
  writeParquet(table: WasmArrowTable, properties?: unknown): Uint8Array;
  readonly Table: { fromIPCStream(bytes: Uint8Array): WasmArrowTable };
  readonly WriterPropertiesBuilder: new () => {
    setCompression(codec: number): { build(): unknown };
  };
  readonly Compression: { readonly SNAPPY: number; readonly ZSTD: number; readonly UNCOMPRESSED: number };
}

let loading: Promise<ParquetWasm> | undefined;

/**
 * Loads parquet-wasm once, on first use, so that runs that never touch Parquet do not pay for compiling its 5 MB of
 * WebAssembly.
 *
 * @remarks
 * Under Node the package's CommonJS build instantiates the module when imported. Elsewhere (browsers, bundlers) the
 * ESM build exports an `init` function as default, which fetches `parquet_wasm_bg.wasm` next to the module; it is
 * awaited here. A failed load is not cached, so a later call retries.
 *
 * @returns the parquet-wasm API
 * @throws InputOutputError `io_error` when parquet-wasm cannot be loaded
 * @example
 * ```ts
 * const pw = await loadParquetWasm();
 * const ipc = pw.readParquet(bytes).intoIPCStream();
 * ```
 */
export function loadParquetWasm(): Promise<ParquetWasm> {
  loading ??= importParquetWasm().catch((error: unknown) => {
    loading = undefined;
    throw new InputOutputError(
      'io_error',
      `Parquet support could not be loaded (parquet-wasm): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });
  return loading;
}

async function importParquetWasm(): Promise<ParquetWasm> {
  const mod = (await import('parquet-wasm')) as unknown as Partial<ParquetWasm> & { default?: unknown };
  if (typeof mod.readParquet === 'function') {
    if (typeof mod.default === 'function') await (mod.default as () => Promise<unknown>)();
    return mod as ParquetWasm;
  }
  // A CommonJS namespace whose named exports were not detected: the API sits on `default`.
  const api = mod.default as Partial<ParquetWasm> | undefined;
  if (api === undefined || typeof api.readParquet !== 'function') throw new Error('unexpected module shape');
  return api as ParquetWasm;
}
