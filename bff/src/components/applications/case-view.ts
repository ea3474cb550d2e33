import {
  fromCompactDate,
  fromCompactDateTime,
  maskName,
  maskPhone,
  type ApplicationDetail,
  type ApplicationStatus,
  type DeliveryMode,
} from '@suijing/shared';
import { fromDeliveryInfo, type CaseDelivery } from '../../upstreams/approval/approval.delivery';
import type { CaseRecord, CaseStatus } from '../../upstreams/approval/approval.dialect';
import { opinionBeyond } from './opinion-text';

/** The approval system's status codes in our words. */
export const CASE_STATUSES: Record<CaseStatus, { status: ApplicationStatus; text: string }> = {
  '01': { status: 'submitted', text: '已提交' },
  '02': { status: 'accepted', text: '已受理' },
  '03': { status: 'reviewing', text: '审核中' },
  '04': { status: 'supplement', text: '待补正' },
  '05': { status: 'approved', text: '准予许可' },
  '06': { status: 'rejected', text: '不予许可' },
  '07': { status: 'delivered', text: '已送达' },
  '08': { status: 'withdrawn', text: '已撤回' },
};

const WITHDRAWABLE: ReadonlySet<CaseStatus> = new Set(['01', '02', '03', '04']);

const iso = (compact: string): string => (fromCompactDateTime(compact) ?? new Date(0)).toISOString();

/** yyyyMMdd -> yyyy-MM-dd (a calendar day, shown as such). */
const day = (compact: string): string =>
  fromCompactDate(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : compact;

const DELIVERY_TEXT: Record<DeliveryMode, string> = { electronic: '电子证明', post: '邮寄', window: '窗口领取' };

/** Masked for the view (it is stored and listed): 广东省广州市天河区****, without the street and door. */
function deliveryView(delivery: CaseDelivery): NonNullable<ApplicationDetail['delivery']> {
  const posted = delivery.mode === 'post';
  const hasAddress = Boolean(delivery.region || delivery.detail);
  return {
    mode: delivery.mode,
    modeText: DELIVERY_TEXT[delivery.mode],
    ...(posted && delivery.recipient ? { recipient: maskName(delivery.recipient) } : {}),
    ...(posted && delivery.phone ? { phone: maskPhone(delivery.phone) } : {}),
    ...(posted && hasAddress ? { address: `${delivery.region ?? ''}****` } : {}),
  };
}

/** A case as the citizen follows it: status in words, the timeline, what they can do now. */
export function toApplicationDetail(record: CaseRecord): ApplicationDetail {
  const current = CASE_STATUSES[record.zt];
  const submittedAt = iso(record.sqsj);
  const lastStep = record.lcjl.at(-1);
  return {
    caseNo: record.bjbh,
    itemCode: record.sxbm,
    itemName: record.sxmc,
    status: current.status,
    statusText: current.text,
    submittedAt,
    updatedAt: lastStep ? iso(lastStep.clsj) : submittedAt,
    promisedDate: day(record.cnbjrq),
    currentStep: record.dqhj,
    currentDepartment: record.dqclbm,
    ...(record.dqjzsj ? { currentDeadline: iso(record.dqjzsj) } : {}),
    ...(record.zt === '04' && record.bcnr ? { supplementRequest: record.bcnr } : {}),
    ...(record.zt === '06' && record.byxkly ? { rejectionReason: record.byxkly } : {}),
    ...(record.kdh ? { trackingNo: record.kdh } : {}),
    // The approval system owns the deadline: while it waits for a 补正 its clock is stopped.
    ...(record.zt === '04' && record.jsztsj ? { clockPausedSince: iso(record.jsztsj) } : {}),
    ...(Number(record.ztgzr ?? '0') > 0 ? { extendedWorkingDays: Number(record.ztgzr) } : {}),
    ...(record.sdxx ? { delivery: deliveryView(fromDeliveryInfo(record.sdxx)) } : {}),
    ...(record.dzzm
      ? {
          certificate: {
            name: record.dzzm.zmmc,
            number: record.dzzm.zmbh,
            verificationCode: record.dzzm.hym,
            issuedAt: iso(record.dzzm.qfsj),
          },
        }
      : {}),
    timeline: record.lcjl.map((step) => {
      // Shown as "办结 · 准予许可": an opinion that only repeats the status is not shown again under it.
      const comment = opinionBeyond(CASE_STATUSES[step.zt].text, step.yj);
      return {
        step: step.hjmc,
        status: CASE_STATUSES[step.zt].status,
        statusText: CASE_STATUSES[step.zt].text,
        actor: step.clr,
        at: iso(step.clsj),
        ...(comment ? { comment } : {}),
      };
    }),
    canWithdraw: WITHDRAWABLE.has(record.zt),
    canSupplement: record.zt === '04',
  };
}
