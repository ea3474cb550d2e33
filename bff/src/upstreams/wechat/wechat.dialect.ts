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

/** stable_token: the access token for server APIs, or an error. */
export const StableTokenResponseSchema = z.union([
  z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

/** Answers of server APIs that only say whether they worked. */
export const ErrcodeResponseSchema = z.object({ errcode: z.number().int(), errmsg: z.string().optional() });

export const SUBSCRIBE_ERRCODES = {
  OK: 0,
  INVALID_TOKEN: 40001,
  INVALID_OPENID: 40003,
  INVALID_TEMPLATE: 40037,
  /** The user has not accepted (or has used up) this template: not an error of ours. */
  USER_REFUSED: 43101,
  BAD_PARAMS: 47003,
} as const;

/** 人脸核身: getverifyid starts a check for a name and ID number; queryverifyinfo reads its outcome. */
export const GetVerifyIdResponseSchema = z.union([
  z.object({ errcode: z.literal(0), verify_id: z.string().min(1), expires_in: z.number().int().positive() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

export const QueryVerifyInfoResponseSchema = z.union([
  z.object({ errcode: z.literal(0), verify_ret: z.number().int() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().optional() }),
]);

/** verify_ret of queryverifyinfo. */
export const FACE_VERIFY_RET = { PASSED: 10000, NOT_DONE: 10001, FAILED: 10002, EXPIRED: 10003 } as const;
