import { beijingMinute } from '@suijing/shared';
import type { Logger } from '../../libraries/logger';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { UsersRepository } from '../users/users.repository';
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
  users: UsersRepository;
  wechat: WechatClient;
  /** The 办件进度通知 template; without it only in-app messages are written. */
  caseProgressTemplate: string | undefined;
  logger: Logger;
}

/** WeChat's `thing` values take at most 20 characters. */
const thing = (text: string) => (Array.from(text).length > 20 ? `${Array.from(text).slice(0, 19).join('')}…` : text);

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
    // A case of a closed account (注销账号) is kept current, but there is no account left to tell.
    if (stored.accountClosedAt) return { accepted: true };
    const statusText = CASE_STATUSES[event.zt].text;
    const body = messageBody(event, statusText);
    const added = await this.deps.messages.add({
      _id: `approval_${event.sjbh}`,
      userId: stored.userId,
      kind: 'case-progress',
      caseNo: event.bjbh,
      title: `${view.itemName}：${statusText}`,
      body,
      createdAt: new Date(),
    });
    // Only for a first delivery of the event: a redelivery must not notify twice.
    if (added) await this.notifyOnWechat(stored.userId, event, view.itemName, statusText, body);
    return { accepted: true };
  }

  /** A subscribe message when the user logs in with WeChat and accepted the template; never fails the webhook. */
  private async notifyOnWechat(
    userId: string,
    event: ApprovalEvent,
    itemName: string,
    statusText: string,
    note: string,
  ): Promise<void> {
    const templateId = this.deps.caseProgressTemplate;
    if (!templateId) return;
    const user = await this.deps.users.findById(userId);
    if (!user?.openid) return;
    try {
      const outcome = await this.deps.wechat.sendSubscribe({
        openid: user.openid,
        templateId,
        page: `packages/cases/pages/detail/index?caseNo=${event.bjbh}`,
        data: {
          character_string1: event.bjbh,
          thing2: thing(itemName),
          phrase3: statusText.slice(0, 5),
          time4: beijingMinute(new Date()),
          thing5: thing(note),
        },
      });
      this.deps.logger.info({ caseNo: event.bjbh, outcome }, 'subscribe message');
    } catch (error) {
      this.deps.logger.warn({ err: error, caseNo: event.bjbh }, 'subscribe message not sent');
    }
  }
}
