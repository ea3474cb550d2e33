/**
 * Reads that must not be older than the request asking: each caller gets the
 * answer of a read that started after it asked. Callers arriving while a read
 * of the same key is in flight share the next one, so one busy key costs one
 * read at a time, however many requests wait for it.
 */
export class FreshReads<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly queued = new Map<string, Promise<V>>();

  read(key: string, load: () => Promise<V>): Promise<V> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, load);
    // The running read may have started before this caller asked: it waits for the next one.
    const next = running.then(
      () => this.startQueued(key, load),
      () => this.startQueued(key, load),
    );
    this.queued.set(key, next);
    return next;
  }

  private startQueued(key: string, load: () => Promise<V>): Promise<V> {
    this.queued.delete(key);
    return this.start(key, load);
  }

  private start(key: string, load: () => Promise<V>): Promise<V> {
    const read = load().finally(() => {
      if (this.running.get(key) === read) this.running.delete(key);
    });
    this.running.set(key, read);
    return read;
  }
}
