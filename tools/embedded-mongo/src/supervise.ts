import type { EmbeddedMongo, ServerProcess } from './types';

export interface SuperviseOptions {
  /** Where "ended unexpectedly" and "is back" go; default console.log. */
  log?: (line: string) => void;
  /** Gives up when the server had to be started this many times within `withinMs` (default 5 in 60 s). */
  maxRestarts?: number;
  withinMs?: number;
  /** Wait before the first start again, doubled after each one that fails (default 500 ms). */
  retryDelayMs?: number;
  /** Called once when starting again keeps failing: the server is then down for good. */
  onGiveUp: (error: Error) => void;
}

export interface SupervisedMongo extends EmbeddedMongo {
  /** The current server process (a new one after each restart); undefined for 'external'. */
  readonly pid: number | undefined;
  /** How many times the server was started again. */
  readonly restarts: number;
}

/**
 * Keeps an embedded server up: when its process dies (a crash, the OOM killer,
 * a stray kill) it is started again on the same port and data directory, so
 * clients' drivers reconnect by themselves. When that keeps failing, onGiveUp
 * says so once instead of leaving the app to answer 503 for ever. An external
 * server (MONGODB_URI) is not ours to watch and is returned as it is.
 */
export function superviseServer(first: EmbeddedMongo | ServerProcess, options: SuperviseOptions): SupervisedMongo {
  if (!('startAgain' in first)) return { ...first, pid: undefined, restarts: 0 };
  const log = options.log ?? ((line: string) => console.log(line));
  const maxRestarts = options.maxRestarts ?? 5;
  const withinMs = options.withinMs ?? 60_000;
  const retryDelayMs = options.retryDelayMs ?? 500;
  let current: ServerProcess = first;
  let stopped = false;
  let restarts = 0;
  const startedAt: number[] = [];
  let starting: Promise<ServerProcess | undefined> | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const startAgain = async (how: string): Promise<ServerProcess | undefined> => {
    log(`MongoDB (${current.kind}) ended unexpectedly (${how}); starting it again on ${current.uri}`);
    let delay = retryDelayMs;
    let lastError: Error | undefined;
    for (;;) {
      const now = Date.now();
      while (startedAt.length > 0 && (startedAt[0] ?? now) <= now - withinMs) startedAt.shift();
      if (startedAt.length >= maxRestarts) {
        const why = lastError ? `last attempt: ${oneLine(lastError.message)}` : 'it keeps ending right after it starts';
        options.onGiveUp(
          new Error(`MongoDB had to be started ${startedAt.length} times within ${withinMs / 1000} s; ${why}`),
        );
        return undefined;
      }
      await pause(delay);
      if (stopped) return undefined;
      startedAt.push(Date.now());
      try {
        const next = await current.startAgain();
        restarts += 1;
        log(`MongoDB is back on ${next.uri}`);
        return next;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        log(`MongoDB did not start again: ${oneLine(lastError.message)}; retrying in ${(delay * 2) / 1000} s`);
        delay *= 2;
      }
    }
  };

  const watch = (server: ServerProcess): void => {
    void server.exited.then(async (how) => {
      if (stopped) return;
      starting = startAgain(how);
      const next = await starting;
      starting = undefined;
      if (!next) return;
      // stop() may have come while it was starting: then it must not outlive us.
      if (stopped) await next.stop();
      else {
        current = next;
        watch(next);
      }
    });
  };
  watch(first);

  return {
    uri: first.uri,
    kind: first.kind,
    description: first.description,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopped = true;
      wake?.();
      const late = await starting;
      await Promise.all([current.stop(), late?.stop()]);
    },
  };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
