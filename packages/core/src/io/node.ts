// Node-only I/O (node:fs); re-exported from `@modelperf/core/node`, never from the pure entry point.
export { readTableFile, type ReadTableFileOptions, type TableFile } from './read-table-file.js';
export { writeFileAtomic } from './write-file-atomic.js';
export { writeTableFile } from './write-table-file.js';
export { type BatchReader, readBatches, type ReadBatchesOptions } from './stream/read-batches.js';
