import { fireEvent, render, waitFor } from '@testing-library/react';
import RecommendPage from '@/packages/halls/pages/recommend';
import { resetPositionForTests } from '@/packages/halls/state/location';
import { ApiError } from '@/services/api-error';
import { fetchRecommendation } from '@/services/halls';
import { privacyStore } from '@/stores/privacy';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';

jest.mock('@/services/halls', () => ({ fetchRecommendation: jest.fn() }));
const recommendMock = jest.mocked(fetchRecommendation);

beforeEach(() => {
  resetPositionForTests();
  privacyStore.set('granted');
  routerStub.params = { business: 'HZ02', name: '居民身份证' };
});

describe('推荐大厅', () => {
  it('when every hall is closed, then nothing is recommended: it says when one opens and offers to book', async () => {
    // Arrange
    taroStub.getLocation.mockResolvedValueOnce({ latitude: 23.13, longitude: 113.32, errMsg: 'getLocation:ok' });
    const message = '可办理该业务的大厅现在都已下班，最早 明天（12月1日 周二）09:00 开放。可先预约，到时直接办理';
    recommendMock.mockRejectedValue(new ApiError({ status: 409, code: 'HALLS_CLOSED', message }));

    // Act
    render(<RecommendPage />);
    await waitFor(() => expect(document.getElementById('recommend-closed')).not.toBeNull());
    fireEvent.click(byId('recommend-closed-book'));

    // Assert
    expect(byId('recommend-closed').textContent).toContain(message);
    expect(document.getElementById('recommend-best')).toBeNull();
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/halls/pages/book/index?business=HZ02' });
  });
});
