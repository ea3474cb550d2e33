import { ApiError } from '@/services/api-client';
import { fetchItemGuide, itemListPath, listItems, MAX_QUERY_LENGTH } from '@/services/catalog';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { taroStub } from '../stubs/taro';
import { itemPage } from '../fixtures/catalog';

beforeEach(() => {
  resetTokenCacheForTests();
});

describe('catalog service', () => {
  it('when a search has Chinese text and filters, then the query string is encoded and empty filters are left out', () => {
    // Arrange / Act
    const path = itemListPath({ q: ' 身份证 ', policeType: 'hz', lifeEvent: '', page: 2 });

    // Assert
    expect(path).toBe(`/api/v1/items?q=${encodeURIComponent('身份证')}&policeType=hz&page=2&pageSize=20`);
  });

  it('when the query is longer than the contract allows, then it is cut to the limit instead of being refused', () => {
    // Arrange
    const long = '身'.repeat(MAX_QUERY_LENGTH + 5);

    // Act
    const path = itemListPath({ q: long });

    // Assert
    expect(decodeURIComponent(path)).toContain(`q=${'身'.repeat(MAX_QUERY_LENGTH)}&`);
  });

  it('when the citizen is logged in, then catalog calls still go without a token (public data, no refresh)', async () => {
    // Arrange
    setTokens({ accessToken: 'access', refreshToken: 'refresh' });
    taroStub.request.mockResolvedValue({ statusCode: 200, data: itemPage([], 1, false), header: {} });

    // Act
    const answer = await listItems({ lifeEvent: 'cs' });

    // Assert
    expect(answer.hasMore).toBe(false);
    const call = taroStub.request.mock.calls[0]?.[0];
    expect(call?.url).toBe('/api/v1/items?lifeEvent=cs&page=1&pageSize=20');
    expect(call?.header?.Authorization).toBeUndefined();
  });

  it('when an item is unknown, then the BFF 404 surfaces as ITEM_NOT_FOUND with its Chinese message', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 404,
      data: {
        error: { code: 'ITEM_NOT_FOUND', message: '未找到该事项，它可能已调整或下线，请返回重新搜索', requestId: 'r' },
      },
      header: {},
    });

    // Act
    const error: unknown = await fetchItemGuide('NOPE00000000').catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'ITEM_NOT_FOUND' });
    expect(taroStub.request.mock.calls[0]?.[0].url).toBe('/api/v1/items/NOPE00000000');
  });
});
