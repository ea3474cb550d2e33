import { addFavorite, listFavorites, removeFavorite } from '@/services/favorites';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { taroStub } from '../stubs/taro';

const CODE = '440100000000ABCD0001';

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

describe('favorites service', () => {
  it('when an item is starred, then it PUTs the favourite with the Bearer token', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({ statusCode: 200, data: { code: CODE, favorite: true }, header: {} });

    // Act
    const answer = await addFavorite(CODE);

    // Assert
    expect(answer.favorite).toBe(true);
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/api/v1/favorites/${CODE}`,
        method: 'PUT',
        header: expect.objectContaining({ Authorization: 'Bearer access' }),
      }),
    );
  });

  it('when a favourite is removed, then it DELETEs it and returns favorite:false', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({ statusCode: 200, data: { code: CODE, favorite: false }, header: {} });

    // Act
    const answer = await removeFavorite(CODE);

    // Assert
    expect(answer).toEqual({ code: CODE, favorite: false });
    expect(taroStub.request.mock.calls[0]?.[0].method).toBe('DELETE');
  });

  it('when the account already keeps the most favourites, then FAVORITES_LIMIT comes back with a message to act on', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 409,
      data: { error: { code: 'FAVORITES_LIMIT', message: '收藏已达上限，请先取消一些不常用的收藏', requestId: 'r' } },
      header: {},
    });

    // Act
    const error: unknown = await addFavorite(CODE).catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({
      status: 409,
      code: 'FAVORITES_LIMIT',
      message: '收藏已达上限，请先取消一些不常用的收藏',
    });
  });

  it('when the list is asked for, then it reads /favorites', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({ statusCode: 200, data: { favorites: [] }, header: {} });

    // Act
    const answer = await listFavorites();

    // Assert
    expect(answer.favorites).toEqual([]);
    expect(taroStub.request.mock.calls[0]?.[0].url).toBe('/api/v1/favorites');
  });
});
