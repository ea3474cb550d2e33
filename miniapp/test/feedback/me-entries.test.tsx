import { fireEvent, render } from '@testing-library/react';
import MePage from '@/pages/me';
import { setAnonymous } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { byId } from '../support/dom';
import { taroStub } from '../stubs/taro';

jest.mock('@/services/messages', () => ({ listMessages: jest.fn() }));

beforeEach(() => {
  privacyStore.set('granted');
  setAnonymous();
});

describe('我的: the feedback entries', () => {
  it('when 我的诉求 and 民声热点榜 are tapped, then their pages open (also logged out)', () => {
    // Arrange
    render(<MePage />);

    // Act
    fireEvent.click(byId('me-complaints'));
    fireEvent.click(byId('me-hot-topics'));

    // Assert
    expect(byId('me-complaints').textContent).toContain('我的诉求');
    expect(byId('me-hot-topics').textContent).toContain('民声热点榜');
    expect(taroStub.navigateTo).toHaveBeenNthCalledWith(1, { url: '/packages/feedback/pages/complaints/index' });
    expect(taroStub.navigateTo).toHaveBeenNthCalledWith(2, { url: '/packages/feedback/pages/hot-topics/index' });
  });
});
