import { defineConfig } from 'tsup';

// Runtime-loaded optional parts stay external (they are this package's dependencies, resolved at run time);
// the other dependencies are external too (tsup's default), so @fastify/swagger-ui finds its static assets.
export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: [/^@tensorflow\//, 'parquet-wasm'],
});
