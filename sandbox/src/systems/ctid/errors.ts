/**
 * The platform's refusals: {success: false, errorCode, errorDesc} inside the
 * bizPackage, with HTTP 200. The public material names the envelope's
 * success/errorDesc fields but no code list for these cases, so the codes
 * are the sandbox's own (listed in the README).
 */
export const CTID_ERRORS = {
  /** Unknown appId, or the sign does not match the bizPackage. */
  BAD_SIGNATURE: { errorCode: 'E1001', errorDesc: '签名验证失败' },
  /** timeStamp missing, malformed, or more than 5 minutes from the platform's clock (replay). */
  BAD_TIMESTAMP: { errorCode: 'E1002', errorDesc: '时间戳无效或超出允许范围' },
  BAD_PARAMS: { errorCode: 'E1003', errorDesc: '参数错误' },
  UNSUPPORTED_MODE: { errorCode: 'E1004', errorDesc: '认证模式不支持' },
  /** The 18-digit number fails its format or checksum (the platform's CCCC). */
  BAD_ID_NUMBER: { errorCode: 'E1005', errorDesc: '身份证号码格式错误' },
  SERIAL_USED: { errorCode: 'E1006', errorDesc: '业务流水号重复' },
  /** Unknown, already read, another app's, or asked for with another bizSerialNum. */
  NO_SUCH_REQUEST: { errorCode: 'E2001', errorDesc: '认证请求不存在或已结束' },
  BUSY: { errorCode: 'E9999', errorDesc: '系统繁忙，请稍后再试' },
} as const satisfies Record<string, CtidError>;

export interface CtidError {
  errorCode: string;
  errorDesc: string;
}
