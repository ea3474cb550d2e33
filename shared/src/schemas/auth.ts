import { z } from 'zod';
import { isValidPhone, isValidSmsCode } from '../validators';

export const PhoneSchema = z
  .string()
  .trim()
  .refine(isValidPhone, { message: '请输入 11 位中国大陆手机号' })
  // The refinement's rule, stated in the contract (a refinement alone is invisible in OpenAPI).
  .meta({ pattern: '^1[3-9]\\d{9}$' })
  .describe('Mainland mobile number');

export const ClientInfoSchema = z
  .object({
    platform: z.enum(['weapp', 'h5', 'other']).default('other'),
    model: z.string().trim().max(64).optional().describe('Device model, e.g. iPhone 15'),
  })
  .strict();
export type ClientInfo = z.infer<typeof ClientInfoSchema>;

export const WechatLoginRequestSchema = z
  .object({
    code: z.string().trim().min(1, '缺少微信登录凭证').max(128),
    client: ClientInfoSchema.optional(),
  })
  .strict()
  .meta({ id: 'WechatLoginRequest' });
export type WechatLoginRequest = z.infer<typeof WechatLoginRequestSchema>;

export const SmsSendRequestSchema = z.object({ phone: PhoneSchema }).strict().meta({ id: 'SmsSendRequest' });
export type SmsSendRequest = z.infer<typeof SmsSendRequestSchema>;

export const SmsSendResponseSchema = z
  .object({
    sent: z.literal(true),
    resendAfterSeconds: z.number().int().describe('Seconds until another code may be requested'),
    expiresInSeconds: z.number().int(),
  })
  .meta({ id: 'SmsSendResponse' });
export type SmsSendResponse = z.infer<typeof SmsSendResponseSchema>;

export const SmsLoginRequestSchema = z
  .object({
    phone: PhoneSchema,
    code: z.string().trim().refine(isValidSmsCode, { message: '请输入 6 位数字验证码' }).meta({ pattern: '^\\d{6}$' }),
    client: ClientInfoSchema.optional(),
  })
  .strict()
  .meta({ id: 'SmsLoginRequest' });
export type SmsLoginRequest = z.infer<typeof SmsLoginRequestSchema>;

export const RefreshRequestSchema = z
  .object({ refreshToken: z.string().min(1).max(256) })
  .strict()
  .meta({ id: 'RefreshRequest' });
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const LoginMethodSchema = z.enum(['wechat', 'sms']);
export type LoginMethod = z.infer<typeof LoginMethodSchema>;

export const RealNameStatusSchema = z.enum(['unverified', 'verified']);
export type RealNameStatus = z.infer<typeof RealNameStatusSchema>;

export const UserSchema = z
  .object({
    id: z.string(),
    phoneMasked: z.string().nullable().describe('138****1234, or null when no phone is bound'),
    loginMethod: LoginMethodSchema.describe('How the current session logged in'),
    realNameStatus: RealNameStatusSchema,
    assurance: z
      .object({
        level: z.enum(['L1', 'L2', 'L3']).describe('Highest level this session holds now (L3: within 30 days)'),
        inPersonAt: z.iso.datetime().nullable().describe('When this session last passed an in-person check'),
      })
      .meta({ id: 'Assurance' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const TokenResponseSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().describe('Seconds the access token lives'),
    user: UserSchema,
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const SessionSchema = z
  .object({
    id: z.string(),
    loginMethod: LoginMethodSchema,
    client: z.object({ platform: z.string(), model: z.string().nullable() }),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    current: z.boolean().describe('True for the session making this request'),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).meta({ id: 'SessionList' });
export type SessionList = z.infer<typeof SessionListSchema>;

export const SessionIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
