import type { Favorite, FavoriteListResponse, ItemListResponse } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms } from '../support/auth-helpers';

/** 我的收藏: per user in MongoDB, idempotent, only items of the catalog. */
describe('favourites', () => {
  let stack: TestStack;
  let codes: string[];
  beforeAll(async () => {
    stack = await startTestStack();
    const res = await stack.api().get('/api/v1/items').query({ q: '身份证' }).expect(200);
    codes = (res.body as ItemListResponse).items.map((item) => item.code);
  });
  afterAll(() => stack.close());

  const put = (token: string, code: string) => stack.api().put(`/api/v1/favorites/${code}`).set(bearer(token));
  const listOf = async (token: string) =>
    ((await stack.api().get('/api/v1/favorites').set(bearer(token)).expect(200)).body as FavoriteListResponse)
      .favorites;

  it('when not logged in, then favourites are 401', async () => {
    const res = await stack.api().put(`/api/v1/favorites/${codes[0]}`);

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('when an item is favourited twice, then it is kept once with the first time, and listed with its summary', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);
    const [code] = codes as [string];

    // Act
    const first = (await put(accessToken, code).expect(200)).body as Favorite;
    await stack.advanceTime(1000);
    const again = (await put(accessToken, code).expect(200)).body as Favorite;
    const favorites = await listOf(accessToken);
    const state = (await stack.api().get(`/api/v1/favorites/${code}`).set(bearer(accessToken)).expect(200))
      .body as Favorite;

    // Assert
    expect(first).toEqual({ code, favorite: true, favoritedAt: expect.any(String) });
    expect(again.favoritedAt).toBe(first.favoritedAt);
    expect(favorites).toHaveLength(1);
    expect(favorites[0]).toMatchObject({ code, available: true, item: { code } });
    expect(state.favorite).toBe(true);
  });

  it('when favourites are added over time, then the newest comes first', async () => {
    const { accessToken } = await loginBySms(stack);
    const [a, b] = codes as [string, string];

    await put(accessToken, a).expect(200);
    await stack.advanceTime(1000);
    await put(accessToken, b).expect(200);

    expect((await listOf(accessToken)).map((f) => f.code)).toEqual([b, a]);
  });

  it('when a favourite is removed, even twice, then it is gone and the answer says so', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);
    const [code] = codes as [string];
    await put(accessToken, code).expect(200);

    // Act
    const removed = await stack.api().delete(`/api/v1/favorites/${code}`).set(bearer(accessToken));
    const again = await stack.api().delete(`/api/v1/favorites/${code}`).set(bearer(accessToken));

    // Assert
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ code, favorite: false });
    expect(again.status).toBe(200);
    expect(await listOf(accessToken)).toEqual([]);
  });

  it("when another user looks, then they never see someone else's favourites", async () => {
    // Arrange
    const owner = await loginBySms(stack);
    const other = await loginBySms(stack);
    const [code] = codes as [string];
    await put(owner.accessToken, code).expect(200);

    // Act
    const theirs = await listOf(other.accessToken);
    const state = await stack.api().get(`/api/v1/favorites/${code}`).set(bearer(other.accessToken)).expect(200);

    // Assert
    expect(theirs).toEqual([]);
    expect(state.body.favorite).toBe(false);
  });

  it('when an unknown or malformed code is favourited, then 404 ITEM_NOT_FOUND or 400, and nothing is stored', async () => {
    const { accessToken } = await loginBySms(stack);

    const unknown = await put(accessToken, '1144010000750208200000000000000');
    const malformed = await put(accessToken, 'not-a-code');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ITEM_NOT_FOUND');
    expect(malformed.status).toBe(400);
    expect(await listOf(accessToken)).toEqual([]);
  });

  it('when the same favourite is added by many concurrent requests, then exactly one is stored', async () => {
    const { accessToken } = await loginBySms(stack);
    const [code] = codes as [string];

    const answers = await Promise.all(Array.from({ length: 10 }, () => put(accessToken, code)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => (a.body as Favorite).favoritedAt)).size).toBe(1);
    expect(await listOf(accessToken)).toHaveLength(1);
  });
});
