import type {
  CategoriesResponse,
  ErrorResponse,
  HotItemsResponse,
  ItemGuideResponse,
  ItemListResponse,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/eventually';

const REFRESH_MS = 60_000;

/** The catalog cache: new versions picked up, the last good copy served (and said to be old) when the system is down. */
describe('catalog freshness and outages', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const search = async (api = stack.api) =>
    (await api().get('/api/v1/items').query({ q: '身份证' })).body as ItemListResponse;

  it('when the catalog publishes a new version, then it is served after the refresh interval', async () => {
    // Arrange
    const before = await search();
    const item = before.items[0];
    if (!item) throw new Error('no item');
    await stack.sandbox.publishCatalog({ sxbm: item.code, sxmc: `${item.name}（新版）` });

    // Act
    await stack.advanceTime(REFRESH_MS);
    const after = await eventually(search, (answer) => answer.catalog.version !== before.catalog.version);
    const guide = (await stack.api().get(`/api/v1/items/${item.code}`).expect(200)).body as ItemGuideResponse;

    // Assert
    expect(after.catalog.version).not.toBe(before.catalog.version);
    expect(guide.item.name).toBe(`${item.name}（新版）`);
    expect(after.catalog.stale).toBe(false);
  });

  it('when nobody asked for over two minutes while the catalog system was up, then the first answers 首页 gets are fresh', async () => {
    // Arrange: a copy confirmed now, then a quiet spell past its stale limit (two refresh intervals).
    await search();
    await stack.advanceTime(2 * REFRESH_MS + 15_000);

    // Act: 首页 asks for the hot items and the categories at once.
    const [hot, categories] = await Promise.all([
      stack.api().get('/api/v1/items/hot').expect(200),
      stack.api().get('/api/v1/categories').expect(200),
    ]);

    // Assert
    for (const answer of [hot.body as HotItemsResponse, categories.body as CategoriesResponse]) {
      expect(answer.catalog.stale).toBe(false);
      expect(answer.catalog.ageSeconds).toBeLessThan(REFRESH_MS / 1000);
    }
  });

  it('when the catalog system goes down, then searches keep working from the last good copy, marked stale with its age', async () => {
    // Arrange
    await search();
    await stack.sandbox.setFault('catalog', { down: true });

    // Act
    await stack.advanceTime(5 * REFRESH_MS);
    const answer = await eventually(search, (a) => a.catalog.stale);

    // Assert
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.catalog.stale).toBe(true);
    expect(answer.catalog.ageSeconds).toBeGreaterThanOrEqual(300);
  });

  it('when a new instance starts while the catalog system is down, then it serves the copy stored in MongoDB', async () => {
    // Arrange
    await search();
    await stack.sandbox.setFault('catalog', { down: true });
    const other = await stack.anotherInstance();

    // Act
    const answer = await search(other.api);
    await other.close();

    // Assert
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.catalog.version).toEqual(expect.any(String));
  });

  it('when the system comes back, then the copy is confirmed fresh again', async () => {
    // Arrange
    await stack.sandbox.setFault('catalog', { down: true });
    await stack.advanceTime(5 * REFRESH_MS);
    await eventually(search, (a) => a.catalog.stale);
    await stack.sandbox.clearFaults();

    // Act: the breaker lets a trial call through after its reset time
    const answer = await eventually(
      async () => {
        await stack.advanceTime(6000);
        return search();
      },
      (a) => !a.catalog.stale,
      20_000,
    );

    // Assert
    expect(answer.catalog.stale).toBe(false);
  });
});

describe('catalog with no copy anywhere', () => {
  it('when the catalog system is down from the start, then catalog routes answer 503 with a clear message and the rest works', async () => {
    // Arrange
    const stack = await startTestStack();
    await stack.sandbox.setFault('catalog', { down: true });

    try {
      // Act
      const res = await stack.api().get('/api/v1/items');
      const health = await stack.api().get('/healthz');

      // Assert
      expect(res.status).toBe(503);
      expect((res.body as ErrorResponse).error).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        message: expect.stringContaining('事项库'),
      });
      expect(health.status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});
