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
  INVALID_OPENID: { errcode: 40003, errmsg: 'invalid openid' },
  INVALID_APPID: { errcode: 40013, errmsg: 'invalid appid' },
  INVALID_CODE: { errcode: 40029, errmsg: 'invalid code' },
  INVALID_TEMPLATE_ID: { errcode: 40037, errmsg: 'invalid template_id' },
  INVALID_SECRET: { errcode: 40125, errmsg: 'invalid appsecret' },
  CODE_USED: { errcode: 40163, errmsg: 'code been used' },
  HIGH_RISK_USER: { errcode: 40226, errmsg: 'high risk user' },
  MISSING_ACCESS_TOKEN: { errcode: 41001, errmsg: 'access_token missing' },
  MISSING_APPID: { errcode: 41002, errmsg: 'appid missing' },
  MISSING_SECRET: { errcode: 41004, errmsg: 'appsecret missing' },
  MISSING_CODE: { errcode: 41008, errmsg: 'missing code' },
  INVALID_PAGE: { errcode: 41030, errmsg: 'invalid page' },
  ACCESS_TOKEN_EXPIRED: { errcode: 42001, errmsg: 'access_token expired' },
  SUBSCRIPTION_REFUSED: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
  DAILY_QUOTA: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  MINUTE_QUOTA: { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
  DATA_FORMAT: { errcode: 47001, errmsg: 'data format error' },
  /** Face check (人脸核身). Sandbox choices in WeChat's style where the public docs name no code; see README. */
  CERT_HASH_MISMATCH: { errcode: 41010, errmsg: 'cert_hash not match' },
  OUT_SEQ_NO_MISMATCH: { errcode: 41011, errmsg: 'out_seq_no not match' },
  OPENID_MISMATCH: { errcode: 41012, errmsg: 'openid not match' },
  MISSING_OPENID: { errcode: 41009, errmsg: 'missing openid' },
  INVALID_VERIFY_ID: { errcode: 84001, errmsg: 'invalid verify_id' },
  CERT_NOT_MATCH: { errcode: 84002, errmsg: 'cert_name and cert_no not match the identity source' },
  VERIFY_NOT_FINISHED: { errcode: 84003, errmsg: 'verify not finished' },
  VERIFY_ID_EXPIRED: { errcode: 84004, errmsg: 'verify_id expired' },
  OUT_SEQ_NO_USED: { errcode: 84005, errmsg: 'out_seq_no already used' },
} as const satisfies Record<string, WechatError>;

/** 47003 with the offending keyword, e.g. "argument invalid! data.thing2.value exceeds the limit". */
export function argumentInvalid(detail: string): WechatError {
  return { errcode: 47003, errmsg: `argument invalid! ${detail}` };
}

export interface WechatError {
  errcode: number;
  errmsg: string;
}

/** The error body as the server sends it, e.g. {errcode: 40029, errmsg: "invalid code, rid: 6746f1a2-1b2c3d4e-5f607182"}. */
export function wechatError(error: WechatError): WechatError {
  const rid = [randomBytes(4), randomBytes(4), randomBytes(4)].map((bytes) => bytes.toString('hex')).join('-');
  return { errcode: error.errcode, errmsg: `${error.errmsg}, rid: ${rid}` };
}
