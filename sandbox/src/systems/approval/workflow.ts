import { toCompactDate, toCompactDateTime } from '../../legacy/dates';
import { newCertificateNumber, newEmsNumber, newVerificationCode } from './case-numbers';
import type { ResolvedDelivery } from './delivery';
import type { ApprovalItem } from './items';
import type { CaseRecord, CaseStatus, CaseStep, DeliveryInfo } from './records';
import { CASE_STATUS_NAMES, DELIVERY_MODE_NAMES } from './records';
import type { WorkCalendar } from './work-calendar';

/** Who handles a step that is the applicant's to take. */
export const APPLICANT = '申请人';

/** Working days the applicant has to answer a 补正, and the department to mail the result. */
const SUPPLEMENT_DAYS = 5;
const DELIVERY_DAYS = 3;
const ACCEPT_DAYS = 1;

/** The clock and calendar a change is made against. */
export interface When {
  now: Date;
  calendar: WorkCalendar;
}

export type StaffAction = 'accept' | 'review' | 'supplement' | 'approve' | 'reject' | 'deliver';
export const STAFF_ACTIONS: readonly StaffAction[] = ['accept', 'review', 'supplement', 'approve', 'reject', 'deliver'];

export interface StaffInput {
  yj?: string;
  bcnr?: string;
  kdh?: string;
}

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  hjmc: string;
  /** The opinion written when the console gives none. */
  defaultYj?: string;
  /** The input this action cannot do without. */
  requires?: 'yj' | 'bcnr';
}

/** The staff console's state machine (the applicant's own moves are answerSupplement and withdraw). */
const TRANSITIONS: Readonly<Record<StaffAction, Transition>> = {
  accept: { from: ['01'], to: '02', hjmc: '受理', defaultYj: '申请材料齐全，符合法定形式，予以受理' },
  review: { from: ['02'], to: '03', hjmc: '审核', defaultYj: '已受理，进入审核' },
  supplement: { from: ['02', '03'], to: '04', hjmc: '补正', requires: 'bcnr' },
  approve: { from: ['03'], to: '05', hjmc: '办结', defaultYj: '准予许可' },
  reject: { from: ['02', '03'], to: '06', hjmc: '办结', requires: 'yj' },
  deliver: { from: ['05'], to: '07', hjmc: '送达' },
};

/** Statuses a case can still move on from. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['01', '02', '03', '04', '05'];
/** Statuses the applicant may withdraw from (before a decision). */
export const WITHDRAWABLE: readonly CaseStatus[] = ['01', '02', '03', '04'];

export function isStaffAction(value: unknown): value is StaffAction {
  return typeof value === 'string' && (STAFF_ACTIONS as readonly string[]).includes(value);
}

/** The end of a working day, as a yyyyMMddHHmmss deadline. */
function endOfDay(day: string): string {
  return `${day}235959`;
}

/**
 * 当前环节, who has it and by when, for a case that just reached `status`:
 * 01 awaits 受理 within 1 working day, 02/03 审核/审批 by the promised date,
 * 04 the applicant's 补正 within 5 working days, 05 送达 within 3; the
 * final statuses have no deadline.
 */
function setCurrentStep(record: CaseRecord, item: ApprovalItem, when: When): void {
  const today = toCompactDate(when.now);
  const within = (days: number): string => endOfDay(when.calendar.addWorkingDays(today, days));
  const current: Record<CaseStatus, { dqhj: string; dqclbm: string; dqjzsj?: string }> = {
    '01': { dqhj: '受理', dqclbm: item.ssjg, dqjzsj: within(ACCEPT_DAYS) },
    '02': { dqhj: '审核', dqclbm: item.ssjg, dqjzsj: endOfDay(record.cnbjrq) },
    '03': { dqhj: '审批', dqclbm: item.ssjg, dqjzsj: endOfDay(record.cnbjrq) },
    '04': { dqhj: '补正', dqclbm: APPLICANT, dqjzsj: within(SUPPLEMENT_DAYS) },
    '05': { dqhj: '送达', dqclbm: item.ssjg, dqjzsj: within(DELIVERY_DAYS) },
    '06': { dqhj: '办结', dqclbm: item.ssjg },
    '07': { dqhj: '办结', dqclbm: item.ssjg },
    '08': { dqhj: '撤回', dqclbm: APPLICANT },
  };
  const step = current[record.zt];
  record.dqhj = step.dqhj;
  record.dqclbm = step.dqclbm;
  if (step.dqjzsj === undefined) delete record.dqjzsj;
  else record.dqjzsj = step.dqjzsj;
}

/** Moves the case to `to` and appends the step to 流程记录; returns the step. */
function move(
  record: CaseRecord,
  item: ApprovalItem,
  when: When,
  to: CaseStatus,
  step: { hjmc: string; clr: string; yj?: string },
): CaseStep {
  record.zt = to;
  if (to !== '04') delete record.bcnr;
  // The promised date's clock stops while the applicant has the 补正 (补正时间不计入办理时限).
  if (to === '04') record.jsztsj = toCompactDateTime(when.now);
  else delete record.jsztsj;
  const entry: CaseStep = {
    hjmc: step.hjmc,
    zt: to,
    clr: step.clr,
    clsj: toCompactDateTime(when.now),
    ...(step.yj === undefined ? {} : { yj: step.yj }),
  };
  record.lcjl.push(entry);
  setCurrentStep(record, item, when);
  return entry;
}

/** A new case at 01 with its 申请 step; cnbjrq counts the promised working days from the submission day. */
export function openCase(
  fields: { bjbh: string; wbbh: string; fbjbh?: string; sdxx?: DeliveryInfo },
  item: ApprovalItem,
  when: When,
): CaseRecord {
  const record: CaseRecord = {
    bjbh: fields.bjbh,
    wbbh: fields.wbbh,
    sxbm: item.sxbm,
    sxmc: item.sxmc,
    zt: '01',
    sqsj: toCompactDateTime(when.now),
    cnbjrq: when.calendar.addWorkingDays(toCompactDate(when.now), item.promisedDays),
    dqhj: '',
    dqclbm: '',
    lcjl: [],
    ...(fields.fbjbh === undefined ? {} : { fbjbh: fields.fbjbh }),
    ...(fields.sdxx === undefined ? {} : { sdxx: fields.sdxx }),
  };
  move(record, item, when, '01', { hjmc: '申请', clr: APPLICANT, yj: '网上申请' });
  return record;
}

export type Outcome = { ok: true; step: CaseStep } | { ok: false; problem: string; status: 400 | 409 };

/**
 * A staff action from the console; 409 when the case is not in a status the
 * action applies to. `delivery` is how the result reaches the applicant: the
 * 送达 step mails it (only to an address), issues the 电子证明, or tells them
 * to collect it.
 */
export function applyStaffAction(
  record: CaseRecord,
  item: ApprovalItem,
  when: When,
  action: StaffAction,
  input: StaffInput,
  delivery: ResolvedDelivery,
): Outcome {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(record.zt)) {
    const allowed = transition.from.map((status) => `${status} ${CASE_STATUS_NAMES[status]}`).join('、');
    return {
      ok: false,
      status: 409,
      problem: `办件 ${record.bjbh} 当前状态为 ${record.zt} ${CASE_STATUS_NAMES[record.zt]}，不能执行 ${action}（仅适用于 ${allowed}）`,
    };
  }
  if (transition.requires === 'bcnr' && !input.bcnr)
    return { ok: false, status: 400, problem: 'supplement 需要 bcnr（补正内容）' };
  if (transition.requires === 'yj' && !input.yj)
    return { ok: false, status: 400, problem: 'reject 需要 yj（不予许可理由）' };

  let yj = input.yj ?? transition.defaultYj;
  if (action === 'supplement' && input.bcnr) {
    record.bcnr = input.bcnr;
    yj = input.yj ?? `请补正：${input.bcnr}`;
  }
  if (action === 'reject' && input.yj) record.byxkly = input.yj;
  // The fee falls due when the case is accepted: an application refused at 受理 is never charged.
  if (action === 'accept' && item.fee && !record.jfxx) record.jfxx = { ...item.fee, jfzt: '0' };
  if (action === 'deliver') {
    if (delivery.mode !== '2' && input.kdh !== undefined) {
      const mode = DELIVERY_MODE_NAMES[delivery.mode];
      return { ok: false, status: 400, problem: `办件 ${record.bjbh} 的送达方式为${mode}，不寄递，没有 kdh` };
    }
    yj = input.yj ?? deliver(record, item, when, delivery, input.kdh);
  }
  const step = move(record, item, when, transition.to, {
    hjmc: transition.hjmc,
    clr: item.ssjg,
    ...(yj === undefined ? {} : { yj }),
  });
  return { ok: true, step };
}

/** The 送达 step's doing and its words: mailed by EMS, an 电子证明 issued, or ready at the hall. */
function deliver(
  record: CaseRecord,
  item: ApprovalItem,
  when: When,
  delivery: ResolvedDelivery,
  kdh: string | undefined,
): string {
  if (delivery.mode === '2') {
    record.kdh = kdh ?? newEmsNumber();
    return delivery.region
      ? `证件已通过EMS寄往${delivery.region}，快递单号${record.kdh}`
      : `证件已通过EMS寄出，快递单号${record.kdh}`;
  }
  if (delivery.mode === '3') {
    const zmbh = newCertificateNumber(toCompactDate(when.now));
    record.dzzm = { zmmc: item.jgmc, zmbh, hym: newVerificationCode(), qfsj: toCompactDateTime(when.now) };
    return `${item.jgmc}（电子证明）已签发，证明编号${zmbh}，可在办件详情中查看`;
  }
  return `办理结果已制作完成，请携带本人身份证到${item.ssjg}领取`;
}

/**
 * The applicant answers a 补正 (04 -> 03); undefined when none is pending.
 * The working days the case waited for them (after the day of the request,
 * up to and including today) move the promised date on by as many working days.
 */
export function answerSupplement(
  record: CaseRecord,
  item: ApprovalItem,
  when: When,
  bcsm: string,
): CaseStep | undefined {
  if (record.zt !== '04') return undefined;
  const pausedOn = record.jsztsj?.slice(0, 8);
  const waited = pausedOn ? when.calendar.workingDaysBetween(pausedOn, toCompactDate(when.now)) : 0;
  if (waited > 0) {
    record.cnbjrq = when.calendar.addWorkingDays(record.cnbjrq, waited);
    record.ztgzr = String(Number(record.ztgzr ?? '0') + waited);
  }
  return move(record, item, when, '03', { hjmc: '补正', clr: APPLICANT, yj: bcsm });
}

/** The applicant withdraws (01-04 -> 08); undefined once decided. */
export function withdraw(record: CaseRecord, item: ApprovalItem, when: When, chyy: string): CaseStep | undefined {
  if (!WITHDRAWABLE.includes(record.zt)) return undefined;
  return move(record, item, when, '08', { hjmc: '撤回', clr: APPLICANT, yj: chyy });
}

/** The next step of demo mode for an open case, if staff can take one (04 waits for the applicant). */
export function demoAction(status: CaseStatus): StaffAction | undefined {
  const next: Partial<Record<CaseStatus, StaffAction>> = {
    '01': 'accept',
    '02': 'review',
    '03': 'approve',
    '05': 'deliver',
  };
  return next[status];
}
