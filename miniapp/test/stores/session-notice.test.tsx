import { act, render } from '@testing-library/react';
import LoginPage from '@/packages/account/pages/login';
import { apiRequest, resetApiClientForTests } from '@/services/api-client';
import { getTokens, resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { completeLogin, wireApiClient } from '@/stores/auth-actions';
import { authStore, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { sessionNoticeStore, setSessionNotice } from '@/stores/session-notice';
import { taroStub, type RequestOptionLike, type ResponseLike } from '../stubs/taro';
import { TEST_USER } from '../support/user';

const MOVED_MESSAGE =
  '您的实名身份已通过刷脸认证换绑到另一个账号，本设备已退出登录。如非本人操作，请立即拨打 12345 或 110';

function json(statusCode: number, data: unknown): ResponseLike {
  return { statusCode, data, header: {} };
}
const moved = json(401, { error: { code: 'IDENTITY_MOVED', message: MOVED_MESSAGE, requestId: 'r' } });

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
  setSessionNotice(null);
  privacyStore.set('granted');
  wireApiClient();
  setAuthenticated(TEST_USER);
});

describe('logged out with the reason', () => {
  it('when a request answers 401 IDENTITY_MOVED, then the session ends and the login page says why', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(moved);

    // Act
    await apiRequest({ path: '/api/v1/vehicles' }).catch(() => undefined);
    render(<LoginPage />);

    // Assert
    expect(getTokens()).toBeNull();
    expect(authStore.get().status).toBe('anonymous');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' });
    expect(document.getElementById('login-notice')?.getAttribute('data-code')).toBe('IDENTITY_MOVED');
    expect(document.getElementById('login-notice-title')?.textContent).toBe('您的实名身份已换绑到另一个账号');
    expect(document.getElementById('login-notice-message')?.textContent).toBe(MOVED_MESSAGE);
    expect(taroStub.showToast).not.toHaveBeenCalled();
  });

  it('when the refresh call answers 401 IDENTITY_MOVED, then it is the same notice', async () => {
    // Arrange
    taroStub.request.mockImplementation(async (options: RequestOptionLike) =>
      options.url.endsWith('/auth/refresh')
        ? moved
        : json(401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', requestId: 'r' } }),
    );

    // Act
    await apiRequest({ path: '/api/v1/me' }).catch(() => undefined);

    // Assert
    expect(sessionNoticeStore.get()?.code).toBe('IDENTITY_MOVED');
    expect(getTokens()).toBeNull();
  });

  it('when the next login succeeds, then the notice is gone', () => {
    // Arrange
    setSessionNotice({ code: 'ACCOUNT_CLOSED', title: '账号已注销', message: '该账号已注销，请重新登录以使用新账号' });
    render(<LoginPage />);
    const before = document.getElementById('login-notice');

    // Act
    act(() => completeLogin(TEST_USER));

    // Assert
    expect(before).not.toBeNull();
    expect(document.getElementById('login-notice')).toBeNull();
  });

  it('when the session ends for an ordinary reason (expired), then a toast is enough', async () => {
    // Arrange
    setTokens({ accessToken: 'access', refreshToken: 'refresh' });
    taroStub.request.mockResolvedValue(
      json(401, { error: { code: 'REFRESH_INVALID', message: '登录已失效，请重新登录', requestId: 'r' } }),
    );

    // Act
    await apiRequest({ path: '/api/v1/me' }).catch(() => undefined);

    // Assert
    expect(sessionNoticeStore.get()).toBeNull();
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已失效，请重新登录' }));
  });
});
