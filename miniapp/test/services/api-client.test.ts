import { apiRequest, configureApiClient, resetApiClientForTests, ApiError } from '@/services/api-client';
import { NETWORK_ERROR_MESSAGE } from '@/services/api-error';
import { getTokens, resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { taroStub, type RequestOptionLike, type ResponseLike } from '../stubs/taro';
import { TEST_USER } from '../support/user';

const OLD = { accessToken: 'access-old', refreshToken: 'refresh-old' };
function json(statusCode: number, data: unknown): ResponseLike {
  return { statusCode, data, header: { 'x-request-id': 'req-1' } };
}
const expired = json(401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', requestId: 'req-1' } });

/** A fake BFF: /auth/refresh answers `refresh`; other paths answer by the token they carry. */
function fakeBff(refresh: () => Promise<ResponseLike>): { refreshCalls: () => number } {
  let refreshCalls = 0;
  taroStub.request.mockImplementation(async (opts: RequestOptionLike) => {
    if (opts.url.endsWith('/api/v1/auth/refresh')) {
      refreshCalls += 1;
      return refresh();
    }
    const auth = opts.header?.Authorization;
    return auth === 'Bearer access-new' ? json(200, { path: opts.url }) : expired;
  });
  return { refreshCalls: () => refreshCalls };
}

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens(OLD);
});

describe('api-client refresh', () => {
  it('when several calls get 401 TOKEN_EXPIRED at once, then it refreshes once and retries each call with the new token', async () => {
    // Arrange
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bff = fakeBff(async () => {
      await gate; // keep the refresh in flight until every call has hit its 401
      return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new', expiresIn: 900, user: TEST_USER });
    });
    const onTokenResponse = jest.fn();
    configureApiClient({ onTokenResponse });

    // Act
    const calls = [
      apiRequest({ path: '/api/v1/me' }),
      apiRequest({ path: '/api/v1/sessions' }),
      apiRequest({ path: '/api/v1/me' }),
    ];
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    const results = await Promise.all(calls);

    // Assert
    expect(bff.refreshCalls()).toBe(1);
    expect(results).toEqual([{ path: '/api/v1/me' }, { path: '/api/v1/sessions' }, { path: '/api/v1/me' }]);
    expect(getTokens()).toEqual({ accessToken: 'access-new', refreshToken: 'refresh-new' });
    expect(onTokenResponse).toHaveBeenCalledTimes(1);
  });

  it('when the refresh is rejected, then the tokens are cleared, login is requested once and the callers get the error', async () => {
    // Arrange
    fakeBff(async () =>
      json(401, { error: { code: 'REFRESH_INVALID', message: '登录已失效，请重新登录', requestId: 'req-2' } }),
    );
    const onAuthLost = jest.fn();
    configureApiClient({ onAuthLost });

    // Act
    const outcomes = await Promise.allSettled([
      apiRequest({ path: '/api/v1/me' }),
      apiRequest({ path: '/api/v1/sessions' }),
    ]);

    // Assert
    expect(getTokens()).toBeNull();
    expect(onAuthLost).toHaveBeenCalledTimes(1);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason: unknown = outcome.status === 'rejected' ? outcome.reason : null;
      expect(reason).toBeInstanceOf(ApiError);
      expect(reason).toMatchObject({ status: 401, code: 'REFRESH_INVALID', message: '登录已失效，请重新登录' });
    }
  });

  it('when the refresh fails for lack of network, then the tokens are kept for a later try', async () => {
    // Arrange
    fakeBff(async () => Promise.reject(new Error('request:fail')));
    const onAuthLost = jest.fn();
    configureApiClient({ onAuthLost });

    // Act
    const error: unknown = await apiRequest({ path: '/api/v1/me' }).catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
    expect(getTokens()).toEqual(OLD);
    expect(onAuthLost).not.toHaveBeenCalled();
  });

  it('when a call gets 401 SESSION_REVOKED, then it does not refresh and sends the user to login', async () => {
    // Arrange
    const revoked = json(401, {
      error: { code: 'SESSION_REVOKED', message: '该设备已退出登录，请重新登录', requestId: 'r' },
    });
    taroStub.request.mockResolvedValue(revoked);
    const onAuthLost = jest.fn();
    configureApiClient({ onAuthLost });

    // Act
    const error: unknown = await apiRequest({ path: '/api/v1/me' }).catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ code: 'SESSION_REVOKED' });
    expect(taroStub.request).toHaveBeenCalledTimes(1);
    expect(getTokens()).toBeNull();
    expect(onAuthLost).toHaveBeenCalledTimes(1);
  });
});

describe('api-client errors', () => {
  it('when the network is down, then the error says so in Chinese', async () => {
    // Arrange
    taroStub.request.mockRejectedValue(new Error('request:fail timeout'));

    // Act
    const error: unknown = await apiRequest({ path: '/api/v1/me' }).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });

  it('when the BFF answers an error body, then code, message, requestId and fields are typed', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: '提交的信息有误',
          requestId: 'req-9',
          fields: [{ path: 'phone', message: '请输入 11 位中国大陆手机号' }],
        },
      }),
    );

    // Act
    const error: unknown = await apiRequest({
      method: 'POST',
      path: '/api/v1/auth/sms/send',
      data: { phone: '1' },
      auth: false,
    }).catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      requestId: 'req-9',
      fields: [{ path: 'phone', message: '请输入 11 位中国大陆手机号' }],
    });
  });

  it('when a proxy answers 502 without a JSON body, then the message is still a usable Chinese one', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({ statusCode: 502, data: null, header: {} });

    // Act
    const error: unknown = await apiRequest({ path: '/api/v1/me' }).catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ status: 502, code: 'UNKNOWN', message: '系统繁忙，请稍后再试' });
  });

  it('when a call needs auth, then it sends the Bearer token to the configured base URL', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(json(200, TEST_USER));

    // Act
    await apiRequest({ path: '/api/v1/me' });

    // Assert
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/me',
        method: 'GET',
        header: expect.objectContaining({ Authorization: 'Bearer access-old' }),
      }),
    );
  });
});
