/** What happened to requests of a system since the last reset. */
export interface SystemCounters {
  requests: number;
  delayed: number;
  dropped: number;
  failed: number;
  malformed: number;
}

/**
 * Request counters per system, so a BFF test can check what reached the
 * back end: that a retry happened, that an open circuit breaker stopped
 * calling, that an idempotent submission was sent once.
 */
export class SystemStats {
  private readonly counters = new Map<string, SystemCounters>();

  count(system: string, what: keyof SystemCounters): void {
    const counters = this.counters.get(system) ?? emptyCounters();
    counters[what] += 1;
    this.counters.set(system, counters);
  }

  snapshot(names: readonly string[]): Record<string, SystemCounters> {
    const out: Record<string, SystemCounters> = {};
    for (const name of names) {
      out[name] = { ...(this.counters.get(name) ?? emptyCounters()) };
    }
    return out;
  }

  clear(): void {
    this.counters.clear();
  }
}

function emptyCounters(): SystemCounters {
  return { requests: 0, delayed: 0, dropped: 0, failed: 0, malformed: 0 };
}
