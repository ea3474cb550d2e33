import {
  completeInPersonCheck,
  linkWechat,
  revealIdentity,
  startInPersonCheck,
  unbindIdentity,
} from '@/services/identity';
import { ApiError } from '@/services/api-error';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { taroStub, type ResponseLike } from '../stubs/taro';

const PERSON = { name: '张三', idNumber: '11010519491231002X' };

function answer(statusCode: number, data: unknown): ResponseLike {
  return { statusCode, data, header: {} };
}

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

describe('identity service: 本人认证', () => {
  it('when a 网证 check starts for a typed person, then it POSTs channel, name and ID number and returns the request', async () => {
    // Arrange
    const started = {
      checkId: 'chk-12345678',
      channel: 'ctid',
      expiresInSeconds: 300,
      ctid: { authUrl: 'http://sandbox/ctid/authorize?x=1', qrContent: 'ctid://x' },
    };
    taroStub.request.mockResolvedValue(answer(200, started));

    // Act
    const result = await startInPersonCheck({ channel: 'ctid', ...PERSON });

    // Assert
    expect(result).toEqual(started);
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/identity/checks',
        method: 'POST',
        data: { channel: 'ctid', ...PERSON },
        header: expect.objectContaining({ Authorization: 'Bearer access' }),
      }),
    );
  });

  it('when a check is completed, then it POSTs to the check’s own path', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(
      answer(200, { identity: { realNameStatus: 'verified', inPerson: null }, movedFromAnotherAccount: false }),
    );

    // Act
    const outcome = await completeInPersonCheck('chk-12345678');

    // Assert
    expect(outcome.movedFromAnotherAccount).toBe(false);
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/v1/identity/checks/chk-12345678/complete', method: 'POST' }),
    );
  });

  it('when the check is not done yet, then FACE_CHECK_PENDING comes back as an ApiError', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(
      answer(409, {
        error: { code: 'FACE_CHECK_PENDING', message: '人脸核验尚未完成，请按提示完成后再试', requestId: 'r' },
      }),
    );

    // Act
    const error: unknown = await completeInPersonCheck('chk-12345678').catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ status: 409, code: 'FACE_CHECK_PENDING' });
  });

  it('when 关联微信 runs, then the wx.login code is POSTed to wechat-link', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(answer(204, ''));

    // Act
    await linkWechat();

    // Assert
    expect(taroStub.login).toHaveBeenCalled();
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/v1/identity/wechat-link', method: 'POST', data: { code: 'wx-code' } }),
    );
  });
});

describe('identity service: fresh-check routes', () => {
  it('when the full number needs a fresh check, then the ApiError carries the required level and time', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(
      answer(403, {
        error: {
          code: 'ASSURANCE_REQUIRED',
          message: '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）',
          requestId: 'r',
          required: { level: 'L3', withinSeconds: 300 },
        },
      }),
    );

    // Act
    const error: unknown = await revealIdentity().catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'ASSURANCE_REQUIRED', required: { level: 'L3', withinSeconds: 300 } });
  });

  it('when unbinding, then it DELETEs the binding', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(answer(204, ''));

    // Act
    await unbindIdentity();

    // Assert
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/v1/identity/binding', method: 'DELETE' }),
    );
  });
});
