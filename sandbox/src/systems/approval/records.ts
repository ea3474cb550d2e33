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

export interface SubmitRequest {
  wbbh: string;
  sxbm: string;
  sqr: Applicant;
  bdsj: Record<string, string | string[]>;
  cl: SubmittedMaterial[];
  fbjbh?: string;
}

/** One step of the case's history (流程记录). */
export interface CaseStep {
  hjmc: string;
  zt: CaseStatus;
  clr: string;
  clsj: string;
  yj?: string;
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
