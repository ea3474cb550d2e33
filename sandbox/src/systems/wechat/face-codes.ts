import type { InPersonOutcome } from '../../core/in-person-outcomes';

/**
 * verify_ret of queryverifyinfo, from WeChat's documented enumeration
 * (人脸核身验证结果): 10000 识别成功 and the 1xxxx codes of the comparison
 * service, plus the 9xxxx codes the client (wx.requestFacialVerify) reports
 * when the camera step ends early. The sandbox answers one code per outcome;
 * the README lists the families the BFF maps.
 */
export const VERIFY_RET = {
  /** 识别成功 */
  PASSED: 10000,
  /** 人脸特征检测失败: no usable face in the picture. */
  NO_FACE: 10002,
  /** 比对人脸信息不匹配: a face, but not the register photo's. */
  NOT_SAME_PERSON: 10004,
  /** 唇动检测失败: the read-the-digits liveness check failed. */
  LIVENESS_FAILED: 10028,
  /** 识别过程超时 (client side). */
  TIMEOUT: 90017,
  /** 用户在识别过程中取消 (client side). */
  CANCELLED: 90004,
  /** 系统错误 (client side). */
  SYSTEM_ERROR: 90018,
} as const;

/** The verify_ret the camera step's outcome produces. */
export const VERIFY_RET_OF: Readonly<Record<InPersonOutcome, number>> = {
  pass: VERIFY_RET.PASSED,
  'not-same-person': VERIFY_RET.NOT_SAME_PERSON,
  'no-face': VERIFY_RET.NO_FACE,
  'liveness-failed': VERIFY_RET.LIVENESS_FAILED,
  timeout: VERIFY_RET.TIMEOUT,
  cancel: VERIFY_RET.CANCELLED,
  fail: VERIFY_RET.SYSTEM_ERROR,
};
