import { randomBytes } from 'node:crypto';

/**
 * WeChat's own error dialect: {errcode, errmsg}, almost always with HTTP 200.
 * The messages are the real ones; like the real server, each carries a
 * request id suffix, so clients must branch on errcode, never on errmsg.
 */
export const WECHAT_ERRORS = {
  SYSTEM_BUSY: { errcode: -1, errmsg: 'system error' },
  INVALID_CREDENTIAL: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  INVALID_GRANT_TYPE: { errcode: 40002, errmsg: 'invalid grant_type' },
  INVALID_APPID: { errcode: 40013, errmsg: 'invalid appid' },
  INVALID_CODE: { errcode: 40029, errmsg: 'invalid code' },
  INVALID_SECRET: { errcode: 40125, errmsg: 'invalid appsecret' },
  HIGH_RISK_USER: { errcode: 40226, errmsg: 'high risk user' },
  MISSING_APPID: { errcode: 41002, errmsg: 'appid missing' },
  MISSING_SECRET: { errcode: 41004, errmsg: 'appsecret missing' },
  MISSING_CODE: { errcode: 41008, errmsg: 'missing code' },
  ACCESS_TOKEN_EXPIRED: { errcode: 42001, errmsg: 'access_token expired' },
  MINUTE_QUOTA: { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
  DATA_FORMAT: { errcode: 47001, errmsg: 'data format error' },
} as const satisfies Record<string, WechatError>;

export interface WechatError {
  errcode: number;
  errmsg: string;
}

/** The error body as the server sends it, e.g. {errcode: 40029, errmsg: "invalid code, rid: 6746f1a2-1b2c3d4e-5f607182"}. */
export function wechatError(error: WechatError): WechatError {
  const rid = [randomBytes(4), randomBytes(4), randomBytes(4)].map((bytes) => bytes.toString('hex')).join('-');
  return { errcode: error.errcode, errmsg: `${error.errmsg}, rid: ${rid}` };
}
