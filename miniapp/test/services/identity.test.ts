import { finishFaceCheck, startFaceCheck } from '@/services/identity';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { taroStub } from '../stubs/taro';

const PERSON = { name: '张三', idNumber: '11010519491231002X' };

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

describe('identity service: 刷脸认证', () => {
  it('when a face check starts, then it POSTs the name and ID number and returns the verifyId', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 200,
      data: { verifyId: 'v1', expiresInSeconds: 300 },
      header: {},
    });

    // Act
    const started = await startFaceCheck(PERSON);

    // Assert
    expect(started).toEqual({ verifyId: 'v1', expiresInSeconds: 300 });
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/identity/face/start',
        method: 'POST',
        data: PERSON,
        header: expect.objectContaining({ Authorization: 'Bearer access' }),
      }),
    );
  });

  it('when the result is asked for, then it POSTs the verifyId and returns the status', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 200,
      data: { realNameStatus: 'verified', method: 'face', nameMasked: '张*' },
      header: {},
    });

    // Act
    const status = await finishFaceCheck('v1');

    // Assert
    expect(status.realNameStatus).toBe('verified');
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/v1/identity/face/result', method: 'POST', data: { verifyId: 'v1' } }),
    );
  });

  it('when the camera step is not done yet, then FACE_CHECK_PENDING comes back as an ApiError', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 409,
      data: { error: { code: 'FACE_CHECK_PENDING', message: '人脸核验尚未完成，请按提示完成后再试', requestId: 'r' } },
      header: {},
    });

    // Act
    const error: unknown = await finishFaceCheck('v1').catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ status: 409, code: 'FACE_CHECK_PENDING' });
  });
});
