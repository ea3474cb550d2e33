import { fireEvent, render, waitFor } from '@testing-library/react';
import HallsPage from '@/packages/halls/pages/list';
import { resetPositionForTests } from '@/packages/halls/state/location';
import { listHalls } from '@/services/halls';
import { privacyStore } from '@/stores/privacy';
import { hallList, hallSummary } from '../fixtures/halls';
import { byId } from '../support/dom';
import { taroStub } from '../stubs/taro';

jest.mock('@/services/halls', () => ({ listHalls: jest.fn() }));
const listMock = jest.mocked(listHalls);
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  resetPositionForTests();
  privacyStore.set('granted');
  listMock.mockResolvedValue(hallList());
});

describe('办事大厅 list', () => {
  it('when the position is refused, then the districts are offered and the list is asked for by district', async () => {
    // Arrange
    taroStub.getLocation.mockRejectedValueOnce(new Error('getLocation:fail auth deny'));

    // Act
    render(<HallsPage />);
    await waitFor(() => expect(document.getElementById('halls-district')).not.toBeNull());
    fireEvent.click(byId('halls-district-天河'));

    // Assert
    expect(text('halls-location-text')).toContain('未能获取您的位置');
    await waitFor(() => expect(listMock).toHaveBeenLastCalledWith(expect.objectContaining({ district: '天河区' })));
    expect(listMock.mock.calls[0]?.[0]).toMatchObject({ position: null, district: undefined });
    expect(byId('halls-relocate')).toBeTruthy();
  });

  it('when the position is known, then the halls come nearest first with distance and wait', async () => {
    // Arrange
    taroStub.getLocation.mockResolvedValueOnce({ latitude: 23.13, longitude: 113.32, errMsg: 'getLocation:ok' });

    // Act
    render(<HallsPage />);
    await waitFor(() => expect(document.getElementById('halls-list')).not.toBeNull());

    // Assert
    expect(listMock).toHaveBeenCalledWith(expect.objectContaining({ position: { lat: 23.13, lng: 113.32 } }));
    expect(document.getElementById('halls-district')).toBeNull();
    expect(text('hall-GA44010601-distance')).toBe('距您 2.1 公里');
    expect(text('hall-GA44010601-wait')).toBe('预计等候 12 分钟');
    expect(text('hall-GA44010601-open')).toBe('营业中');
  });

  it('when a business chip is chosen, then the list is asked for that business and 帮我推荐 opens the recommendation', async () => {
    // Arrange
    taroStub.getLocation.mockResolvedValueOnce({ latitude: 23.13, longitude: 113.32, errMsg: 'getLocation:ok' });
    listMock.mockResolvedValue(
      hallList([hallSummary({ estimatedWaitMinutes: undefined, openNow: false, closed: { reason: 'after-hours' } })]),
    );
    render(<HallsPage />);
    await waitFor(() => expect(document.getElementById('halls-business')).not.toBeNull());

    // Act
    fireEvent.click(byId('halls-business-HZ02'));
    await waitFor(() => expect(listMock).toHaveBeenLastCalledWith(expect.objectContaining({ business: 'HZ02' })));
    await waitFor(() => expect(document.getElementById('halls-list')).not.toBeNull());
    fireEvent.click(byId('halls-recommend'));

    // Assert
    // Closed: why, and no wait at all (an empty queue there is not 无需等候).
    expect(document.getElementById('hall-GA44010601-wait')).toBeNull();
    expect(text('hall-GA44010601-open')).toBe('已下班');
    expect(taroStub.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/halls/pages/recommend/index?business=HZ02&name=${encodeURIComponent('居民身份证')}`,
    });
  });

  it('when 帮我推荐 is tapped without a business, then it asks for one instead of navigating', async () => {
    // Arrange
    taroStub.getLocation.mockResolvedValueOnce({ latitude: 23.13, longitude: 113.32, errMsg: 'getLocation:ok' });
    render(<HallsPage />);
    await waitFor(() => expect(document.getElementById('halls-list')).not.toBeNull());

    // Act
    fireEvent.click(byId('halls-recommend'));

    // Assert
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择要办理的业务' }));
    expect(taroStub.navigateTo).not.toHaveBeenCalled();
  });
});
