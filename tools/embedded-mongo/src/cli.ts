#!/usr/bin/env node
/**
 * Starts the embedded MongoDB for a developer and stays up until Ctrl-C:
 *   node tools/embedded-mongo/dist/cli.js [--data-dir DIR] [--port N]
 * Without --data-dir the data is thrown away on exit.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startMongo } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(
      'usage: embedded-mongo [--data-dir DIR] [--port N]   (MONGODB_URI, MONGOMS_SYSTEM_BINARY are honoured)',
    );
    return;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new Error(`--port must be 1-65535, got ${values.port}`);

  const mongo = await startMongo({
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : undefined,
    port,
    log: (line) => console.error(line),
  });
  // stdout carries only the URI, so `URI=$(... | head -1)` works.
  console.log(mongo.uri);
  console.error('Ctrl-C to stop');
  // The server child is unref'd; this timer is what keeps the CLI alive.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    mongo.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
