// The active health check open-source nginx lacks: each instance's /readyz every 500 ms; two failures
// in a row (not 200, or no answer within 2 s) mark it down in nginx's upstream list and reload,
// two successes bring it back. In a deployment the orchestrator's readiness probe plays this role.

const INTERVAL_MS = 500;
/**
 * An answer slower than this counts as none. Generous: a draining instance answers 503 at once and a
 * dead one refuses at once; only a busy instance is slow, and taking busy ones out makes the rest busier.
 */
const TIMEOUT_MS = 2000;
const THRESHOLD = 2;

/**
 * @param {object} options
 * @param {{ url: string }[]} options.instances each instance's own base URL (not nginx's)
 * @param {(index: number, down: boolean) => Promise<void>} options.setDown marks an instance down or up
 * @param {() => number} [options.now] seconds since the run started, for the event log
 * @returns {{ events: { at: number, index: number, down: boolean }[], stop(): Promise<void> }}
 */
export function watchHealth({ instances, setDown, now = () => performance.now() / 1000 }) {
  const events = [];
  const state = instances.map(() => ({ down: false, failures: 0, successes: 0 }));
  let stopped = false;
  let changing = Promise.resolve();

  const probe = async (instance, index) => {
    const ok = await fetch(`${instance.url}/readyz`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status === 200;
      },
      () => false,
    );
    const s = state[index];
    s.failures = ok ? 0 : s.failures + 1;
    s.successes = ok ? s.successes + 1 : 0;
    const change = (!s.down && s.failures >= THRESHOLD) || (s.down && s.successes >= THRESHOLD);
    if (!change || stopped) return;
    s.down = !s.down;
    events.push({ at: now(), index, down: s.down });
    // One reload at a time, in the order the changes were seen.
    changing = changing.then(() => setDown(index, s.down));
    await changing;
  };

  const loop = (async () => {
    while (!stopped) {
      const tick = new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
      await Promise.all(instances.map(probe));
      await tick;
    }
  })();

  return {
    events,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
