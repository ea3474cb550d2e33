import type { LegacyError } from '../../legacy/envelope';

/** The SMS gateway's result codes (legacy envelope; shared ones such as 9999 come from LEGACY_ERRORS). */
export const SMS_ERRORS = {
  AUTH_FAILED: { code: '1001', msg: '鉴权失败' },
  BAD_MOBILE: { code: '2001', msg: '手机号码格式错误' },
  UNKNOWN_TEMPLATE: { code: '2002', msg: '短信模板不存在' },
  BAD_PARAMS: { code: '2003', msg: '模板参数错误' },
  BAD_SIGN: { code: '2004', msg: '短信签名未报备' },
  TOO_FREQUENT: { code: '3001', msg: '发送频率超限' },
} as const satisfies Record<string, LegacyError>;
