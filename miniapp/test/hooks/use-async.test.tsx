import { act, renderHook, waitFor } from '@testing-library/react';
import { useAsync } from '@/hooks/useAsync';

describe('useAsync', () => {
  it('when the page already has the data, then the first render shows it and nothing is loaded on mount', async () => {
    // Arrange
    const load = jest.fn(() => Promise.resolve('fresh'));

    // Act
    const { result } = renderHook(() => useAsync(load, 'served'));
    await act(() => Promise.resolve());

    // Assert
    expect(result.current.state).toEqual({ status: 'success', data: 'served' });
    expect(load).not.toHaveBeenCalled();
  });

  it('when a page that started from served data reloads, then it loads and shows the new answer', async () => {
    // Arrange
    const load = jest.fn(() => Promise.resolve('fresh'));
    const { result } = renderHook(() => useAsync(load, 'served'));

    // Act
    act(() => result.current.reload());

    // Assert
    await waitFor(() => expect(result.current.state).toEqual({ status: 'success', data: 'fresh' }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when there is no data yet, then it loads on mount as before', async () => {
    // Arrange
    const load = jest.fn(() => Promise.resolve('fresh'));

    // Act
    const { result } = renderHook(() => useAsync(load));

    // Assert
    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'success', data: 'fresh' }));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
