import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { createLogger, startBff, type RunningBff } from '@suijing/bff';
import { TestClock } from './clock';
import { leaksIn } from './log-audit';
import { SandboxControl } from './sandbox-control';
import { collectingStream, startSandboxFor } from './stack';

export const H5_DIR = path.resolve(__dirname, '../../miniapp/dist/h5');

export interface FullStack {
  url: string;
  bff: RunningBff;
  sandbox: SandboxControl;
  advanceTime(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A local port nothing listens on now (the OS hands out a fresh one; it is free again once closed). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The product as npm start runs it: the BFF listening on a port (serving the
 * H5 build unless told not to), the sandbox over HTTP.
 */
export async function startFullStack(
  options: { serveH5?: boolean; env?: Record<string, string> } = {},
): Promise<FullStack> {
  const serveH5 = options.serveH5 ?? true;
  if (serveH5 && !existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`no H5 build at ${H5_DIR}: run \`npm run build\` (npm test does)`);
  }
  // A port known before the BFF starts: the payment platforms notify it and return the citizen to it.
  const port = await freePort();
  const { sandbox, config } = await startSandboxFor(`suijing_full_${randomBytes(6).toString('hex')}`, {
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...(serveH5 ? { STATIC_DIR: H5_DIR } : {}),
    ...options.env,
  });
  // Access lines included: the log audit on close covers what the browser journeys sent.
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', destination: collectingStream(logs) });
  const clock = new TestClock();
  // The page may call the sandbox's face-camera stand-in, as in the demo.
  const bff = await startBff(config, logger, clock);
  const control = new SandboxControl(sandbox.url);
  return {
    url: bff.url,
    bff,
    sandbox: control,
    async advanceTime(ms: number) {
      clock.advance(ms);
      await control.advanceClock(ms);
    },
    async close() {
      await bff.connection.dropDatabase().catch(() => undefined);
      await bff.close(1000);
      await sandbox.close();
      const leaks = leaksIn(logs);
      if (leaks.length > 0)
        throw new Error(`personal data or tokens in the BFF's logs:\n${leaks.slice(0, 10).join('\n')}`);
    },
  };
}
