import { act, fireEvent, render, waitFor } from '@testing-library/react';
import SearchPage from '@/packages/catalog/pages/search';
import { withRecent, MAX_RECENT } from '@/packages/catalog/pages/search/recent-searches';
import { SUGGEST_PAUSE_MS } from '@/packages/catalog/pages/search/useSuggestions';
import { fetchHotItems } from '@/services/catalog';
import { networkError } from '@/services/api-error';
import { search, suggest } from '@/services/search';
import { STORAGE_KEYS } from '@/utils/storage';
import { itemSummary, FRESH } from '../fixtures/catalog';
import {
  itemHit,
  packageHit,
  packageSummary,
  searchAnswer,
  searchHelp,
  suggestAnswer,
  suggestion,
} from '../fixtures/search';
import { byId } from '../support/dom';
import { pageEvents, storageStub, taroStub } from '../stubs/taro';

jest.mock('@/services/catalog', () => ({
  ...jest.requireActual<object>('@/services/catalog'),
  fetchHotItems: jest.fn(),
}));
jest.mock('@/services/search', () => ({
  ...jest.requireActual<object>('@/services/search'),
  search: jest.fn(),
  suggest: jest.fn(),
}));
const hotMock = jest.mocked(fetchHotItems);
const searchMock = jest.mocked(search);
const suggestMock = jest.mocked(suggest);

const HOT = itemSummary({ name: '往来港澳通行证签注' });
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

/** The native input inside NutUI's SearchBar (E2E fills `#search-input input` the same way). */
function searchInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('#search-input input');
  if (!input) throw new Error('no search input');
  return input;
}

function typeText(value: string): void {
  fireEvent.input(searchInput(), { target: { value } });
}

async function searchFor(value: string): Promise<void> {
  typeText(value);
  await act(async () => fireEvent.click(byId('search-submit')));
}

beforeEach(() => {
  jest.useFakeTimers();
  hotMock.mockResolvedValue({ items: [HOT], catalog: FRESH });
  suggestMock.mockResolvedValue(suggestAnswer([]));
});
afterEach(() => {
  jest.useRealTimers();
});

describe('search page', () => {
  it('when the citizen types, then one suggestion request runs after the pause, not one per key', async () => {
    // Arrange
    suggestMock.mockResolvedValue(suggestAnswer([suggestion({ code: 'P1', text: '普通护照首次申领' })]));
    render(<SearchPage />);

    // Act
    typeText('护');
    typeText('护照');
    await act(async () => jest.advanceTimersByTime(SUGGEST_PAUSE_MS));

    // Assert
    expect(suggestMock.mock.calls).toEqual([['护照']]);
    await waitFor(() => expect(text('suggest-P1')).toContain('普通护照首次申领'));
    expect(text('suggest-P1')).toContain('事项');
    expect(searchMock).not.toHaveBeenCalled();
  });

  it('when suggestions cannot load, then it says so and 搜索 of the typed text still works', async () => {
    // Arrange
    suggestMock.mockRejectedValue(networkError());
    searchMock.mockResolvedValue(searchAnswer([itemHit(itemSummary({ code: 'S1' }))], 1, false));
    render(<SearchPage />);
    typeText('护照');
    await act(async () => jest.advanceTimersByTime(SUGGEST_PAUSE_MS));
    await waitFor(() => expect(document.getElementById('search-suggest-error')).not.toBeNull());
    const note = text('search-suggest-error');

    // Act
    await act(async () => fireEvent.click(byId('search-suggest-submit')));

    // Assert
    expect(note).toContain('暂时无法给出联想');
    await waitFor(() => expect(document.getElementById('search-result-S1')).not.toBeNull());
    expect(searchMock).toHaveBeenCalledWith('护照', 1);
  });

  it('when a suggested package is tapped, then its page opens and the suggestion is remembered', async () => {
    // Arrange
    suggestMock.mockResolvedValue(
      suggestAnswer([suggestion({ kind: 'package', code: 'YJS9', text: '新生儿出生一件事', family: undefined })]),
    );
    render(<SearchPage />);
    typeText('宝宝上户口');
    await act(async () => jest.advanceTimersByTime(SUGGEST_PAUSE_MS));
    await waitFor(() => expect(text('suggest-YJS9')).toContain('一件事'));

    // Act
    fireEvent.click(byId('suggest-YJS9'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/catalog/pages/package/index?code=YJS9' });
    expect(storageStub.get(STORAGE_KEYS.recentSearches)).toBe(JSON.stringify(['新生儿出生一件事']));
  });

  it('when 搜索 is pressed, then hits are labelled, a family shows its count and unfolds its matching variants', async () => {
    // Arrange
    const best = itemSummary({ code: 'PP1', family: '普通护照', name: '普通护照首次申领' });
    const other = itemSummary({ code: 'PP2', family: '普通护照', name: '普通护照补发' });
    searchMock.mockResolvedValue(
      searchAnswer([itemHit(best, { situationCount: 3, matched: [other] }), packageHit(packageSummary())], 1, false, {
        query: { text: '我要办护照', terms: ['护照'] },
      }),
    );
    render(<SearchPage />);

    // Act
    await searchFor('我要办护照');
    await waitFor(() => expect(document.getElementById('search-result')).not.toBeNull());
    fireEvent.click(byId('search-family-toggle-PP1'));

    // Assert
    expect(searchMock).toHaveBeenCalledWith('我要办护照', 1);
    expect(taroStub.pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 });
    expect(text('search-count')).toBe('找到 2 个相关结果');
    expect(text('search-terms')).toBe('已按“护照”为您查找');
    expect(text('search-result-PP1')).toContain('普通护照 · 3 种情形');
    expect(text('search-result-PP1')).toContain('事项');
    expect(text('search-package-YJS0001')).toContain('一件事');
    expect(text('search-variant-PP2')).toContain('普通护照补发');
    fireEvent.click(byId('search-variant-PP2'));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/catalog/pages/item/index?code=PP2' });
    expect(storageStub.get(STORAGE_KEYS.recentSearches)).toBe(JSON.stringify(['我要办护照']));
  });

  it('when a second search is still loading, then the hits of the first one are not shown as its answer', async () => {
    // Arrange
    let answerSecond: (answer: ReturnType<typeof searchAnswer>) => void = () => undefined;
    searchMock
      .mockResolvedValueOnce(searchAnswer([itemHit(itemSummary({ code: 'OLD' }))], 1, false))
      .mockImplementationOnce(() => new Promise((resolve) => (answerSecond = resolve)));
    render(<SearchPage />);
    await searchFor('身份证');
    await waitFor(() => expect(document.getElementById('search-result-OLD')).not.toBeNull());

    // Act
    await searchFor('护照');

    // Assert
    expect(document.getElementById('search-result-OLD')).toBeNull();
    expect(document.getElementById('search-result-loading')).not.toBeNull();
    await act(async () => answerSecond(searchAnswer([itemHit(itemSummary({ code: 'NEW' }))], 1, false)));
    expect(document.getElementById('search-result-NEW')).not.toBeNull();
  });

  it('when the page is scrolled to the end, then the next page of hits is appended', async () => {
    // Arrange
    const first = itemSummary({ code: 'A1' });
    const second = itemSummary({ code: 'A2' });
    searchMock.mockImplementation((_q, page = 1) =>
      Promise.resolve(searchAnswer([itemHit(page === 1 ? first : second)], page, page === 1, { total: 2 })),
    );
    render(<SearchPage />);
    await searchFor('身份证');
    await waitFor(() => expect(document.getElementById('search-result-A1')).not.toBeNull());

    // Act
    await act(async () => pageEvents.reachBottom());

    // Assert
    await waitFor(() => expect(document.getElementById('search-result-A2')).not.toBeNull());
    expect(searchMock).toHaveBeenLastCalledWith('身份证', 2);
    expect(document.getElementById('search-result-end')).not.toBeNull();
  });

  it('when nothing matches, then it offers 您是不是要找, the hot items and phones to call', async () => {
    // Arrange
    const near = itemSummary({ code: 'N1', name: '住房公积金' });
    searchMock.mockResolvedValue(
      searchAnswer([], 1, false, { total: 0, help: searchHelp({ didYouMean: [near], hot: [HOT] }) }),
    );
    render(<SearchPage />);

    // Act
    await searchFor('公积金提取');
    await waitFor(() => expect(document.getElementById('search-empty')).not.toBeNull());
    fireEvent.click(byId('search-phone-0'));

    // Assert
    expect(text('search-empty')).toContain('没有找到“公积金提取”相关事项');
    expect(text('search-did-you-mean')).toContain('您是不是要找');
    expect(document.getElementById('search-did-you-mean-N1')).not.toBeNull();
    expect(document.getElementById(`search-help-hot-${HOT.code}`)).not.toBeNull();
    expect(taroStub.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12345' });
  });

  it('when the search fails, then the reason shows with a retry that searches again', async () => {
    // Arrange
    searchMock.mockRejectedValueOnce(networkError());
    searchMock.mockResolvedValueOnce(searchAnswer([itemHit(itemSummary({ code: 'R1' }))], 1, false));
    render(<SearchPage />);
    await searchFor('护照');
    await waitFor(() => expect(document.getElementById('search-result-error')).not.toBeNull());

    // Act
    await act(async () => fireEvent.click(byId('search-result-error-retry')));

    // Assert
    await waitFor(() => expect(document.getElementById('search-result-R1')).not.toBeNull());
    expect(searchMock).toHaveBeenCalledTimes(2);
  });

  it('when the box is empty, then recent searches show, tapping one searches it and 清空 forgets them', async () => {
    // Arrange
    storageStub.set(STORAGE_KEYS.recentSearches, JSON.stringify(['驾驶证', '护照']));
    searchMock.mockResolvedValue(searchAnswer([], 1, false, { help: searchHelp() }));
    render(<SearchPage />);
    await waitFor(() => expect(document.getElementById(`search-hot-${HOT.code}`)).not.toBeNull());

    // Act
    await act(async () => fireEvent.click(byId('recent-search-1')));
    const input = searchInput().value;
    await act(async () => typeText(''));
    fireEvent.click(byId('recent-clear'));

    // Assert
    expect(searchMock).toHaveBeenCalledWith('护照', 1);
    expect(input).toBe('护照');
    expect(document.getElementById('search-recent')).toBeNull();
    expect(storageStub.has(STORAGE_KEYS.recentSearches)).toBe(false);
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
