import { z } from 'zod';
import { legacyEnvelope } from '../legacy-envelope';

/**
 * The identity system (实名认证, the population register's verification
 * interface) and the e-licence store (电子证照库), in the legacy envelope.
 * Requests carry the agreed app key in `X-App-Key`.
 *
 *   POST /identity/v1/verify          {xm, sfzmhm}            -> VerifyResponse
 *   GET  /elicence/v1/licences?sfzmhm=                         -> LicenceListResponse
 *   GET  /identity/v1/contact?sfzmhm=                          -> ContactResponse   (3001 when unknown)
 *   GET  /identity/v1/residence?sfzmhm=                        -> ResidenceResponse (居住登记 and 居住证)
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
  /**
   * 照面信息 of some licence types: CSZM 出生医学证明 {xsexm 新生儿姓名, mqxm/mqsfzh 母亲, fqxm/fqsfzh 父亲};
   * HKB 居民户口簿 {hh 户号, hzxm 户主姓名, yhzgx 与户主关系}. Absent for the others and in older records.
   */
  zzxx: z
    .object({
      xsexm: z.string().optional(),
      mqxm: z.string().optional(),
      mqsfzh: z.string().optional(),
      fqxm: z.string().optional(),
      fqsfzh: z.string().optional(),
      hh: z.string().optional(),
      hzxm: z.string().optional(),
      yhzgx: z.string().optional(),
    })
    .optional(),
});
export type LicenceRecord = z.infer<typeof LicenceRecordSchema>;

export const LicenceListResponseSchema = legacyEnvelope(z.object({ list: z.array(LicenceRecordSchema) }));

/** The phone the register holds for a person (手机号码), e.g. to send them a code. */
export const ContactResponseSchema = legacyEnvelope(z.object({ sfzmhm: z.string(), sjhm: z.string() }));

const compactDay = z.string().regex(/^\d{8}$/);

/** 居住登记: 登记编号, 居住地址, 居住地区划代码, 登记日期, 状态 1 有效 0 注销. */
export const ResidenceRegistrationRecordSchema = z.object({
  djbh: z.string(),
  jzdz: z.string(),
  jzdzqh: z.string().regex(/^\d{6}$/),
  djrq: compactDay,
  zt: z.enum(['1', '0']),
});

/** 居住证: 居住证号, 签发机关, 签发日期, 有效期至, 状态 (1 有效 2 过期 3 中止 4 作废), 签注记录 (签注日期, 所对应的周年日). */
export const ResidencePermitRecordSchema = z.object({
  jzzh: z.string().min(1),
  qfjg: z.string(),
  qfrq: compactDay,
  yxqz: compactDay,
  zt: z.enum(['1', '2', '3', '4']),
  qzjl: z.array(z.object({ qzrq: compactDay, zn: compactDay })),
});
export type ResidencePermitRecord = z.infer<typeof ResidencePermitRecordSchema>;

/** A person's residence file: 户籍地区划代码, 居住登记 (djxx) and the 居住证 (jzz, null when none). */
export const ResidenceRecordSchema = z.object({
  hjdqh: z.string().regex(/^\d{6}$/),
  djxx: z.array(ResidenceRegistrationRecordSchema),
  jzz: ResidencePermitRecordSchema.nullable(),
});
export type ResidenceRecord = z.infer<typeof ResidenceRecordSchema>;

export const ResidenceResponseSchema = legacyEnvelope(ResidenceRecordSchema);
