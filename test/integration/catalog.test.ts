import {
  MAX_QUERY_LENGTH,
  type CategoriesResponse,
  type ErrorResponse,
  type HotItemsResponse,
  type ItemGuideResponse,
  type ItemListResponse,
  type PackageDetailResponse,
  type PackageListResponse,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';

/** The catalog routes against the sandbox catalog system over HTTP. */
describe('catalog: items, guides, categories, hot items, 一件事 packages', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const list = async (query: Record<string, string | number>) => {
    const res = await stack.api().get('/api/v1/items').query(query);
    return { status: res.status, body: res.body as ItemListResponse & ErrorResponse };
  };
  const names = async (q: string) => (await list({ q })).body.items.map((item) => item.name);

  it('when the catalog is browsed page by page, then all 415 online items come exactly once', async () => {
    // Act
    const asked = Date.now();
    const first = await list({ pageSize: 50 });
    const waitedSeconds = (Date.now() - asked) / 1000;
    const pages = [first.body];
    for (let page = 2; pages.at(-1)?.hasMore; page += 1) pages.push((await list({ page, pageSize: 50 })).body);

    // Assert
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(415);
    const codes = pages.flatMap((p) => p.items.map((item) => item.code));
    expect(codes).toHaveLength(415);
    expect(new Set(codes).size).toBe(415);
    expect(pages).toHaveLength(9);
    expect(first.body.catalog).toEqual({
      version: expect.any(String),
      syncedAt: expect.any(String),
      ageSeconds: expect.any(Number),
      stale: false,
    });
    // Synced for this first request: no older than the wait for it (a busy machine stretches that wait).
    expect(first.body.catalog.ageSeconds).toBeLessThanOrEqual(Math.max(2, Math.ceil(waitedSeconds)));
  });

  it('when 身份证 is searched, then 居民身份证 items come first, 换领 among them', async () => {
    const found = await names('身份证');

    expect(found.slice(0, 3).every((name) => name.startsWith('居民身份证'))).toBe(true);
    expect(found.some((name) => /^居民身份证.*换领$/.test(name))).toBe(true);
  });

  it('when pinyin initials sfz are typed, then the same 居民身份证 items are found', async () => {
    const found = await names('sfz');

    expect(found.slice(0, 5)).toEqual((await names('身份证')).slice(0, 5));
  });

  it('when 港澳 is typed, then the 往来港澳 permit and endorsement items are found first', async () => {
    const found = await names('港澳');

    expect(found.length).toBeGreaterThan(3);
    expect(found[0]).toMatch(/往来港澳/);
    expect(found.some((name) => name.startsWith('往来港澳通行证'))).toBe(true);
  });

  it('when colloquial words are typed, then the catalog words are found (驾照, 良民证, 过户)', async () => {
    expect((await names('驾照'))[0]).toMatch(/驾驶证/);
    expect((await names('良民证'))[0]).toMatch(/无犯罪记录证明/);
    expect((await names('过户'))[0]).toMatch(/转移登记/);
  });

  it('when a search finds nothing, then hot items are suggested instead', async () => {
    const { status, body } = await list({ q: '火箭发射许可' });

    expect(status).toBe(200);
    expect(body.items).toEqual([]);
    expect(body.total).toBe(0);
    expect(body.suggestions.length).toBeGreaterThan(0);
  });

  it('when filtered by a police type or a life event, then only those items come, as many as the category says', async () => {
    // Arrange
    const categories = (await stack.api().get('/api/v1/categories').expect(200)).body as CategoriesResponse;
    const type = categories.policeTypes[0];
    const event = categories.lifeEvents[0];
    if (!type || !event) throw new Error('no categories');

    // Act
    const byType = await list({ policeType: type.code, pageSize: 50 });
    const byEvent = await list({ lifeEvent: event.code, pageSize: 50 });

    // Assert
    expect(byType.body.total).toBe(type.count);
    expect(byType.body.items.every((item) => item.policeType.code === type.code)).toBe(true);
    expect(byEvent.body.total).toBe(event.count);
    expect(byEvent.body.items.every((item) => item.lifeEvents.some((e) => e.code === event.code))).toBe(true);
  });

  it('when categories are asked for, then police types and life events count all 415 items', async () => {
    const body = (await stack.api().get('/api/v1/categories').expect(200)).body as CategoriesResponse;

    expect(body.total).toBe(415);
    expect(body.policeTypes.reduce((sum, type) => sum + type.count, 0)).toBe(415);
    expect(body.policeTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['户政', '出入境', '治安']));
    expect(body.lifeEvents.length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [{ pageSize: 51 }, 'pageSize'],
    [{ pageSize: 0 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ policeType: 'nosuchtype' }, 'policeType'],
    [{ policeType: 'HZ!' }, 'policeType'],
    [{ lifeEvent: 'nosuchevent' }, 'lifeEvent'],
    [{ q: '身'.repeat(MAX_QUERY_LENGTH + 1) }, 'q'],
    [{ sort: 'name' }, ''],
  ])('when the query is %j, then 400 VALIDATION_FAILED names the field', async (query, field) => {
    const { status, body } = await list(query);

    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields?.map((f) => f.path).join(',')).toContain(field);
  });

  it('when an item guide is opened, then every section of the guide is there', async () => {
    // Arrange
    const [item] = (await list({ q: '居民身份证有效期满换领' })).body.items;
    if (!item) throw new Error('居民身份证有效期满换领 not found');

    // Act
    const res = await stack.api().get(`/api/v1/items/${item.code}`);

    // Assert
    expect(res.status).toBe(200);
    const { item: guide } = res.body as ItemGuideResponse;
    expect(guide.name).toBe('居民身份证有效期满换领');
    expect(guide.conditions.length).toBeGreaterThan(0);
    expect(guide.materials.some((m) => m.necessity === 'required')).toBe(true);
    expect(guide.steps.length).toBeGreaterThanOrEqual(2);
    expect(guide.legalBasis.length).toBeGreaterThan(0);
    expect(guide.halls.length).toBeGreaterThan(0);
    expect(guide.statutoryDays).toBeGreaterThanOrEqual(guide.promisedDays);
    expect(guide.form.sections.flatMap((s) => s.fields).length).toBeGreaterThan(0);
    expect(guide.hotline).not.toBe('');
  });

  it('when an unknown or malformed item code is asked for, then 404 ITEM_NOT_FOUND or 400', async () => {
    const unknown = await stack.api().get('/api/v1/items/1144010000750208200000000000000');
    const malformed = await stack.api().get('/api/v1/items/abc');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ITEM_NOT_FOUND');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when hot items are asked for, then the most requested items come, most requested first', async () => {
    const { items } = (await stack.api().get('/api/v1/items/hot').expect(200)).body as HotItemsResponse;

    expect(items.length).toBe(8);
    const volumes = items.map((item) => item.monthlyVolume);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
  });

  it('when 一件事 packages are listed and one is opened, then it shows its member items and their departments', async () => {
    // Act
    const { packages } = (await stack.api().get('/api/v1/packages').expect(200)).body as PackageListResponse;
    const newborn = packages.find((p) => p.name.includes('出生'));
    if (!newborn) throw new Error('no 新生儿出生 package');
    const detail = (await stack.api().get(`/api/v1/packages/${newborn.code}`).expect(200))
      .body as PackageDetailResponse;

    // Assert
    expect(packages.length).toBeGreaterThanOrEqual(20);
    expect(detail.package.members.length).toBe(newborn.memberCount);
    expect(detail.package.departments.length).toBeGreaterThanOrEqual(2);
    const police = detail.package.members.filter((m) => m.police);
    expect(police.length).toBeGreaterThan(0);
    for (const member of police) await stack.api().get(`/api/v1/items/${member.itemCode}`).expect(200);
  });

  it('when an unknown or malformed package code is asked for, then 404 PACKAGE_NOT_FOUND or 400', async () => {
    const unknown = await stack.api().get('/api/v1/packages/YJS999999');
    const malformed = await stack.api().get('/api/v1/packages/nope');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('PACKAGE_NOT_FOUND');
    expect(malformed.status).toBe(400);
  });

  it('when many searches and guides are read, then the catalog system is not called for them', async () => {
    // Arrange
    await list({ q: '护照' });
    const before = await stack.sandbox.requestsTo('catalog');

    // Act
    for (const q of ['身份证', 'sfz', '港澳', '驾驶证', '户口', '无犯罪']) await list({ q });
    await stack.api().get('/api/v1/categories').expect(200);

    // Assert
    expect(await stack.sandbox.requestsTo('catalog')).toBe(before);
  });
});
