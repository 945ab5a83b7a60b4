import { defineConfig } from 'tsup';

export default defineConfig({
  // The sort worker is its own file, loaded by URL beside node.js.
  entry: { index: 'src/index.ts', node: 'src/node.ts', 'sort-worker': 'src/kernels/node/sort-worker.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Optional accelerators: loaded at run time only when installed.
  external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu'],
});
