import { faceOutcomeOf } from './face-outcome';

const READ_AT = new Date('2026-11-28T03:04:05Z');

describe('WeChat face check verify_ret', () => {
  it('when verify_ret is 10000, then the check passed at the time it was read', () => {
    // Act
    const outcome = faceOutcomeOf(10000, READ_AT);

    // Assert
    expect(outcome).toEqual({ kind: 'passed', checkedAt: READ_AT });
  });

  it.each([
    { verifyRet: 10002, reason: 'no-face' },
    { verifyRet: 90011, reason: 'no-face' },
    { verifyRet: 90023, reason: 'no-face' },
    { verifyRet: 10004, reason: 'not-same-person' },
    { verifyRet: 10027, reason: 'liveness' },
    { verifyRet: 10028, reason: 'liveness' },
    { verifyRet: 10020, reason: 'timeout' },
    { verifyRet: 90017, reason: 'timeout' },
    { verifyRet: 90107, reason: 'timeout' },
    { verifyRet: 90002, reason: 'cancelled' },
    { verifyRet: 90004, reason: 'cancelled' },
    { verifyRet: 90024, reason: 'cancelled' },
    { verifyRet: 90100, reason: 'cancelled' },
  ])('when verify_ret is $verifyRet, then the check failed with $reason', ({ verifyRet, reason }) => {
    // Act
    const outcome = faceOutcomeOf(verifyRet, READ_AT);

    // Assert
    expect(outcome).toEqual({ kind: 'failed', reason });
  });

  it.each([
    { verifyRet: 10001, label: '参数错误' },
    { verifyRet: 10003, label: '身份证号不匹配' },
    { verifyRet: 90001, label: '设备不支持人脸检测' },
    { verifyRet: 90008, label: '相机权限未授权' },
    { verifyRet: 90018, label: '系统错误' },
    { verifyRet: 90199, label: '用户系统错误' },
    { verifyRet: 12345, label: 'a code nobody documented' },
  ])('when verify_ret is $verifyRet ($label), then it is "other", never expired', ({ verifyRet }) => {
    // Act
    const outcome = faceOutcomeOf(verifyRet, READ_AT);

    // Assert
    expect(outcome).toEqual({ kind: 'failed', reason: 'other' });
  });
});
