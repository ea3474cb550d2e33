import { z } from 'zod';
import { legacyEnvelope } from '../legacy-envelope';

/**
 * The approval system (审批/办件), in the legacy envelope. Requests carry
 * `X-App-Key`. A submission carries the caller's own serial number `wbbh`
 * (外部编号, at most 64 chars): the system keeps one case per wbbh, so an
 * ambiguous timeout can be retried with the same wbbh without a second case
 * (a repeat answers the existing case with code 0000).
 *
 *   POST /approval/v1/materials   multipart/form-data: file (jpg/png/pdf, <= 10 MB), sfzmhm
 *                                 -> MaterialResponse {wjbs, wjdx, wjlx, sha256}
 *   POST /approval/v1/cases       SubmitRequest -> CaseResponse (4021 居住证 not qualified, 4024 代办 not allowed)
 *   GET  /approval/v1/cases/:bjbh?sfzmhm=       -> CaseResponse (code 4004 unknown or another person's;
 *                                                  readable by the applicant sqr and by the subject dsr)
 *   POST /approval/v1/cases/:bjbh/supplements   {sfzmhm, bcsm, cl}  -> CaseResponse (4009 when no supplement is pending)
 *   POST /approval/v1/cases/:bjbh/withdraw      {sfzmhm, chyy}      -> CaseResponse (4010 when no longer allowed)
 *   POST /approval/v1/cases/:bjbh/jf            {jyh, jfje, jfsj}   -> CaseResponse: the fee paid (idempotent per jyh;
 *        4013 amount differs, 4012 paid by another trade, 4014 not payable (before 02, from 05 on), 4011 no fee)
 *   POST /approval/v1/cases/:bjbh/tf            {jyh, tkje, tksj}   -> CaseResponse: the paid fee refunded in full
 *        (idempotent; 4015 not paid, 4016 another trade, 4013 amount differs)
 * Amounts are yuan strings ("120.00"), times yyyyMMddHHmmss.
 *
 * State changes are pushed to the BFF's webhook (see ApprovalEventSchema):
 *   POST <webhook url>  headers X-Approval-Timestamp: unix seconds,
 *   X-Approval-Signature: hex HMAC-SHA256(secret, `${timestamp}.${raw body}`);
 *   retried with backoff until answered 2xx; each event has a unique sjbh.
 *
 * Staff console (sandbox only): POST /sandbox/approval/cases/:bjbh/actions
 *   {action: "accept"|"review"|"supplement"|"approve"|"reject"|"deliver", yj?, bcnr?, kdh?}
 * (deliver mails by EMS only to an address: sdxx 2, or the form's lqfs 2 with yjdz; sdxx 3 issues the
 * 电子证明; otherwise the result waits at the hall, and its 意见 says so)
 * and demo mode PUT /sandbox/approval/demo {enabled, stepMs}.
 */

export const APPROVAL_CODES = {
  OK: '0000',
  AUTH_FAILED: '1001',
  BAD_REQUEST: '1002',
  UNKNOWN_ITEM: '2001',
  CASE_NOT_FOUND: '4004',
  NO_SUPPLEMENT_PENDING: '4009',
  WITHDRAW_NOT_ALLOWED: '4010',
  FILE_REJECTED: '5001',
  NO_FEE: '4011',
  FEE_ALREADY_PAID: '4012',
  FEE_AMOUNT_MISMATCH: '4013',
  FEE_NOT_PAYABLE: '4014',
  FEE_NOT_PAID: '4015',
  FEE_OTHER_TRADE: '4016',
  /** 居住证 items: the subject does not qualify (msg: the rule's reason, what to do). */
  RESIDENCE_NOT_ELIGIBLE: '4021',
  /** dsr on an item that must be filed by the person (dbfs 0), or an adult on a minors-only item (dbfs 1). */
  ON_BEHALF_NOT_ALLOWED: '4024',
} as const;

/**
 * 办件状态: 01 已提交 02 已受理 03 审核中 04 待补正 05 准予许可(办结) 06 不予许可(办结)
 * 07 已送达 08 已撤回.
 */
export const CaseStatusSchema = z.enum(['01', '02', '03', '04', '05', '06', '07', '08']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** A material of a submission: an uploaded file, a licence on file, or a record shared by another body. */
export const SubmittedMaterialSchema = z.object({
  clmc: z.string().min(1),
  /** 来源: SC 上传 (wjbs), DZZZ 电子证照 (zzbs), GX 部门共享 (gxbs, e.g. a lender's 解除抵押 record). */
  ly: z.enum(['SC', 'DZZZ', 'GX']),
  wjbs: z.string().optional(),
  zzbs: z.string().optional(),
  gxbs: z.string().optional(),
});

/** 送达方式: 1 窗口领取, 2 邮政寄递 (EMS), 3 电子证明. */
export const DeliveryModeCodeSchema = z.enum(['1', '2', '3']);

/**
 * 送达信息, for items whose 事项 offers a choice when applying: the mode,
 * and for 邮寄 the recipient (收件人), mobile (联系电话) and address as
 * 省份 sf, 城市 cs, 区县 qx, 详细地址 xxdz. The case keeps it (full) and serves it back.
 */
export const DeliveryInfoSchema = z.object({
  sdfs: DeliveryModeCodeSchema,
  sjr: z.string().optional(),
  lxdh: z.string().optional(),
  sf: z.string().optional(),
  cs: z.string().optional(),
  qx: z.string().optional(),
  xxdz: z.string().optional(),
});
export type DeliveryInfo = z.infer<typeof DeliveryInfoSchema>;

/**
 * 当事人 when someone files for another (sqr is then the person acting): 姓名, 身份证号,
 * 关系 JHR 监护人代办 (a minor) or QS 亲属代办 (an adult who authorised it).
 */
export const SubjectSchema = z.object({ xm: z.string(), sfzmhm: z.string(), gx: z.enum(['JHR', 'QS']) });

export const SubmitRequestSchema = z.object({
  wbbh: z.string().min(8).max(64),
  sxbm: z.string().min(1),
  sqr: z.object({ xm: z.string(), sfzmhm: z.string(), sjhm: z.string() }),
  /** 表单数据: field key -> value (strings, or arrays of strings for checkboxes). */
  bdsj: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  cl: z.array(SubmittedMaterialSchema),
  /** 一件事 parent case, when this case is a member of a package application. */
  fbjbh: z.string().optional(),
  sdxx: DeliveryInfoSchema.optional(),
  dsr: SubjectSchema.optional(),
});
export type SubmitRequest = z.infer<typeof SubmitRequestSchema>;

/** One step of the case's history (流程记录). */
export const CaseStepSchema = z.object({
  /** 环节名称 (申请, 受理, 审核, 补正, 办结, 送达, 撤回), 状态 after the step. */
  hjmc: z.string(),
  zt: CaseStatusSchema,
  /** 处理人/部门, 处理时间 yyyyMMddHHmmss, 意见. */
  clr: z.string(),
  clsj: z.string().regex(/^\d{14}$/),
  yj: z.string().optional(),
});

/** 缴费信息 of an accepted case of an item charged online: 0 待缴费, 1 已缴费, 2 已退费. */
export const FeeInfoSchema = z.object({
  /** 收费项目, e.g. 普通护照工本费. */
  sfxm: z.string(),
  /** 收费金额 in yuan, e.g. "120.00". */
  sfje: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/),
  jfzt: z.enum(['0', '1', '2']),
  /** 交易号 of the payment that paid it. */
  jyh: z.string().optional(),
  jfsj: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  tfsj: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
});
export type FeeInfo = z.infer<typeof FeeInfoSchema>;

export const CaseRecordSchema = z.object({
  /** 办件编号: yyyyMMdd + 4401 + 10 random digits; unguessable. */
  bjbh: z.string().regex(/^\d{8}4401\d{10}$/),
  wbbh: z.string(),
  sxbm: z.string(),
  sxmc: z.string(),
  zt: CaseStatusSchema,
  /** 申请时间, 承诺办结日期 (yyyyMMdd, working days counted by the system). */
  sqsj: z.string().regex(/^\d{14}$/),
  cnbjrq: z.string().regex(/^\d{8}$/),
  /** 当前环节 and its 截止时间 (yyyyMMddHHmmss), 当前处理部门. */
  dqhj: z.string(),
  dqjzsj: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  dqclbm: z.string(),
  /** 补正内容 when zt is 04. */
  bcnr: z.string().optional(),
  /** 不予许可理由 when zt is 06. */
  byxkly: z.string().optional(),
  /** EMS 快递单号 when zt is 07. */
  kdh: z.string().optional(),
  lcjl: z.array(CaseStepSchema),
  fbjbh: z.string().optional(),
  /** 计时暂停时间: while a 补正 is pending, the clock of cnbjrq stopped then (补正时间不计入办理时限). */
  jsztsj: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  /** 暂停工作日: working days cnbjrq has moved on by 补正 so far (digits). */
  ztgzr: z.string().regex(/^\d+$/).optional(),
  sdxx: DeliveryInfoSchema.optional(),
  /** 电子证明 once issued (07 with sdfs 3): 证明名称, 证明编号, 核验码, 签发时间. */
  dzzm: z
    .object({ zmmc: z.string(), zmbh: z.string(), hym: z.string(), qfsj: z.string().regex(/^\d{14}$/) })
    .optional(),
  /** 缴费信息 from 受理 on, for items charged online. */
  jfxx: FeeInfoSchema.optional(),
  /** 当事人, when the case was filed for another person. */
  dsr: SubjectSchema.optional(),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

export const CaseResponseSchema = legacyEnvelope(CaseRecordSchema);

export const MaterialResponseSchema = legacyEnvelope(
  z.object({
    wjbs: z.string().min(1),
    wjdx: z.number().int(),
    wjlx: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);

/** What the webhook receives on every state change. */
export const ApprovalEventSchema = z.object({
  /** 事件编号: unique per event (a redelivery repeats it). */
  sjbh: z.string().min(1),
  /** 事件时间 yyyyMMddHHmmss; older events may arrive after newer ones. */
  sjsj: z.string().regex(/^\d{14}$/),
  bjbh: z.string(),
  sfzmhm: z.string(),
  zt: CaseStatusSchema,
  hjmc: z.string(),
  yj: z.string().optional(),
  /** The whole case after the change, so order of arrival does not matter. */
  bj: CaseRecordSchema,
});
export type ApprovalEvent = z.infer<typeof ApprovalEventSchema>;
