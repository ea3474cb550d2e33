import type { InPersonFailureReason, InPersonOutcome } from '../in-person';

/** 识别成功 */
export const VERIFY_RET_PASSED = 10000;

/**
 * verify_ret families of queryverifyinfo, from WeChat's documented
 * enumeration: 1xxxx are the comparison service's answers, 9xxxx the
 * client's (wx.requestFacialVerify) when the camera step ended early.
 * Anything not listed (参数错误, 设备不支持, 网络错误, 相机权限未授权,
 * 系统错误, codes added later ...) is 'other': "失败，请重试".
 */
const FAMILIES: ReadonlyArray<{ reason: InPersonFailureReason; codes: readonly number[] }> = [
  // 人脸特征检测失败; 人脸数据采集无效; 人脸追踪失败.
  { reason: 'no-face', codes: [10002, 90011, 90013, 90014, 90023] },
  // 比对人脸信息不匹配.
  { reason: 'not-same-person', codes: [10004] },
  // 语音识别失败, 唇动检测失败: the read-the-digits liveness check.
  { reason: 'liveness', codes: [10027, 10028] },
  // 认证超时; 识别过程超时; 用户检测超时.
  { reason: 'timeout', codes: [10020, 90017, 90107] },
  // 用户在教程页/初始化时/识别过程中/上传时/释放时取消; 用户在确认页退出; 用户取消 (page left).
  { reason: 'cancelled', codes: [90002, 90003, 90004, 90005, 90006, 90024, 90100] },
];

const REASON_OF = new Map<number, InPersonFailureReason>(
  FAMILIES.flatMap(({ reason, codes }) => codes.map((code) => [code, reason] as const)),
);

/** Our outcome for a verify_ret; `readAt` stands in for the time of a pass (WeChat reports none). */
export function faceOutcomeOf(verifyRet: number, readAt: Date): InPersonOutcome {
  if (verifyRet === VERIFY_RET_PASSED) return { kind: 'passed', checkedAt: readAt };
  return { kind: 'failed', reason: REASON_OF.get(verifyRet) ?? 'other' };
}
