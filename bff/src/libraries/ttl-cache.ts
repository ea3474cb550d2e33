/** Told of every lookup of one named cache (metrics count hits and misses); called on the request path, so cheap. */
export interface CacheObserver {
  hit(): void;
  miss(): void;
}

/** Gives the cache of that name its observer; where metrics are off, none. */
export type ObserveCache = (name: string) => CacheObserver | undefined;

/** A small bounded map whose entries expire; per instance, for hot reads that may be a few seconds stale. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly observer?: CacheObserver,
  ) {}

  get(key: string, nowMs: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.observer?.miss();
      return undefined;
    }
    if (entry.expiresAt <= nowMs) {
      this.entries.delete(key);
      this.observer?.miss();
      return undefined;
    }
    this.observer?.hit();
    return entry.value;
  }

  set(key: string, value: V, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: nowMs + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
