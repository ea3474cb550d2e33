import { MAX_QUERY_LENGTH } from '@suijing/shared/limits';
import { search, searchPath, suggest, suggestPath } from '@/services/search';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { taroStub } from '../stubs/taro';
import { searchAnswer, suggestAnswer } from '../fixtures/search';

beforeEach(() => {
  resetTokenCacheForTests();
});

describe('search service', () => {
  it('when a search has Chinese text, then the query string is trimmed, encoded and paged', () => {
    // Arrange / Act
    const path = searchPath(' 宝宝上户口 ', 2);

    // Assert
    expect(path).toBe(`/api/v1/search?q=${encodeURIComponent('宝宝上户口')}&page=2&pageSize=20`);
  });

  it('when the text is longer than the contract allows, then suggest sends it cut to the limit instead of being refused', () => {
    // Arrange
    const long = '护'.repeat(MAX_QUERY_LENGTH + 3);

    // Act
    const path = suggestPath(long);

    // Assert
    expect(decodeURIComponent(path)).toBe(`/api/v1/search/suggest?q=${'护'.repeat(MAX_QUERY_LENGTH)}`);
  });

  it('when the citizen is logged in, then search and suggest still go without a token (public data)', async () => {
    // Arrange
    setTokens({ accessToken: 'access', refreshToken: 'refresh' });
    taroStub.request
      .mockResolvedValueOnce({ statusCode: 200, data: searchAnswer([], 1, false), header: {} })
      .mockResolvedValueOnce({ statusCode: 200, data: suggestAnswer([]), header: {} });

    // Act
    await search('护照');
    await suggest('护照');

    // Assert
    const calls = taroStub.request.mock.calls.map(([options]) => options);
    expect(calls.map((c) => c.url)).toEqual([
      `/api/v1/search?q=${encodeURIComponent('护照')}&page=1&pageSize=20`,
      `/api/v1/search/suggest?q=${encodeURIComponent('护照')}`,
    ]);
    expect(calls.every((c) => c.header?.Authorization === undefined)).toBe(true);
  });
});
