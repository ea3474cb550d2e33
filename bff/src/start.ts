import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { BatchedLines } from './libraries/batched-lines';
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
  // In production, lines are written in batches of 16 KB (at most 100 ms late): a write per request line
  // costs more than the request itself under load. Written synchronously, one write per batch, so that
  // nothing is in flight at exit. In development, lines appear as they happen.
  const production = config.env === 'production';
  const stdout = pino.destination({ dest: 1, sync: true });
  const destination = production ? new BatchedLines(stdout, { bytes: 16_384, ms: 100 }) : stdout;
  process.on('exit', () => destination.flushSync());
  const logger = createLogger({ level: config.logLevel, destination });
  const bff = await startBff(config, logger);
  logger.info({ url: bff.url, metricsUrl: bff.metricsUrl }, 'BFF listening');
  process.send?.({ type: 'ready', url: bff.url, metricsUrl: bff.metricsUrl });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bff
      // SIGTERM is how an orchestrator stops an instance behind a load balancer; Ctrl-C (SIGINT) stops at once.
      .drain(signal === 'SIGTERM' ? config.shutdownDrainMs : 0)
      .then(() => bff.close())
      .then(
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
