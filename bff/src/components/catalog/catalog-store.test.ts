import pino from 'pino';
import type { CatalogExport } from '../../upstreams/catalog/catalog.client';
import { itemRecord } from '../../upstreams/catalog/catalog.fixtures';
import { CatalogStore, type CatalogSnapshots, type CatalogSource } from './catalog-store';
import type { StoredCatalog } from './catalog-snapshots.repository';

const REFRESH_MS = 60_000;

function exportAt(version: string, name = '居民身份证换领'): CatalogExport {
  return { version, publishedAt: '20261101093000', items: [itemRecord({ sxmc: name })], packages: [] };
}

/** The catalog system as a port: a version, an export, and a switch to make it fail. */
class FakeSource implements CatalogSource {
  current = exportAt('v1');
  down = false;
  exports = 0;
  async version() {
    if (this.down) throw new Error('catalog down');
    return { version: this.current.version };
  }
  async exportAll() {
    if (this.down) throw new Error('catalog down');
    this.exports += 1;
    return this.current;
  }
}

class MemorySnapshots implements CatalogSnapshots {
  stored: StoredCatalog | undefined;
  async latest() {
    return this.stored;
  }
  async save(source: CatalogExport, now: Date) {
    this.stored = { export: source, confirmedAt: now };
  }
  async confirm(version: string, now: Date) {
    if (this.stored?.export.version === version) this.stored.confirmedAt = now;
  }
}

function setup() {
  let now = new Date('2026-11-28T02:00:00Z');
  const clock = { now: () => now };
  const source = new FakeSource();
  const snapshots = new MemorySnapshots();
  const store = () =>
    new CatalogStore({
      source,
      snapshots,
      clock,
      logger: pino({ level: 'silent' }),
      refreshMs: REFRESH_MS,
      retryMs: 5000,
    });
  return { source, snapshots, store, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

/** Lets a background refresh started by get() finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('catalog store', () => {
  it('when first asked, then it loads the catalog once and keeps serving it without asking again', async () => {
    // Arrange
    const { source, store } = setup();
    const catalog = store();

    // Act
    const answers = await Promise.all([catalog.get(), catalog.get(), catalog.get()]);
    await catalog.get();

    // Assert
    expect(source.exports).toBe(1);
    expect(answers[0]?.freshness).toMatchObject({ version: 'v1', stale: false, ageSeconds: 0 });
  });

  it('when the refresh interval passes and a new version is published, then the next answers use it', async () => {
    // Arrange
    const { source, store, advance } = setup();
    const catalog = store();
    await catalog.get();
    source.current = exportAt('v2', '居民身份证换领（新）');
    advance(REFRESH_MS);

    // Act
    const during = await catalog.get();
    await settle();
    await catalog.refresh();
    const after = await catalog.get();

    // Assert: the request that noticed did not wait for the new version
    expect(during.catalog.version).toBe('v1');
    expect(after.catalog.version).toBe('v2');
    expect(after.catalog.items[0]?.name).toBe('居民身份证换领（新）');
  });

  it('when nobody asked for longer than the stale limit and the system is up, then the first answer is checked and fresh', async () => {
    // Arrange
    const { source, store, advance } = setup();
    const catalog = store();
    await catalog.get();
    advance(2 * REFRESH_MS + 15_000);

    // Act
    const answer = await catalog.get();

    // Assert
    expect(answer.freshness).toMatchObject({ version: 'v1', stale: false, ageSeconds: 0 });
    expect(source.exports).toBe(1);
  });

  it('when nobody asked for longer than the stale limit and the system is down, then the first answer is stale', async () => {
    // Arrange
    const { source, store, advance } = setup();
    const catalog = store();
    await catalog.get();
    source.down = true;
    advance(2 * REFRESH_MS + 15_000);

    // Act
    const answer = await catalog.get();

    // Assert
    expect(answer.freshness).toMatchObject({ version: 'v1', stale: true, ageSeconds: 135 });
  });

  it('when the catalog system is down, then the last good copy is served, marked stale with its age', async () => {
    // Arrange
    const { source, store, advance } = setup();
    const catalog = store();
    await catalog.get();
    source.down = true;
    advance(REFRESH_MS);

    // Act
    await catalog.get();
    await settle();
    const answer = await catalog.get();

    // Assert
    expect(answer.catalog.version).toBe('v1');
    expect(answer.freshness).toMatchObject({ stale: true, ageSeconds: 60 });
  });

  it('when the system comes back, then the copy is confirmed fresh again', async () => {
    // Arrange
    const { source, store, advance } = setup();
    const catalog = store();
    await catalog.get();
    source.down = true;
    advance(REFRESH_MS);
    await catalog.refresh().catch(() => undefined);
    source.down = false;
    advance(5000);

    // Act
    await catalog.get();
    await settle();
    const answer = await catalog.get();

    // Assert
    expect(answer.freshness).toMatchObject({ stale: false, ageSeconds: 0 });
  });

  it('when a new instance starts while the system is down, then it serves the copy stored by another', async () => {
    // Arrange
    const { source, store, advance } = setup();
    await store().get();
    source.down = true;
    advance(10 * 60_000);

    // Act
    const answer = await store().get();

    // Assert
    expect(answer.catalog.version).toBe('v1');
    expect(answer.freshness).toMatchObject({ stale: true, ageSeconds: 600 });
  });

  it('when there is no copy anywhere and the system is down, then the answer is an error', async () => {
    const { source, store } = setup();
    source.down = true;

    await expect(store().get()).rejects.toThrow('catalog down');
  });
});
