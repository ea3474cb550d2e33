import type { ApprovalEvent } from '../../upstreams/approval/approval.dialect';
import { withOpinion } from '../applications/opinion-text';

/**
 * What the citizen needs to know about a change of their case, in one
 * sentence. The decision is said once: an opinion that only repeats it
 * ("准予许可" on 准予许可) is left out.
 */
export function caseMessageBody(event: ApprovalEvent, statusText: string): string {
  switch (event.zt) {
    case '04':
      return `需要补正材料：${event.bj.bcnr ?? event.yj ?? '请查看办件详情'}`;
    case '06':
      return `不予许可，理由：${event.bj.byxkly ?? event.yj ?? '请查看办件详情'}`;
    case '07':
      // How the result reached the citizen (电子证明, 邮寄, 窗口领取) is the approval system's to say.
      if (event.yj) return event.yj;
      return event.bj.kdh ? `证件已寄出，EMS 单号 ${event.bj.kdh}` : '办理结果已送达，详情请查看办件';
    default:
      return `您的办件 ${event.bjbh} ${withOpinion(statusText, event.yj)}`;
  }
}
