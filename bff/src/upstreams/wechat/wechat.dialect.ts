import { z } from 'zod';

/** jscode2session answers HTTP 200 either with the session or with {errcode, errmsg}. */
export const Code2SessionResponseSchema = z.union([
  z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().optional() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

export const WECHAT_ERRCODES = {
  BUSY: -1,
  INVALID_APPID: 40013,
  INVALID_SECRET: 40125,
  INVALID_CODE: 40029,
  CODE_USED: 40163,
  HIGH_RISK_USER: 40226,
  RATE_LIMITED: 45011,
} as const;

/**
 * stable_token: the access token for server APIs, or an error. Normal mode answers the latest token (a new one
 * in its last five minutes); force_refresh revokes it, at most 20 times a day (then 45009) and never within
 * 30 s of the last (the current token comes back).
 */
export const StableTokenResponseSchema = z.union([
  z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

/** Answers of server APIs that only say whether they worked. */
export const ErrcodeResponseSchema = z.object({ errcode: z.number().int(), errmsg: z.string().optional() });

export const STABLE_TOKEN_ERRCODES = {
  /** force_refresh used up for the day (强制刷新模式每天限用 20 次). */
  DAILY_QUOTA: 45009,
} as const;

export const SUBSCRIBE_ERRCODES = {
  OK: 0,
  INVALID_TOKEN: 40001,
  INVALID_OPENID: 40003,
  INVALID_TEMPLATE: 40037,
  /** `page` is not a page of the published mini-program (app.json): our bug, never the user's. */
  INVALID_PAGE: 41030,
  TOKEN_EXPIRED: 42001,
  /** The user has not accepted (or has used up) this template: not an error of ours. */
  USER_REFUSED: 43101,
  BAD_PARAMS: 47003,
} as const;

/**
 * 人脸核身 (WeChat's face verification for government mini-programs):
 *   POST /cityservice/face/identify/getverifyid?access_token=
 *        {out_seq_no, cert_info: {cert_type: "IDENTITY_CARD", cert_name, cert_no}, openid}
 *        -> {errcode: 0, verify_id, expires_in}  (the mini-program then runs wx.requestFacialVerify({verifyId}))
 *   POST /cityservice/face/identify/queryverifyinfo?access_token= {verify_id, out_seq_no, cert_hash, openid}
 *        -> {errcode: 0, verify_ret} once the camera step is done; see face-outcome.ts for the verify_ret families.
 * openid is required by both (the verify_id belongs to that WeChat user); cert_hash binds the query to the
 * name and number the check was started for.
 */
export const GetVerifyIdResponseSchema = z.union([
  z.object({ errcode: z.literal(0), verify_id: z.string().min(1), expires_in: z.number().int().positive() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

export const QueryVerifyInfoResponseSchema = z.union([
  z.object({ errcode: z.literal(0), verify_ret: z.number().int() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

/**
 * errcodes of the face APIs (besides 0). WeChat's public documentation names none for "not done yet" and
 * "lapsed"; 84003 and 84004 are the ones sandbox/README.md documents.
 */
export const FACE_ERRCODES = {
  BUSY: -1,
  INVALID_TOKEN: 40001,
  INVALID_OPENID: 40003,
  MISSING_OPENID: 41009,
  TOKEN_EXPIRED: 42001,
  /** The name and number are not a living person of the identity source. */
  CERT_NOT_MATCH: 84002,
  /** The camera step has not been done yet: ask again later. */
  NOT_FINISHED: 84003,
  /** The verify_id lapsed without a camera step. */
  VERIFY_ID_EXPIRED: 84004,
} as const;
