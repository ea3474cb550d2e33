import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { buildSandbox } from './app';
import type { SandboxClock } from './core/clock';
import type { SandboxOptions } from './options';

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:8090 (no trailing slash). */
  url: string;
  port: number;
  clock: SandboxClock;
  close(): Promise<void>;
}

/** Starts the sandbox over real HTTP. port 0 picks a free port; host defaults to loopback only. */
export async function startSandbox(
  options: SandboxOptions & { port?: number; host?: string },
): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1', ...sandboxOptions } = options;
  const { app, clock, closeSystems } = buildSandbox(sandboxOptions);
  const server = app.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    clock,
    close: async () => {
      closeSystems();
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      // Keep-alive connections from clients (undici pools) would otherwise hold close() open.
      server.closeAllConnections();
      await closed;
    },
  };
}
