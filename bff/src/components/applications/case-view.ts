import {
  maskName,
  maskPhone,
  type ApplicationDetail,
  type ApplicationStatus,
  type ApplicationSummary,
  type DeliveryMode,
} from '@suijing/shared';
import type { ApprovalCase, CaseDelivery } from '../../upstreams/approval/approval.types';
import type { CaseActing } from './application.model';
import { opinionBeyond } from './opinion-text';

/** A case's status as the citizen reads it. */
export const STATUS_TEXT: Record<ApplicationStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  reviewing: '审核中',
  supplement: '待补正',
  approved: '准予许可',
  rejected: '不予许可',
  delivered: '已送达',
  withdrawn: '已撤回',
};

/** Before a decision the citizen may still withdraw. */
const WITHDRAWABLE: ReadonlySet<ApplicationStatus> = new Set(['submitted', 'accepted', 'reviewing', 'supplement']);

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

const FEE_STATE_TEXT = { due: '待缴费', paid: '已缴费', refunded: '已退费' } as const;

/** A case as the citizen follows it: status in words, the timeline, what they can do now. */
export function toApplicationDetail(approvalCase: ApprovalCase): ApplicationDetail {
  return {
    caseNo: approvalCase.caseNo,
    itemCode: approvalCase.itemCode,
    itemName: approvalCase.itemName,
    status: approvalCase.status,
    statusText: STATUS_TEXT[approvalCase.status],
    submittedAt: approvalCase.submittedAt,
    updatedAt: approvalCase.timeline.at(-1)?.at ?? approvalCase.submittedAt,
    promisedDate: approvalCase.promisedDate,
    currentStep: approvalCase.currentStep,
    currentDepartment: approvalCase.currentDepartment,
    ...(approvalCase.currentDeadline ? { currentDeadline: approvalCase.currentDeadline } : {}),
    ...(approvalCase.supplementRequest ? { supplementRequest: approvalCase.supplementRequest } : {}),
    ...(approvalCase.rejectionReason ? { rejectionReason: approvalCase.rejectionReason } : {}),
    ...(approvalCase.trackingNo ? { trackingNo: approvalCase.trackingNo } : {}),
    ...(approvalCase.clockPausedSince ? { clockPausedSince: approvalCase.clockPausedSince } : {}),
    ...(approvalCase.extendedWorkingDays ? { extendedWorkingDays: approvalCase.extendedWorkingDays } : {}),
    ...(approvalCase.delivery ? { delivery: deliveryView(approvalCase.delivery) } : {}),
    ...(approvalCase.certificate ? { certificate: approvalCase.certificate } : {}),
    ...(approvalCase.fee
      ? {
          fee: {
            title: approvalCase.fee.title,
            amountFen: approvalCase.fee.amountFen,
            state: approvalCase.fee.state,
            stateText: FEE_STATE_TEXT[approvalCase.fee.state],
          },
        }
      : {}),
    timeline: approvalCase.timeline.map((entry) => {
      // Shown as "办结 · 准予许可": an opinion that only repeats the status is not shown again under it.
      const comment = opinionBeyond(STATUS_TEXT[entry.status], entry.opinion);
      return {
        step: entry.step,
        status: entry.status,
        statusText: STATUS_TEXT[entry.status],
        actor: entry.actor,
        at: entry.at,
        ...(comment ? { comment } : {}),
      };
    }),
    canWithdraw: WITHDRAWABLE.has(approvalCase.status),
    canSupplement: approvalCase.status === 'supplement',
  };
}

/** A case filed for a family member names 当事人 and 代办人 (masked); one filed for oneself names neither. */
export function withActing<T extends ApplicationSummary>(view: T, acting: CaseActing | null | undefined): T {
  if (!acting) return view;
  return {
    ...view,
    subject: { nameMasked: acting.subjectNameMasked, relationText: acting.relationText },
    actor: { nameMasked: acting.actorNameMasked },
  };
}

/** A case a family member filed for me: I follow it; withdrawing and supplementing stay with them. */
export function followOnly(view: ApplicationDetail): ApplicationDetail {
  return { ...view, canWithdraw: false, canSupplement: false };
}
