// Pure I/O: runs in Node and in browsers. Node-only readers and writers live in ./node.ts.
export { type ArrowIpcExtent, type ArrowIpcLayout, checkArrowIpc, type CheckArrowIpcOptions } from './check-arrow-ipc.js';
export { encodeTable } from './encode-table.js';
export { gunzipBytes, isGzip } from './gunzip-bytes.js';
export {
  detectInputFormat,
  INPUT_FILE_EXTENSIONS,
  INPUT_FORMAT_NAMES,
  type InputFormat,
  type InputFormatName,
} from './input-format.js';
export { loadParquetWasm, type ParquetWasm } from './load-parquet-wasm.js';
export { readArrowBytes } from './read-arrow-bytes.js';
export { type CsvReadOptions, DEFAULT_CSV_NULL_VALUES, readCsvBytes } from './read-csv-bytes.js';
export { readParquetBytes } from './read-parquet-bytes.js';
export { readTableBytes, type ReadTableBytesOptions } from './read-table-bytes.js';
export { type CsvWriteOptions, writeCsvBytes } from './write-csv-bytes.js';
export { type ParquetWriteOptions, writeParquetBytes } from './write-parquet-bytes.js';
export { checkSameSchema } from './stream/check-same-schema.js';
