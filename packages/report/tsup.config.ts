import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The chart renderers are loaded on first use, so `modelperf evaluate` does not pay for them at start.
  external: ['vega', 'vega-lite', '@resvg/resvg-js', '@modelperf/core'],
});
