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
