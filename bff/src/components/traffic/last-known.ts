import type { TrafficFreshness } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import type { CacheObserver } from '../../libraries/ttl-cache';
import { snapshotId } from './traffic-snapshot.model';
import type { TrafficSnapshotsRepository } from './traffic-snapshots.repository';

export interface LastKnownOptions {
  /** An answer this young is served without asking again. */
  freshMs: number;
  /** Up to this age it is served at once and refreshed in the background (stale-while-revalidate). */
  revalidateMs: number;
  /** Per-instance entries kept in memory. */
  maxEntries: number;
}

export interface LastKnownDeps {
  snapshots: TrafficSnapshotsRepository;
  sealer: Sealer;
  clock: Clock;
  logger: Logger;
  options: LastKnownOptions;
  /** Told whether each read was answered from memory (the `traffic` cache in the metrics). */
  observer?: CacheObserver | undefined;
}

export interface Known<T> {
  value: T;
  freshness: TrafficFreshness;
}

interface Entry {
  value: unknown;
  fetchedAt: number;
  /** The freshness last told of this entry, handed out again while it reads the same (about a second). */
  told?: TrafficFreshness;
}

const isDown = (error: unknown): boolean => error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE';

/**
 * Per-person answers of a slow, sometimes absent system: fresh ones from
 * memory, older ones served while they are refreshed, and when the system is
 * down the last known answer (memory, else the sealed copy in MongoDB) marked
 * stale. Keys carry the person's ID hash, so one person's answer can never be
 * served to another; the loader is always the caller's own query.
 */
export class LastKnown {
  private readonly memory = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();

  constructor(private readonly deps: LastKnownDeps) {}

  async get<T>(kind: string, idHash: string, load: () => Promise<T>): Promise<Known<T>> {
    const key = snapshotId(kind, idHash);
    const now = this.deps.clock.now().getTime();
    const cached = this.memory.get(key);
    const age = cached ? now - cached.fetchedAt : Infinity;
    if (cached && age < this.deps.options.freshMs) {
      this.deps.observer?.hit();
      return this.known(cached, false);
    }
    if (cached && age < this.deps.options.revalidateMs) {
      this.deps.observer?.hit();
      this.fetch(key, load).catch((error: unknown) =>
        this.deps.logger.warn({ err: error, kind }, 'traffic background refresh failed'),
      );
      return this.known(cached, false);
    }
    this.deps.observer?.miss();
    try {
      return this.known(await this.fetch(key, load), false);
    } catch (error) {
      if (!isDown(error)) throw error;
      const last = cached ?? (await this.fromSnapshot(key));
      if (!last) throw error;
      this.deps.logger.warn(
        { kind, ageMs: now - last.fetchedAt },
        'traffic system down: serving the last known answer',
      );
      return this.known(last, true);
    }
  }

  /** Forgets a person's answer of one kind, e.g. after an application changed it. */
  forget(kind: string, idHash: string): void {
    this.memory.delete(snapshotId(kind, idHash));
  }

  /** One query per key at a time, however many requests want it. */
  private fetch<T>(key: string, load: () => Promise<T>): Promise<Entry> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = (async () => {
      const entry: Entry = { value: await load(), fetchedAt: this.deps.clock.now().getTime() };
      this.remember(key, entry);
      void this.saveSnapshot(key, entry);
      return entry;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private remember(key: string, entry: Entry): void {
    this.memory.delete(key);
    if (this.memory.size >= this.deps.options.maxEntries) {
      const oldest = this.memory.keys().next().value;
      if (oldest !== undefined) this.memory.delete(oldest);
    }
    this.memory.set(key, entry);
  }

  private async saveSnapshot(key: string, entry: Entry): Promise<void> {
    try {
      await this.deps.snapshots.save({
        _id: key,
        sealed: this.deps.sealer.seal(JSON.stringify(entry.value)),
        fetchedAt: new Date(entry.fetchedAt),
      });
    } catch (error) {
      // Only the fallback copy is lost; the answer itself was served.
      this.deps.logger.warn({ err: error }, 'traffic snapshot not saved');
    }
  }

  private async fromSnapshot(key: string): Promise<Entry | undefined> {
    try {
      const doc = await this.deps.snapshots.find(key);
      const plain = doc ? this.deps.sealer.open(doc.sealed) : null;
      if (!doc || plain === null) return undefined;
      const entry: Entry = { value: JSON.parse(plain) as unknown, fetchedAt: doc.fetchedAt.getTime() };
      this.remember(key, entry);
      return entry;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'traffic snapshot not readable');
      return undefined;
    }
  }

  private known<T>(entry: Entry, stale: boolean): Known<T> {
    const ageSeconds = Math.max(0, Math.floor((this.deps.clock.now().getTime() - entry.fetchedAt) / 1000));
    let freshness = entry.told;
    // The same object while it reads the same, so an answer encoded with it can be sent again as it is.
    if (freshness?.ageSeconds !== ageSeconds || freshness.stale !== stale) {
      freshness = { updatedAt: new Date(entry.fetchedAt).toISOString(), ageSeconds, stale };
      entry.told = freshness;
    }
    // Each entry is only ever written by the loader of the same kind, so its type is the caller's T.
    return { value: entry.value as T, freshness };
  }
}
