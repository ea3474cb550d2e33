import { z } from 'zod';
import { legacyEnvelope } from '../legacy-envelope';

/**
 * The identity system (实名认证, the population register's verification
 * interface) and the e-licence store (电子证照库), in the legacy envelope.
 * Requests carry the agreed app key in `X-App-Key`.
 *
 *   POST /identity/v1/verify          {xm, sfzmhm}            -> VerifyResponse
 *   GET  /elicence/v1/licences?sfzmhm=                         -> LicenceListResponse
 *
 * The live checks (实人) are other systems': WeChat's face verification (wechat/wechat.dialect.ts)
 * and the 网证 platform (ctid/ctid.dialect.ts).
 */

export const IDENTITY_CODES = {
  OK: '0000',
  /** Name and number do not match the register. */
  MISMATCH: '3001',
  /** No such person in the register. */
  NOT_FOUND: '3002',
  /** The number fails the GB 11643 checksum. */
  BAD_NUMBER: '3003',
  /** The person is deceased or the number cancelled (注销). */
  CANCELLED: '3004',
  AUTH_FAILED: '1001',
} as const;

export const VerifyRequestSchema = z.object({ xm: z.string(), sfzmhm: z.string() });

export const VerifyResponseSchema = legacyEnvelope(
  z.object({
    /** 核验结果: 1 一致. */
    hyjg: z.literal('1'),
    /** 性别 1 男 2 女, 出生日期 yyyyMMdd, 户籍地行政区划代码 — from the register, for prefill. */
    xb: z.enum(['1', '2']),
    csrq: z.string().regex(/^\d{8}$/),
    hjdqh: z.string().regex(/^\d{6}$/),
  }),
);

/** One licence on file (电子证照目录). */
export const LicenceRecordSchema = z.object({
  /** 证照标识 (opaque id, used to reference it as a material). */
  zzbs: z.string().min(1),
  /** 证照类型代码 and 名称, e.g. SFZ 居民身份证, HKB 居民户口簿, JSZ 机动车驾驶证, CSZM 出生医学证明. */
  zzlxdm: z.string().min(1),
  zzmc: z.string().min(1),
  /** 证照编号 (may be the ID number itself: mask before showing). */
  zzbh: z.string().min(1),
  /** 发证机关, 发证日期, 有效期至 (yyyyMMdd, or "长期"). */
  fzjg: z.string(),
  fzrq: z.string().regex(/^\d{8}$/),
  yxqz: z.string().regex(/^(\d{8}|长期)$/),
  /** 状态: 1 有效, 2 过期, 3 注销. */
  zt: z.enum(['1', '2', '3']),
});
export type LicenceRecord = z.infer<typeof LicenceRecordSchema>;

export const LicenceListResponseSchema = legacyEnvelope(z.object({ list: z.array(LicenceRecordSchema) }));
