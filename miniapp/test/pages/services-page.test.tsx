import { act, fireEvent, render, waitFor } from '@testing-library/react';
import ServicesPage from '@/pages/services';
import { fetchCategories, listItems } from '@/services/catalog';
import { catalogFilterStore } from '@/stores/catalog-filter';
import { ApiError } from '@/services/api-error';
import { itemPage, itemSummary, FRESH } from '../fixtures/catalog';
import { pageEvents } from '../stubs/taro';
import { byId } from '../support/dom';

jest.mock('@/services/catalog', () => ({
  ...jest.requireActual<object>('@/services/catalog'),
  listItems: jest.fn(),
  fetchCategories: jest.fn(),
}));
const listMock = jest.mocked(listItems);
const categoriesMock = jest.mocked(fetchCategories);

const CATEGORIES = {
  total: 45,
  policeTypes: [
    { code: 'hz', name: '户政', count: 25 },
    { code: 'crj', name: '出入境', count: 20 },
  ],
  lifeEvents: [{ code: 'cs', name: '出生', count: 3 }],
  catalog: FRESH,
};

beforeEach(() => {
  catalogFilterStore.set({ policeType: null, lifeEvent: null });
  categoriesMock.mockResolvedValue(CATEGORIES);
  listMock.mockImplementation(async ({ page = 1 }) =>
    itemPage(
      Array.from({ length: page === 1 ? 20 : 5 }, () => itemSummary()),
      page,
      page === 1,
    ),
  );
});

describe('办事 tab', () => {
  it('when the page is scrolled to its end, then the next page of 20 is appended and the list ends with 没有更多了', async () => {
    // Arrange
    render(<ServicesPage />);
    await waitFor(() => expect(document.querySelectorAll('.item-card')).toHaveLength(20));

    // Act
    await act(async () => pageEvents.reachBottom());

    // Assert
    await waitFor(() => expect(document.querySelectorAll('.item-card')).toHaveLength(25));
    expect(listMock.mock.calls.map(([params]) => params)).toEqual([
      { policeType: undefined, lifeEvent: undefined, page: 1 },
      { policeType: undefined, lifeEvent: undefined, page: 2 },
    ]);
    expect(byId('services-item-end').textContent).toBe('没有更多了');
  });

  it('when a police type is chosen, then the list starts over filtered to it', async () => {
    // Arrange
    render(<ServicesPage />);
    await waitFor(() => expect(document.getElementById('services-type-crj')).not.toBeNull());
    expect(byId('services-type-crj').textContent).toBe('出入境 20');

    // Act
    await act(async () => fireEvent.click(byId('services-type-crj')));

    // Assert
    await waitFor(() =>
      expect(listMock).toHaveBeenLastCalledWith({ policeType: 'crj', lifeEvent: undefined, page: 1 }),
    );
    expect(byId('services-type-crj').getAttribute('aria-selected')).toBe('true');
  });

  it('when 首页 chose a police type before switching here, then the tab opens filtered to it', async () => {
    // Arrange
    catalogFilterStore.set({ policeType: 'hz', lifeEvent: null });

    // Act
    render(<ServicesPage />);

    // Assert
    await waitFor(() => expect(listMock).toHaveBeenCalledWith({ policeType: 'hz', lifeEvent: undefined, page: 1 }));
  });

  it('when the catalog cannot be reached, then the list says why and retries on request', async () => {
    // Arrange
    listMock.mockRejectedValueOnce(
      new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '相关业务系统暂时无法访问，请稍后再试' }),
    );
    render(<ServicesPage />);
    await waitFor(() => expect(document.getElementById('services-item-error')).not.toBeNull());

    // Act
    await act(async () => fireEvent.click(byId('services-item-error-retry')));

    // Assert
    await waitFor(() => expect(document.querySelectorAll('.item-card')).toHaveLength(20));
  });
});
