import { z } from 'zod';
import { isValidIdNumber, isValidPersonName } from '../validators';

export const PersonNameSchema = z
  .string()
  .trim()
  .refine(isValidPersonName, { message: '请填写与身份证件一致的姓名' })
  .meta({ pattern: '^[\\u4e00-\\u9fa5·•]{2,30}$|^[A-Za-z][A-Za-z .·-]{1,59}$' })
  .describe('Name as on the ID card');

export const IdNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine(isValidIdNumber, { message: '请填写有效的 18 位居民身份证号码' })
  // The shape only: the birth date and the MOD 11-2 check character are checked too.
  .meta({ pattern: '^[1-9]\\d{16}[\\dXx]$' })
  .describe('GB 11643 resident ID number: a real birth date from 1900, and the MOD 11-2 check character');

export const IdentityVerifyRequestSchema = z
  .object({ name: PersonNameSchema, idNumber: IdNumberSchema })
  .strict()
  .meta({ id: 'IdentityVerifyRequest' });
export type IdentityVerifyRequest = z.infer<typeof IdentityVerifyRequestSchema>;

export const InPersonMethodSchema = z
  .enum(['wechat-face', 'ctid'])
  .describe('刷脸: WeChat face verification; 网证: CTID');

export const IdentityCheckStartRequestSchema = z
  .object({
    channel: InPersonMethodSchema,
    name: PersonNameSchema.optional(),
    idNumber: IdNumberSchema.optional(),
  })
  .strict()
  .describe(
    'Name and ID number are needed when the account has no verified identity yet or takes over (刷脸换绑) another; ' +
      "otherwise they are the account's own and may be left out.",
  )
  .meta({ id: 'IdentityCheckStartRequest' });
export type IdentityCheckStartRequest = z.infer<typeof IdentityCheckStartRequestSchema>;

export const IdentityCheckStartSchema = z
  .object({
    checkId: z.string().describe('Ours: complete the check with it, on this session'),
    channel: InPersonMethodSchema,
    expiresInSeconds: z.number().int(),
    wechat: z.object({ verifyId: z.string().describe('For wx.requestFacialVerify') }).optional(),
    ctid: z
      .object({
        authUrl: z.string().describe('Opens the 网证 authorisation (the trusted identity platform) for this request'),
        qrContent: z.string().describe('The same request as a QR code for the 网证 app on another phone'),
      })
      .optional(),
  })
  .meta({ id: 'IdentityCheckStart' });
export type IdentityCheckStart = z.infer<typeof IdentityCheckStartSchema>;

export const IdentityCheckParamsSchema = z.object({ checkId: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/) }).strict();

export const InPersonSchema = z
  .object({
    at: z.iso.datetime().describe('When this session passed its last in-person check'),
    method: InPersonMethodSchema,
    validUntil: z.iso.datetime().describe('When records stop opening without a new check (30 days)'),
  })
  .meta({ id: 'InPerson' });

export const IdentityStatusSchema = z
  .object({
    realNameStatus: z.enum(['unverified', 'verified']),
    nameMasked: z.string().optional().describe('张*'),
    idNumberMasked: z.string().optional().describe('4401**********1234'),
    method: z.enum(['register', 'face']).optional().describe('How it was first verified: 二要素 or 刷脸'),
    verifiedAt: z.string().optional(),
    inPerson: InPersonSchema.nullable().describe("This session's 实人 check, or null"),
  })
  .meta({ id: 'IdentityStatus' });
export type IdentityStatus = z.infer<typeof IdentityStatusSchema>;

export const IdentityCheckOutcomeSchema = z
  .object({
    identity: IdentityStatusSchema,
    movedFromAnotherAccount: z
      .boolean()
      .describe('True when this check moved the identity here from another account (刷脸换绑)'),
  })
  .meta({ id: 'IdentityCheckOutcome' });
export type IdentityCheckOutcome = z.infer<typeof IdentityCheckOutcomeSchema>;

export const IdentityRevealSchema = z
  .object({ name: z.string(), idNumber: z.string().describe('In full: only after a check within 5 minutes') })
  .meta({ id: 'IdentityReveal' });
export type IdentityReveal = z.infer<typeof IdentityRevealSchema>;

export const BindingEventSchema = z
  .object({
    kind: z.enum(['bound', 'moved-in', 'moved-out', 'unbound', 'closed']),
    at: z.iso.datetime(),
    method: z.enum(['register', 'wechat-face', 'ctid', 'user', 'account-closed']),
    account: z.string().describe('The account involved, masked: 138****1234 or 微信用户'),
    thisAccount: z.boolean(),
    device: z.object({ platform: z.string(), model: z.string().nullable() }),
  })
  .meta({ id: 'BindingEvent' });
export type BindingEvent = z.infer<typeof BindingEventSchema>;

export const BindingHistorySchema = z.object({ items: z.array(BindingEventSchema) }).meta({ id: 'BindingHistory' });
export type BindingHistory = z.infer<typeof BindingHistorySchema>;

export const WechatLinkRequestSchema = z
  .object({ code: z.string().trim().min(1, '缺少微信登录凭证').max(128) })
  .strict()
  .meta({ id: 'WechatLinkRequest' });
