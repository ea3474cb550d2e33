import type { LegacyError } from '../../legacy/envelope';

/**
 * The identity system's and e-licence store's result codes (legacy envelope;
 * 9999/9001 come from LEGACY_ERRORS). The codes are the BFF contract's
 * IDENTITY_CODES (bff/src/upstreams/identity/identity.dialect.ts).
 */
export const IDENTITY_ERRORS = {
  /** Wrong or missing X-App-Key: the only one answered with an HTTP status (401). */
  AUTH_FAILED: { code: '1001', msg: '鉴权失败' },
  /** A required field or query parameter is missing or not a string. */
  BAD_PARAMS: { code: '1002', msg: '请求参数错误' },
  MISMATCH: { code: '3001', msg: '姓名与公民身份号码不一致' },
  NOT_FOUND: { code: '3002', msg: '库中无此号' },
  BAD_NUMBER: { code: '3003', msg: '公民身份号码校验错误' },
  CANCELLED: { code: '3004', msg: '该公民身份号码已注销' },
} as const satisfies Record<string, LegacyError>;
