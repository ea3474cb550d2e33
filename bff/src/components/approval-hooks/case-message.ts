import type { CaseChange } from '../../upstreams/approval/approval.types';
import { withOpinion } from '../applications/opinion-text';

/**
 * What the citizen needs to know about a change of their case, in one
 * sentence. The decision is said once: an opinion that only repeats it
 * ("准予许可" on 准予许可) is left out.
 */
export function caseMessageBody(change: CaseChange, statusText: string): string {
  switch (change.status) {
    case 'supplement':
      return `需要补正材料：${change.case.supplementRequest ?? change.opinion ?? '请查看办件详情'}`;
    case 'rejected':
      return `不予许可，理由：${change.case.rejectionReason ?? change.opinion ?? '请查看办件详情'}`;
    case 'delivered':
      // How the result reached the citizen (电子证明, 邮寄, 窗口领取) is the approval system's to say.
      if (change.opinion) return change.opinion;
      return change.case.trackingNo
        ? `证件已寄出，EMS 单号 ${change.case.trackingNo}`
        : '办理结果已送达，详情请查看办件';
    default:
      return `您的办件 ${change.caseNo} ${withOpinion(statusText, change.opinion)}`;
  }
}
