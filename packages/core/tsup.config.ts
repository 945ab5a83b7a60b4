import { defineConfig } from 'tsup';

export default defineConfig({
  // evaluate-worker: the worker-thread module of parallel evaluation, loaded by path beside node.js.
  entry: { index: 'src/index.ts', node: 'src/node.ts', internal: 'src/internal.ts', 'evaluate-worker': 'src/evaluate/parallel/evaluate-worker.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Optional accelerators: loaded at run time only when installed.
  external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu'],
});
