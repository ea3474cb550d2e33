import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './libraries/logger';
import { startBff } from './server';

/** The BFF process: config, MongoDB, upstream clients, listen; graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  // In production, buffered writes: one write per request line costs more than the request itself
  // under load. In development, lines appear as they happen.
  const production = config.env === 'production';
  const destination = pino.destination({ dest: 1, sync: !production, minLength: production ? 4096 : 0 });
  process.on('exit', () => destination.flushSync());
  const logger = createLogger({ level: config.logLevel, destination });
  const bff = await startBff(config, logger);
  logger.info({ url: bff.url }, 'BFF listening');
  process.send?.({ type: 'ready', url: bff.url });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bff.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`BFF failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
