// The product as it runs in production, on this machine: N BFF instances on one MongoDB and the sandbox
// systems, nginx in front of them (deploy/nginx/suijing.conf.template), and the /readyz watcher that
// takes a stopping instance out of nginx's list. Clients talk to nginx only; the payment platforms
// notify through it too (every instance's PUBLIC_BASE_URL is nginx's).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePorts, log } from '../lib.mjs';
import { startStack } from '../bench/stack.mjs';
import { watchHealth } from './health-watch.mjs';
import { startNginx } from './nginx.mjs';

/**
 * @param {object} options
 * @param {number} options.instances how many BFF processes
 * @param {string} options.database
 * @param {object} [options.bffEnv] settings for every instance
 * @param {string} [options.snapshotDir] when set, instances write heap snapshots there on SIGUSR2
 * @param {() => number} options.now seconds since the run started (for the watcher's events)
 */
export async function startCluster({ instances: count, database, bffEnv = {}, snapshotDir, now }) {
  // nginx's port and each instance's public and metrics ports, all different.
  const [lbPort, ...ports] = await freePorts(1 + count * 2);
  const lbUrl = `http://127.0.0.1:${lbPort}`;
  const nodeOptions = [
    process.env.NODE_OPTIONS,
    ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : []),
  ]
    .filter(Boolean)
    .join(' ');
  const envOf = (i) => ({
    ...bffEnv,
    PORT: String(ports[2 * i]),
    METRICS_PORT: String(ports[2 * i + 1]),
    PUBLIC_BASE_URL: lbUrl,
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  });
  const instanceOf = (i, child) => ({
    name: `#${i + 1}`,
    child,
    url: `http://127.0.0.1:${ports[2 * i]}`,
    metricsUrl: `http://127.0.0.1:${ports[2 * i + 1]}/metrics`,
  });

  // Instance #1 is the stack's own BFF.
  const started = performance.now();
  const stack = await startStack({ database, bffEnv: envOf(0) });
  log(`cluster: MongoDB, the sandbox and instance #1 in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'suijing-nginx-'));
  let nginx;
  let watch;
  const stop = async () => {
    await watch?.stop();
    await nginx?.stop();
    await stack.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    const others = Array.from({ length: count - 1 }, (_, j) => stack.spawnBff(envOf(j + 1)));
    const instances = [stack.bffChild, ...(await Promise.all(others)).map((b) => b.child)].map((child, i) =>
      instanceOf(i, child),
    );
    nginx = await startNginx({
      port: lbPort,
      backends: ports.filter((_, j) => j % 2 === 0).map((port) => ({ port })),
      dir: runDir,
    });
    watch = watchHealth({ instances, setDown: (i, down) => nginx.setDown(i, down), now });
    log(
      `cluster: ${count} instances behind nginx at ${lbUrl} after ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      stack,
      lbUrl,
      instances,
      watch,
      upstreamErrors: () => nginx.upstreamErrors(),
      /** Takes instance `i` out of nginx's list (or puts it back), as the watcher does. */
      setDown: (i, down) => nginx.setDown(i, down),
      /** Sends `signal` to instance `i`; resolves once the process has exited. */
      async kill(i, signal) {
        const { child } = instances[i];
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      },
      /** Starts instance `i` again (same port, same settings); resolves once it listens. */
      async restart(i) {
        instances[i].child = (await stack.spawnBff(envOf(i))).child;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
