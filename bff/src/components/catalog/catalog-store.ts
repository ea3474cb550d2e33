import type { CatalogFreshness } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { CatalogExport } from '../../upstreams/catalog/catalog.client';
import { Catalog } from './catalog';
import type { StoredCatalog } from './catalog-snapshots.repository';

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

  constructor(private readonly deps: CatalogStoreDeps) {}

  /** The current copy; on a cold instance without any copy this waits for the catalog system (and may throw). */
  async get(): Promise<CurrentCatalog> {
    if (!this.current) await (this.coldStart ??= this.startCold().finally(() => (this.coldStart = undefined)));
    const current = this.current;
    if (!current) throw new Error('catalog store: no copy after a successful cold start');
    if (this.refreshDue()) void this.refresh().catch(() => undefined);
    return { catalog: current.catalog, freshness: this.freshness(current.confirmedAt) };
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

  private refreshDue(): boolean {
    if (this.inflight) return false;
    if (this.lastAttemptFailed) return this.nowMs() - this.lastAttemptAt >= this.deps.retryMs;
    const lastHeard = Math.max(this.lastAttemptAt, this.current?.confirmedAt.getTime() ?? Number.NEGATIVE_INFINITY);
    return this.nowMs() - lastHeard >= this.deps.refreshMs;
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

  private freshness(confirmedAt: Date): CatalogFreshness {
    const ageMs = Math.max(0, this.nowMs() - confirmedAt.getTime());
    return {
      version: this.current?.catalog.version ?? '',
      syncedAt: confirmedAt.toISOString(),
      ageSeconds: Math.floor(ageMs / 1000),
      // Stale when the last check failed, or when no check has succeeded for two intervals.
      stale: this.lastAttemptFailed || ageMs > 2 * this.deps.refreshMs,
    };
  }

  private nowMs(): number {
    return this.deps.clock.now().getTime();
  }
}
