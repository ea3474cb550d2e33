import { act, renderHook, waitFor } from '@testing-library/react';
import type { ItemListResponse, ItemSummary } from '@suijing/shared';
import { usePagedList } from '@/hooks/usePagedList';
import { ApiError } from '@/services/api-error';
import { itemPage, itemSummary } from '../fixtures/catalog';

const codeOf = (item: ItemSummary): string => item.code;

/** A promise the test settles by hand, to hold an answer in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('usePagedList', () => {
  it('when the list is scrolled to its end twice, then pages 2 and 3 are appended and it ends with done', async () => {
    // Arrange
    const pages = [0, 1, 2].map((n) => [itemSummary(), itemSummary()].map((i) => ({ ...i, name: `p${n}` })));
    const fetchPage = jest.fn((page: number) => Promise.resolve(itemPage(pages[page - 1] ?? [], page, page < 3)));
    const { result } = renderHook(() => usePagedList('all', fetchPage, codeOf));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    // Act
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(4));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.more).toBe('done'));

    // Assert
    expect(result.current.items.map((i) => i.name)).toEqual(['p0', 'p0', 'p1', 'p1', 'p2', 'p2']);
    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2, 3]);
    act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('when loadMore fires again while a page is loading, then only one request is made', async () => {
    // Arrange
    const second = deferred<ItemListResponse>();
    const fetchPage = jest.fn((page: number) =>
      page === 1 ? Promise.resolve(itemPage([itemSummary()], 1, true)) : second.promise,
    );
    const { result } = renderHook(() => usePagedList('all', fetchPage, codeOf));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    // Act
    act(() => {
      result.current.loadMore();
      result.current.loadMore();
    });
    act(() => result.current.loadMore());

    // Assert
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(result.current.more).toBe('loading');
    await act(async () => second.resolve(itemPage([itemSummary()], 2, false)));
    expect(result.current.items).toHaveLength(2);
  });

  it('when the filter changes while the old first page is still loading, then the old answer is dropped', async () => {
    // Arrange
    const slowOld = deferred<ItemListResponse>();
    const fresh = itemSummary({ name: '出入境事项' });
    const fetchers: Record<string, (page: number) => Promise<ItemListResponse>> = {
      hz: () => slowOld.promise,
      crj: (page) => Promise.resolve(itemPage([fresh], page, false)),
    };
    const { result, rerender } = renderHook(({ key }) => usePagedList(key, (p) => fetchers[key]!(p), codeOf), {
      initialProps: { key: 'hz' },
    });

    // Act
    rerender({ key: 'crj' });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(async () => slowOld.resolve(itemPage([itemSummary({ name: '户政事项' })], 1, true)));

    // Assert
    expect(result.current.items.map((i) => i.name)).toEqual(['出入境事项']);
    expect(result.current.more).toBe('done');
  });

  it('when the catalog shifts and page 2 repeats an item of page 1, then it is listed once', async () => {
    // Arrange
    const a = itemSummary();
    const b = itemSummary();
    const fetchPage = (page: number): Promise<ItemListResponse> =>
      Promise.resolve(page === 1 ? itemPage([a], 1, true) : itemPage([a, b], 2, false));
    const { result } = renderHook(() => usePagedList('all', fetchPage, codeOf));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    // Act
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.more).toBe('done'));

    // Assert
    expect(result.current.items.map(codeOf)).toEqual([a.code, b.code]);
  });

  it('when the next page fails, then the items stay, the footer can retry, and the retry appends', async () => {
    // Arrange
    let failNext = true;
    const fetchPage = jest.fn((page: number) => {
      if (page === 2 && failNext) {
        failNext = false;
        return Promise.reject(
          new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' }),
        );
      }
      return Promise.resolve(itemPage([itemSummary()], page, page < 2));
    });
    const { result } = renderHook(() => usePagedList('all', fetchPage, codeOf));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    // Act
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.more).toBe('error'));
    const failed = { items: result.current.items.length, error: result.current.error };
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.more).toBe('done'));

    // Assert
    expect(failed).toEqual({ items: 1, error: '网络连接失败，请检查网络后重试' });
    expect(result.current.items).toHaveLength(2);
    expect(result.current.status).toBe('ready');
  });

  it('when there is no query (key null), then nothing is loaded', () => {
    // Arrange
    const fetchPage = jest.fn();

    // Act
    const { result } = renderHook(() => usePagedList(null, fetchPage, codeOf));

    // Assert
    expect(result.current.status).toBe('idle');
    expect(fetchPage).not.toHaveBeenCalled();
  });
});
