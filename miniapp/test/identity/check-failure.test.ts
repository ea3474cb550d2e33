import { describeCheckFailure } from '@/components/InPersonCheck/check-failure';
import { ApiError, type ApiErrorCode } from '@/services/api-error';
import { ERRORS } from '@suijing/shared/errors';

function apiError(code: ApiErrorCode, status = 400): ApiError {
  const message = code === 'NETWORK_ERROR' || code === 'UNKNOWN' ? '网络连接失败' : ERRORS[code].message;
  return new ApiError({ status, code, message });
}

describe('a failed 本人认证, in words and with the way on', () => {
  it.each([
    ['FACE_NOT_DETECTED', 'restart'],
    ['FACE_NOT_SAME_PERSON', 'restart'],
    ['FACE_LIVENESS_FAILED', 'restart'],
    ['FACE_CHECK_TIMEOUT', 'restart'],
    ['FACE_CHECK_CANCELLED', 'restart'],
    ['FACE_CHECK_FAILED', 'restart'],
    ['FACE_CHECK_EXPIRED', 'restart'],
    ['FACE_CHECK_CLOCK_SKEW', 'restart'],
    ['FACE_CHECK_NOT_FOUND', 'restart'],
    ['FACE_CHECK_PENDING', 'complete'],
    ['IN_PERSON_TOO_MANY_TRIES', 'stop'],
    ['IN_PERSON_ID_TOO_MANY_TRIES', 'stop'],
  ] as const)('when completing answers %s, then the BFF’s words show and the next step is %s', (code, next) => {
    // Arrange
    const error = apiError(code);

    // Act
    const failure = describeCheckFailure(error, 'complete');

    // Assert
    expect(failure).toEqual({ message: ERRORS[code].message, next, fields: {} });
  });

  it('when starting a WeChat face check answers WECHAT_OPENID_REQUIRED, then 关联微信 is the way on', () => {
    // Act
    const failure = describeCheckFailure(apiError('WECHAT_OPENID_REQUIRED', 409), 'start');

    // Assert
    expect(failure.next).toBe('link-wechat');
    expect(failure.message).toContain('关联微信');
  });

  it('when the answer to 我已完成认证 got lost (offline), then asking again is the way on', () => {
    // Act / Assert
    expect(describeCheckFailure(apiError('NETWORK_ERROR', 0), 'complete').next).toBe('complete');
    expect(describeCheckFailure(apiError('NETWORK_ERROR', 0), 'start').next).toBe('restart');
  });

  it('when the typed ID number is refused, then the field shows why', () => {
    // Arrange
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误',
      fields: [{ path: 'idNumber', message: '请填写有效的 18 位居民身份证号码' }],
    });

    // Act
    const failure = describeCheckFailure(error, 'start');

    // Assert
    expect(failure).toEqual({
      message: '提交的信息有误',
      next: 'fix-fields',
      fields: { idNumber: '请填写有效的 18 位居民身份证号码' },
    });
  });
});
