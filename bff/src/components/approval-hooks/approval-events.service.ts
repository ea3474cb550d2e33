import type { Logger } from '../../libraries/logger';
import type { ApprovalEvent } from '../../upstreams/approval/approval.dialect';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { CASE_STATUSES, toApplicationDetail } from '../applications/case-view';
import type { MessagesService } from '../messages/messages.service';

/** What the citizen needs to know about this change, in one sentence. */
function messageBody(event: ApprovalEvent, statusText: string): string {
  switch (event.zt) {
    case '04':
      return `需要补正材料：${event.bj.bcnr ?? event.yj ?? '请查看办件详情'}`;
    case '06':
      return `不予许可，理由：${event.bj.byxkly ?? event.yj ?? '请查看办件详情'}`;
    case '07':
      return event.bj.kdh ? `证件已寄出，EMS 单号 ${event.bj.kdh}` : '证件已寄出';
    default:
      return `您的办件 ${event.bjbh} ${statusText}${event.yj ? `：${event.yj}` : ''}`;
  }
}

export interface ApprovalEventsDeps {
  applications: ApplicationsRepository;
  messages: MessagesService;
  logger: Logger;
}

/**
 * A case changed in the approval system: keep our view current and tell
 * its owner. Safe to receive twice (the message id is the event id) and out
 * of order (a view with fewer steps never replaces a newer one).
 */
export class ApprovalEventsService {
  constructor(private readonly deps: ApprovalEventsDeps) {}

  async receive(event: ApprovalEvent): Promise<{ accepted: true }> {
    const view = toApplicationDetail(event.bj);
    const stored = await this.deps.applications.update(view);
    if (!stored) {
      // Not a case filed through us (or not yet recorded): nothing to attach it to.
      this.deps.logger.warn({ caseNo: event.bjbh, eventId: event.sjbh }, 'approval event for an unknown case');
      return { accepted: true };
    }
    const statusText = CASE_STATUSES[event.zt].text;
    await this.deps.messages.add({
      _id: `approval_${event.sjbh}`,
      userId: stored.userId,
      kind: 'case-progress',
      caseNo: event.bjbh,
      title: `${view.itemName}：${statusText}`,
      body: messageBody(event, statusText),
      createdAt: new Date(),
    });
    return { accepted: true };
  }
}
