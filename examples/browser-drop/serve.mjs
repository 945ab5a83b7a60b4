#!/usr/bin/env node
// Serves this folder on http://127.0.0.1:8080 (or --port) so the page can load its modules and WebAssembly.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/**
 * Starts the server.
 * @param {number} port - port (0: any free one)
 * @param {string} root - folder to serve
 * @returns {Promise<import('node:http').Server>}
 */
export async function servePage(port = 8080, root = here) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html';
    if (path.startsWith('..')) return void res.writeHead(403).end();
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const server = await servePage(Number(values.port ?? 8080));
  process.stderr.write(`open http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)\n`);
}
