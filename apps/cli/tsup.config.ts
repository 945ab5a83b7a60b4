import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { bin: 'src/bin.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { cli: 'src/cli.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['@modelperf/core', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
});
