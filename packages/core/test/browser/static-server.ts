import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.parquet': 'application/vnd.apache.parquet',
};

/** A local HTTP server over a directory plus in-memory files. */
export interface StaticServer {
  readonly base: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` (and `extra` path -> bytes) on 127.0.0.1 at a free port, for browser tests.
 * @param dir - directory of static files
 * @param extra - more files by URL path (e.g. '/index.html')
 * @returns the base URL and a close function
 */
export async function serveStatic(dir: string, extra: Record<string, string | Uint8Array> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = extra[path] ?? readSafe(dir, path);
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readSafe(dir: string, path: string): Buffer | undefined {
  const relative = normalize(path).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) return undefined;
  try {
    return readFileSync(join(dir, relative));
  } catch {
    return undefined;
  }
}
