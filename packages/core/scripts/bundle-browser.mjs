#!/usr/bin/env node
// Bundles the browser build of @modelperf/core (dist/index.js, the pure entry) with esbuild and measures it:
//   node scripts/bundle-browser.mjs [outdir]   writes <outdir>/modelperf.js (+ lazily loaded chunks, parquet wasm)
// and prints one JSON line: bytes of the main bundle minified and minified + gzipped, and of the lazy chunks.
// Used by test/browser/browser-bundle.test.ts and the README's bundle size.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles dist/index.js for browsers: ESM, minified, code-split so that dynamic imports (parquet-wasm) stay separate
 * chunks loaded on first use.
 * @param {string} outdir - where to write modelperf.js, its chunks and parquet_wasm_bg.wasm
 * @returns {Promise<{ main: string, minified: number, gzipped: number, lazy: Record<string, number>, inputs: string[] }>}
 */
export async function bundleBrowser(outdir) {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { modelperf: join(root, 'dist', 'index.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir,
    metafile: true,
    logLevel: 'silent',
  });
  // parquet-wasm's browser build fetches its wasm next to the module that imports it.
  const require = createRequire(join(root, 'package.json'));
  const wasm = require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
  copyFileSync(wasm, join(outdir, 'parquet_wasm_bg.wasm'));
  const main = join(outdir, 'modelperf.js');
  const bytes = readFileSync(main);
  const lazy = {};
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js') && !file.endsWith('modelperf.js')) lazy[file.split('/').pop()] = info.bytes;
  }
  return {
    main,
    minified: bytes.length,
    gzipped: gzipSync(bytes, { level: 9 }).length,
    lazy,
    inputs: Object.keys(result.metafile.inputs),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundleBrowser(process.argv[2] ?? join(root, '.tmp', 'browser'));
  const tfjs = out.inputs.filter((p) => p.includes('@tensorflow'));
  process.stdout.write(`${JSON.stringify({ minified: out.minified, gzipped: out.gzipped, lazy: out.lazy, tfjsInputs: tfjs.length })}\n`);
}
