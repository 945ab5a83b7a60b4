#!/usr/bin/env node
import { serverConfigFromEnv } from './server-config.js';
import { startServer } from './start-server.js';

// The bin only reads its configuration and listens; everything else is in the library.
try {
  const config = serverConfigFromEnv(process.argv.slice(2), process.env);
  const server = await startServer(config);
  process.stderr.write(`modelperf server listening on ${server.url}\n`);
  process.exitCode = (await server.closed) ? 0 : 1;
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
