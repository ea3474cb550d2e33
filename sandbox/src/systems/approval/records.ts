/**
 * The records the approval system (审批/办件) serves, in its legacy dialect.
 * The BFF's zod schemas (bff/src/upstreams/approval/approval.dialect.ts) are
 * the contract; these types mirror them field for field.
 */

/** 01 已提交 02 已受理 03 审核中 04 待补正 05 准予许可 06 不予许可 07 已送达 08 已撤回. */
export const CASE_STATUSES = ['01', '02', '03', '04', '05', '06', '07', '08'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Readonly<Record<CaseStatus, string>> = {
  '01': '已提交',
  '02': '已受理',
  '03': '审核中',
  '04': '待补正',
  '05': '准予许可',
  '06': '不予许可',
  '07': '已送达',
  '08': '已撤回',
};

/**
 * A material of a submission: an uploaded file (SC, wjbs), a licence on file
 * (DZZZ, zzbs), or a record another body shared through the platform (GX,
 * gxbs), e.g. a lender's 解除抵押 record pushed to 车驾管.
 */
export interface SubmittedMaterial {
  clmc: string;
  ly: 'SC' | 'DZZZ' | 'GX';
  wjbs?: string;
  zzbs?: string;
  gxbs?: string;
}

export interface Applicant {
  xm: string;
  sfzmhm: string;
  sjhm: string;
}

/** 代办关系: JHR 监护人代办 (for a minor), QS 亲属代办 (for an adult family member who authorised it). */
export const AGENCY_RELATIONS = ['JHR', 'QS'] as const;
export type AgencyRelation = (typeof AGENCY_RELATIONS)[number];

export const AGENCY_RELATION_NAMES: Readonly<Record<AgencyRelation, string>> = { JHR: '监护人', QS: '亲属' };

/** 当事人: whom the case is about when the applicant (sqr) files it for someone else. */
export interface CaseSubject {
  xm: string;
  sfzmhm: string;
  gx: AgencyRelation;
}

/** 送达方式: 1 窗口领取, 2 邮政寄递 (EMS), 3 电子证明 (issued online, seen in the case). */
export const DELIVERY_MODES = ['1', '2', '3'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_NAMES: Readonly<Record<DeliveryMode, string>> = {
  '1': '窗口领取',
  '2': '邮政寄递',
  '3': '电子证明',
};

/** 送达信息 of a submission: the mode, and for 邮寄 the recipient, phone and address (省 市 区 详细地址). */
export interface DeliveryInfo {
  sdfs: DeliveryMode;
  sjr?: string;
  lxdh?: string;
  sf?: string;
  cs?: string;
  qx?: string;
  xxdz?: string;
}

/** 电子证明 as issued: 证明编号, 核验码 (to check it at the issuing office's site), 签发时间. */
export interface ElectronicCertificate {
  zmmc: string;
  zmbh: string;
  hym: string;
  qfsj: string;
}

export interface SubmitRequest {
  wbbh: string;
  sxbm: string;
  sqr: Applicant;
  /** 当事人 when the applicant acts for a family member; the form's identity fields are theirs. */
  dsr?: CaseSubject;
  bdsj: Record<string, string | string[]>;
  cl: SubmittedMaterial[];
  fbjbh?: string;
  sdxx?: DeliveryInfo;
}

/** One step of the case's history (流程记录). */
export interface CaseStep {
  hjmc: string;
  zt: CaseStatus;
  clr: string;
  clsj: string;
  yj?: string;
}

/** 缴费状态: 0 待缴费, 1 已缴费, 2 已退费. */
export const FEE_STATES = ['0', '1', '2'] as const;
export type FeeState = (typeof FEE_STATES)[number];

/**
 * 缴费信息 of an accepted case of an item charged online: 收费项目, 收费金额 (yuan, "120.00"), state,
 * and the payment's 交易号 / 缴费时间 / 退费时间 (yyyyMMddHHmmss) once paid or refunded.
 */
export interface FeeInfo {
  sfxm: string;
  sfje: string;
  jfzt: FeeState;
  jyh?: string;
  jfsj?: string;
  tfsj?: string;
}

export interface CaseRecord {
  bjbh: string;
  wbbh: string;
  sxbm: string;
  sxmc: string;
  zt: CaseStatus;
  sqsj: string;
  cnbjrq: string;
  dqhj: string;
  dqjzsj?: string;
  dqclbm: string;
  bcnr?: string;
  byxkly?: string;
  kdh?: string;
  lcjl: CaseStep[];
  fbjbh?: string;
  /** 计时暂停时间 (yyyyMMddHHmmss): while a 补正 is pending, the promised date's clock is stopped since then. */
  jsztsj?: string;
  /** 暂停工作日: working days cnbjrq was moved on by 补正 so far (digits). */
  ztgzr?: string;
  /** 送达信息 as chosen when applying (absent: the item's form or the hall decides). */
  sdxx?: DeliveryInfo;
  /** 电子证明 once issued (07 with sdfs 3). */
  dzzm?: ElectronicCertificate;
  /** 缴费信息 from 受理 on, for items charged online; a fee due blocks nothing else. */
  jfxx?: FeeInfo;
  /** 当事人 of a case filed on someone's behalf (the applicant is then the 代办人). */
  dsr?: CaseSubject;
}

export type MaterialType = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface MaterialReceipt {
  wjbs: string;
  wjdx: number;
  wjlx: MaterialType;
  sha256: string;
}

/** What the webhook receives on every state change. */
export interface ApprovalEvent {
  sjbh: string;
  sjsj: string;
  bjbh: string;
  sfzmhm: string;
  zt: CaseStatus;
  hjmc: string;
  yj?: string;
  bj: CaseRecord;
}
