// A worker of worker-pool.mjs: reads its rows (Arrow IPC bytes), builds the mergeable state and posts it back with its
// typed arrays transferred.
import { parentPort, workerData } from 'node:worker_threads';
import { createState, readArrowBytes, toTransferable } from '@modelperf/core';

try {
  const table = readArrowBytes(new Uint8Array(workerData.bytes));
  const { json, transfer } = toTransferable(createState(workerData.spec).update(table));
  parentPort.postMessage({ state: json }, transfer);
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}
