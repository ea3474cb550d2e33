// While the citizens' visits run against a cluster: every 5 s each instance's /metrics is read; at 40 %
// of the run one instance is stopped (SIGTERM: it drains and exits; or SIGKILL with --crash) and at 60 %
// started again on the same port; with heap snapshots, the surviving instance #1 writes one near the end
// of the warm-up and one once the load is over, the first out of nginx's list (writing one blocks it for
// seconds), so that neither holds requests in flight.
import { mkdirSync } from 'node:fs';
import { scrape } from './metrics.mjs';
import { takeHeapSnapshot } from './heap-snapshots.mjs';

export const SAMPLE_EVERY_S = 5;
const sleepUntil = (now, at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, (at - now()) * 1000)));

/** How long the run counts as warm-up: the first minute, or a fifth of a shorter run. */
export const warmUpOf = (seconds) => Math.min(60, seconds / 5);

/**
 * @param {object} options
 * @param {Awaited<ReturnType<import('./cluster.mjs').startCluster>>} options.cluster
 * @param {number} options.seconds the length of the load
 * @param {'SIGTERM' | 'SIGKILL'} options.signal how instance `victim` is stopped
 * @param {() => number} options.now seconds since the load started
 * @param {string} [options.snapshotDir] heap snapshots of instance #1 there (after warm-up and 8 s before the end)
 * @param {(line: string) => void} options.log
 */
export function startSoak({ cluster, seconds, signal, now, snapshotDir, log, victim = 1 }) {
  const samples = [];
  const markers = [];
  const snapshots = [];
  let sampling = true;
  const mark = (label) => {
    markers.push({ x: now(), label });
    log(`soak: ${now().toFixed(1)} s: ${label}`);
  };

  let wake = () => {};
  const sampler = (async () => {
    for (let tick = 0; sampling; tick += 1) {
      const at = now();
      const scrapes = await Promise.all(cluster.instances.map((i) => scrape(i.metricsUrl)));
      scrapes.forEach((m, index) => m && samples.push({ tick, at, index, m }));
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(0, ((tick + 1) * SAMPLE_EVERY_S - now()) * 1000));
      });
    }
  })();

  const snapshot = async (label) => {
    mark(`${label} (#1 out)`);
    await cluster.setDown(0, true);
    // What nginx had sent it finishes first; nothing waits behind the snapshot.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    snapshots.push(await takeHeapSnapshot(cluster.instances[0].child, snapshotDir, cluster.instances[0].metricsUrl));
    await cluster.setDown(0, false);
    mark('#1 back in');
  };

  const name = cluster.instances[victim].name;
  let failure;
  const schedule = (async () => {
    if (snapshotDir) {
      mkdirSync(snapshotDir, { recursive: true });
      // Before the minute whose memory is compared with the last, so that the others' extra load while
      // #1 is out falls outside it.
      await sleepUntil(now, warmUpOf(seconds) * 0.75);
      await snapshot('heap snapshot 1');
    }
    await sleepUntil(now, seconds * 0.4);
    mark(`${name} ${signal}`);
    await cluster.kill(victim, signal);
    mark(`${name} exited`);
    await sleepUntil(now, seconds * 0.6);
    mark(`${name} restarted`);
    await cluster.restart(victim);
    // Back in nginx's list once the watcher saw /readyz answer twice.
    const rejoined = () => cluster.watch.events.findLast((e) => e.index === victim)?.down === false;
    for (let i = 0; i < 100 && !rejoined(); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    mark(`${name} rejoined`);
  })().catch((error) => {
    // Reported once the load is over (finish), not as a crash that would leave the processes running.
    failure = error;
  });

  return {
    samples,
    markers,
    /** After the load: the schedule finished and sampling stopped. */
    async finish() {
      await schedule;
      if (failure) throw failure;
      sampling = false;
      wake();
      await sampler;
      if (snapshotDir) await snapshot('heap snapshot 2');
      return { samples, markers, snapshots, watchEvents: cluster.watch.events };
    },
  };
}
