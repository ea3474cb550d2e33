import { fireEvent, render, waitFor } from '@testing-library/react';
import MePage from '@/pages/me';
import { fetchIdentity } from '@/services/identity';
import { listMessages } from '@/services/messages';
import { setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { byId } from '../support/dom';
import { taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/messages', () => ({ listMessages: jest.fn() }));
jest.mock('@/services/identity', () => ({ fetchIdentity: jest.fn() }));

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  privacyStore.set('granted');
  jest.mocked(listMessages).mockResolvedValue({ items: [], unread: 0 });
  jest.mocked(fetchIdentity).mockResolvedValue({
    realNameStatus: 'verified',
    nameMasked: '张*',
    idNumberMasked: '1101**********002X',
    inPerson: null,
  });
});
afterEach(() => setAnonymous());

describe('我的: level and the identity and data entries', () => {
  it('when the session passed 本人认证, then 我的 says until when and 实名状态 opens 实名与绑定', async () => {
    // Arrange
    setAuthenticated({
      ...TEST_USER,
      realNameStatus: 'verified',
      assurance: { level: 'L3', inPersonAt: new Date(2026, 10, 28, 9, 0).toISOString() },
    });
    render(<MePage />);
    await waitFor(() => expect(document.getElementById('me-realname-masked')).not.toBeNull());

    // Act
    fireEvent.click(byId('me-realname-entry'));

    // Assert
    expect(text('me-realname')).toBe('已刷脸认证，2026年12月28日前有效');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/identity/pages/binding/index' });
  });

  it('when logged in, then 实名与绑定, 使用记录, 副本 and 注销 open their pages', () => {
    // Arrange
    setAuthenticated(TEST_USER);
    render(<MePage />);

    // Act
    for (const id of ['me-binding', 'me-data-usage', 'me-export', 'me-deletion']) fireEvent.click(byId(id));

    // Assert
    expect(text('me-realname')).toBe('未实名，去认证 ›');
    expect(taroStub.navigateTo.mock.calls.map((call) => ((call as unknown[])[0] as { url: string }).url)).toEqual([
      '/packages/identity/pages/binding/index',
      '/packages/privacy/pages/usage/index',
      '/packages/privacy/pages/export/index',
      '/packages/privacy/pages/deletion/index',
    ]);
  });

  it('when logged out, then those entries are not shown', () => {
    // Arrange / Act
    render(<MePage />);

    // Assert
    expect(document.getElementById('me-privacy')).toBeNull();
  });
});
