#!/usr/bin/env node
// Bundles app.js with the browser build of @modelperf/core into dist/ (ESM, minified, code-split), and copies
// parquet-wasm's WebAssembly next to its chunk. Then serve this folder (node serve.mjs) and open the page.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the page's script.
 * @param {string} outdir - output folder (default: dist/ beside this file)
 * @returns {Promise<string>} the output folder
 */
export async function buildPage(outdir = join(here, 'dist')) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { app: join(here, 'app.js') },
    bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true,
    outdir, logLevel: 'warning',
  });
  // parquet-wasm is a dependency of @modelperf/core: resolve it from there.
  const core = createRequire(import.meta.url).resolve('@modelperf/core/package.json');
  const wasm = createRequire(core).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
  copyFileSync(wasm, join(outdir, 'parquet_wasm_bg.wasm'));
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stderr.write(`built ${await buildPage()}\n`);
}
