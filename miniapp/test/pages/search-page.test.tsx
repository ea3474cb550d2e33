import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import SearchPage from '@/packages/catalog/pages/search';
import { withRecent, MAX_RECENT } from '@/packages/catalog/pages/search/recent-searches';
import { SEARCH_DEBOUNCE_MS } from '@/packages/catalog/pages/search/useSearchQuery';
import { fetchHotItems, listItems } from '@/services/catalog';
import { STORAGE_KEYS } from '@/utils/storage';
import { itemPage, itemSummary, FRESH } from '../fixtures/catalog';
import { storageStub, taroStub } from '../stubs/taro';

jest.mock('@/services/catalog', () => ({
  ...jest.requireActual<object>('@/services/catalog'),
  listItems: jest.fn(),
  fetchHotItems: jest.fn(),
}));
const listMock = jest.mocked(listItems);
const hotMock = jest.mocked(fetchHotItems);

const HOT = itemSummary({ name: '往来港澳通行证签注' });

/** The native input inside NutUI's SearchBar (E2E fills `#search-input input` the same way). */
function searchInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('#search-input input');
  if (!input) throw new Error('no search input');
  return input;
}

function typeText(value: string): void {
  fireEvent.input(searchInput(), { target: { value } });
}

beforeEach(() => {
  jest.useFakeTimers();
  hotMock.mockResolvedValue({ items: [HOT], catalog: FRESH });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('search page', () => {
  it('when the citizen types, then one search runs after the pause, not one per key', async () => {
    // Arrange
    listMock.mockResolvedValue(itemPage([itemSummary({ name: '居民身份证换领' })], 1, false, { total: 1 }));
    render(<SearchPage />);

    // Act
    typeText('身');
    typeText('身份');
    typeText('身份证');
    await act(async () => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));

    // Assert
    expect(listMock).toHaveBeenCalledTimes(1);
    expect(listMock).toHaveBeenCalledWith({ q: '身份证', page: 1 });
    await waitFor(() => expect(screen.getByText('居民身份证换领')).toBeTruthy());
    expect(document.getElementById('search-count')?.textContent).toBe('找到 1 个相关事项');
  });

  it('when nothing matches, then it says so and offers the hot items as suggestions', async () => {
    // Arrange
    listMock.mockResolvedValue(itemPage([], 1, false, { total: 0, suggestions: [HOT] }));
    render(<SearchPage />);

    // Act
    typeText('火星签证');
    await act(async () => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));

    // Assert
    await waitFor(() => expect(document.getElementById('search-empty')).not.toBeNull());
    expect(document.getElementById('search-empty')?.textContent).toContain('没有找到“火星签证”相关事项');
    expect(document.getElementById(`search-suggestion-${HOT.code}`)).not.toBeNull();
  });

  it('when a result is opened, then the search is remembered on this device and the guide opens', async () => {
    // Arrange
    const item = itemSummary({ name: '居民身份证换领' });
    listMock.mockResolvedValue(itemPage([item], 1, false));
    render(<SearchPage />);
    typeText('身份证');
    await act(async () => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    await waitFor(() => expect(document.getElementById(`search-result-${item.code}`)).not.toBeNull());

    // Act
    fireEvent.click(document.getElementById(`search-result-${item.code}`) as HTMLElement);

    // Assert
    expect(storageStub.get(STORAGE_KEYS.recentSearches)).toBe(JSON.stringify(['身份证']));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/catalog/pages/item/index?code=${item.code}`,
    });
  });

  it('when the box is empty, then recent searches show and tapping one searches it at once', async () => {
    // Arrange
    storageStub.set(STORAGE_KEYS.recentSearches, JSON.stringify(['驾驶证', '护照']));
    listMock.mockResolvedValue(itemPage([], 1, false));
    render(<SearchPage />);
    await waitFor(() => expect(document.getElementById(`search-hot-${HOT.code}`)).not.toBeNull());

    // Act
    await act(async () => fireEvent.click(document.getElementById('recent-search-1') as HTMLElement));

    // Assert
    expect(listMock).toHaveBeenCalledWith({ q: '护照', page: 1 });
    expect(searchInput().value).toBe('护照');
  });
});

describe('recent searches', () => {
  it('when a search repeats, then it moves to the front instead of appearing twice, and the list is capped', () => {
    // Arrange
    const many = Array.from({ length: MAX_RECENT }, (_, i) => `q${i}`);

    // Act
    const next = withRecent(many, ' q3 ');

    // Assert
    expect(next[0]).toBe('q3');
    expect(next.filter((q) => q === 'q3')).toHaveLength(1);
    expect(next).toHaveLength(MAX_RECENT);
  });
});
