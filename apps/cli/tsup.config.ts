import { defineConfig } from 'tsup';

// Runtime-loaded optional parts stay external (they are this package's dependencies, resolved at run time): the
// TensorFlow.js backends and parquet-wasm, and the chart renderers (vega, vega-lite, resvg), which the bundled report
// package loads on first use only. piscina finds its own worker script by path, so it cannot be bundled.
const RUNTIME_EXTERNAL = [
  'piscina', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', 'parquet-wasm',
  'vega', 'vega-lite', '@resvg/resvg-js',
];

export default defineConfig({
  // evaluate-worker sits beside cli.js: the bundled engine starts its worker threads from there.
  entry: { bin: 'src/bin.ts', cli: 'src/cli.ts', 'evaluate-worker': 'src/evaluate-worker.ts' },
  format: ['esm'],
  dts: { entry: { cli: 'src/cli.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The engine, the report renderers, apache-arrow and commander are bundled into one file: loading it takes ~0.15 s
  // less than resolving several hundred modules at every start (measured: `modelperf --version` 0.33 s -> 0.18 s).
  // @modelperf/report is bundled too: as a separate module it loaded a second copy of the engine (its dist imports
  // @modelperf/core) and apache-arrow's 158 ES modules at every start, ~0.15 s (measured).
  noExternal: [/^(?!@tensorflow\/|parquet-wasm|piscina|vega|vega-lite|@resvg\/)/],
  external: RUNTIME_EXTERNAL,
  // Bundled CommonJS (commander) calls require() for Node built-ins.
  banner: { js: "import { createRequire as __modelperfCreateRequire } from 'node:module'; const require = __modelperfCreateRequire(import.meta.url);" },
});
