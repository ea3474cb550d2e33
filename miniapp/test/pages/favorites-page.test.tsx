import { act, fireEvent, render, waitFor } from '@testing-library/react';
import FavoritesPage from '@/packages/catalog/pages/favorites';
import { listFavorites, removeFavorite } from '@/services/favorites';
import { setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { itemSummary } from '../fixtures/catalog';
import { pageEvents } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/favorites', () => ({
  listFavorites: jest.fn(),
  removeFavorite: jest.fn(),
}));
const listMock = jest.mocked(listFavorites);
const removeMock = jest.mocked(removeFavorite);

const LIVE = itemSummary({ name: '居民身份证换领' });
const GONE_CODE = '440100000000GONE0001';

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  listMock.mockResolvedValue({
    favorites: [
      { code: LIVE.code, name: LIVE.name, favoritedAt: '2026-11-20T02:00:00.000Z', available: true, item: LIVE },
      { code: GONE_CODE, name: '旧版户籍证明', favoritedAt: '2026-10-01T02:00:00.000Z', available: false },
    ],
  });
});

describe('我的收藏', () => {
  it('when logged out, then it asks to log in and loads nothing', () => {
    // Arrange
    setAnonymous();

    // Act
    render(<FavoritesPage />);

    // Assert
    expect(document.getElementById('login-prompt')).not.toBeNull();
    expect(listMock).not.toHaveBeenCalled();
  });

  it('when an item left the catalog, then it stays listed, greyed, with a note and no link', async () => {
    // Arrange / Act
    render(<FavoritesPage />);

    // Assert
    await waitFor(() => expect(document.getElementById(`favorite-${GONE_CODE}`)).not.toBeNull());
    expect(document.getElementById(`favorite-${GONE_CODE}`)?.className).toContain('favorite-card--unavailable');
    expect(document.getElementById(`favorite-${GONE_CODE}-unavailable`)?.textContent).toContain('暂不能查看指南');
    expect(document.getElementById(`favorite-${LIVE.code}`)?.className).not.toContain('unavailable');
  });

  it('when 取消收藏 is tapped, then the item leaves the list', async () => {
    // Arrange
    removeMock.mockResolvedValue({ code: LIVE.code, favorite: false });
    render(<FavoritesPage />);
    await waitFor(() => expect(document.getElementById(`unfavorite-${LIVE.code}`)).not.toBeNull());

    // Act
    await act(async () => fireEvent.click(document.getElementById(`unfavorite-${LIVE.code}`) as HTMLElement));

    // Assert
    expect(removeMock).toHaveBeenCalledWith(LIVE.code);
    expect(document.getElementById(`favorite-${LIVE.code}`)).toBeNull();
    expect(document.getElementById(`favorite-${GONE_CODE}`)).not.toBeNull();
  });

  it('when the citizen comes back from a guide, then the list is read again (the star may have changed)', async () => {
    // Arrange
    render(<FavoritesPage />);
    await waitFor(() => expect(listMock).toHaveBeenCalledTimes(1));

    // Act
    act(() => pageEvents.show()); // first show: already loading, no second call
    act(() => pageEvents.hide());
    await act(async () => pageEvents.show());

    // Assert
    await waitFor(() => expect(listMock).toHaveBeenCalledTimes(2));
  });
});
