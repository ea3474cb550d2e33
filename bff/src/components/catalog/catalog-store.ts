import type { CatalogFreshness } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { CatalogExport } from '../../upstreams/catalog/catalog.client';
import { Catalog } from './catalog';
import type { StoredCatalog } from './catalog-snapshots.repository';

const DEFAULT_CHECK_WAIT_MS = 2000;

/** Where the catalog comes from: the catalog system (a port, so unit tests can stand in). */
export interface CatalogSource {
  version(): Promise<{ version: string }>;
  exportAll(): Promise<CatalogExport>;
}

/** Where the last good copy is kept across restarts and instances. */
export interface CatalogSnapshots {
  latest(): Promise<StoredCatalog | undefined>;
  save(source: CatalogExport, now: Date): Promise<void>;
  confirm(version: string, now: Date): Promise<void>;
}

export interface CatalogStoreDeps {
  source: CatalogSource;
  snapshots: CatalogSnapshots;
  clock: Clock;
  logger: Logger;
  /** How often the published version is checked. */
  refreshMs: number;
  /** How soon to try again after the catalog system failed. */
  retryMs: number;
  /**
   * How long a request waits for a check of a copy past its stale limit
   * (after a quiet spell); default 2 s. Bounded because the system may hang.
   */
  checkWaitMs?: number;
}

export interface CurrentCatalog {
  catalog: Catalog;
  freshness: CatalogFreshness;
}

/**
 * The catalog as this instance serves it. Requests never wait for the
 * catalog system once a copy exists: when the version check is due it runs
 * in the background (one at a time) and a new version replaces the copy
 * whole. When the system is down the last good copy keeps being served,
 * marked stale with its age; a cold instance starts from the copy in MongoDB.
 */
export class CatalogStore {
  private current: { catalog: Catalog; confirmedAt: Date } | undefined;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastAttemptFailed = false;
  private inflight: Promise<void> | undefined;
  private coldStart: Promise<void> | undefined;
  private lastFreshness: { confirmedAt: Date; value: CatalogFreshness } | undefined;

  constructor(private readonly deps: CatalogStoreDeps) {}

  /** The current copy; on a cold instance without any copy this waits for the catalog system (and may throw). */
  async get(): Promise<CurrentCatalog> {
    if (!this.current) await (this.coldStart ??= this.startCold().finally(() => (this.coldStart = undefined)));
    const current = this.current;
    if (!current) throw new Error('catalog store: no copy after a successful cold start');
    // The clock read once for the whole answer (it is on every catalog request's path).
    let nowMs = this.nowMs();
    if (this.refreshDue(nowMs)) void this.refresh().catch(() => undefined);
    // After a quiet spell the copy is past its stale limit only because nobody asked, not because the
    // system failed: wait for the check then, so an idle gap does not read as an outage. A known failure
    // is answered at once (stale), as is a copy still within its limit (the check runs in the background).
    if (!this.lastAttemptFailed && this.pastStaleLimit(current.confirmedAt, nowMs)) {
      await this.confirmWithin(this.deps.checkWaitMs ?? DEFAULT_CHECK_WAIT_MS);
      nowMs = this.nowMs();
    }
    const served = this.current ?? current;
    return { catalog: served.catalog, freshness: this.freshness(served.confirmedAt, nowMs) };
  }

  /** Loads a copy at start-up so the first citizen does not wait; never throws. */
  async warm(): Promise<void> {
    await this.get().catch((error: unknown) =>
      this.deps.logger.warn({ err: error }, 'catalog not available at start-up; will retry on demand'),
    );
  }

  /** Checks the published version now (one check at a time); throws when the system cannot be reached. */
  refresh(): Promise<void> {
    this.inflight ??= this.checkVersion().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async startCold(): Promise<void> {
    const stored = await this.deps.snapshots.latest().catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'stored catalog copy unreadable');
      return undefined;
    });
    if (stored) {
      this.install(new Catalog(stored.export), stored.confirmedAt);
      return;
    }
    await this.refresh();
  }

  private refreshDue(nowMs = this.nowMs()): boolean {
    if (this.inflight) return false;
    if (this.lastAttemptFailed) return nowMs - this.lastAttemptAt >= this.deps.retryMs;
    const lastHeard = Math.max(this.lastAttemptAt, this.current?.confirmedAt.getTime() ?? Number.NEGATIVE_INFINITY);
    return nowMs - lastHeard >= this.deps.refreshMs;
  }

  private async checkVersion(): Promise<void> {
    this.lastAttemptAt = this.nowMs();
    try {
      const { version } = await this.deps.source.version();
      const now = this.deps.clock.now();
      if (this.current?.catalog.version === version) {
        this.current = { catalog: this.current.catalog, confirmedAt: now };
        await this.deps.snapshots.confirm(version, now).catch((error: unknown) => this.storeFailed(error));
      } else {
        const source = await this.deps.source.exportAll();
        const started = performance.now();
        const catalog = new Catalog(source);
        this.install(catalog, now);
        this.deps.logger.info(
          { version: catalog.version, items: catalog.items.length, buildMs: Math.round(performance.now() - started) },
          'catalog version loaded',
        );
        await this.deps.snapshots.save(source, now).catch((error: unknown) => this.storeFailed(error));
      }
      this.lastAttemptFailed = false;
    } catch (error) {
      this.lastAttemptFailed = true;
      if (this.current) this.deps.logger.warn({ err: error }, 'catalog refresh failed; serving the last good copy');
      throw error;
    }
  }

  private install(catalog: Catalog, confirmedAt: Date): void {
    this.current = { catalog, confirmedAt };
  }

  private storeFailed(error: unknown): void {
    this.deps.logger.warn({ err: error }, 'could not store the catalog copy in MongoDB');
  }

  /** The same object while nothing in it changes (about a second), so answers built on it can be reused. */
  private freshness(confirmedAt: Date, nowMs: number): CatalogFreshness {
    const ageSeconds = Math.floor(Math.max(0, nowMs - confirmedAt.getTime()) / 1000);
    const version = this.current?.catalog.version ?? '';
    // Stale when the last check failed, or when no check has succeeded within the stale limit
    // (after get() waited for one: the system is hanging).
    const stale = this.lastAttemptFailed || this.pastStaleLimit(confirmedAt, nowMs);
    const last = this.lastFreshness;
    if (
      last?.confirmedAt === confirmedAt &&
      last.value.ageSeconds === ageSeconds &&
      last.value.stale === stale &&
      last.value.version === version
    ) {
      return last.value;
    }
    const value = { version, syncedAt: confirmedAt.toISOString(), ageSeconds, stale };
    this.lastFreshness = { confirmedAt, value };
    return value;
  }

  /** Two refresh intervals without a confirmation. */
  private pastStaleLimit(confirmedAt: Date, nowMs = this.nowMs()): boolean {
    return nowMs - confirmedAt.getTime() > 2 * this.deps.refreshMs;
  }

  /**
   * Waits, at most `ms` of real time, until a check confirms the copy or fails. The check in flight
   * may have begun before the quiet spell (storing the last version in MongoDB): then another follows.
   */
  private async confirmWithin(ms: number): Promise<void> {
    const deadline = performance.now() + ms;
    while (this.inflight) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      await this.within(this.inflight, left);
      if (this.lastAttemptFailed || !this.current || !this.pastStaleLimit(this.current.confirmedAt)) return;
      if (this.refreshDue()) void this.refresh().catch(() => undefined);
    }
  }

  /** Waits for `work` (its failure is the store's to record, not the caller's) at most `ms`. */
  private async within(work: Promise<void>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    try {
      await Promise.race([work.catch(() => undefined), timeUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  private nowMs(): number {
    return this.deps.clock.now().getTime();
  }
}
