import type { Appointment } from '@suijing/shared';
import type { Logger } from '../../libraries/logger';
import type { CaseChange } from '../../upstreams/approval/approval.types';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import { subscribeData, type SubscribeContent } from '../../upstreams/wechat/subscribe-message';
import type { UsersService } from '../users/users.service';
import type { SubscribeTemplateIds } from './subscribe-templates';

/** One message: what it says (its template's content), the mini-program page it opens (as app.json names it). */
export interface SubscribeNotice {
  content: SubscribeContent;
  page: string;
  /** What the message is about, for the log (a case or booking number). */
  about: string;
}

const CASE_PAGE = 'packages/cases/pages/detail/index';
const APPOINTMENT_PAGE = 'packages/halls/pages/appointment/index';
/** What a message says when the system gave no words of its own. */
const SEE_CASE = '请查看办件详情';

/**
 * The message for a case's change: 补正 and the decision have their own templates, every other step is progress.
 * `note` is the one sentence the message centre shows.
 */
export function caseNotice(
  change: CaseChange,
  itemName: string,
  statusText: string,
  note: string,
  now: Date,
): SubscribeNotice {
  const base = { page: `${CASE_PAGE}?caseNo=${change.caseNo}`, about: change.caseNo };
  const about = { caseNo: change.caseNo, itemName };
  const deadline = change.case.currentDeadline;
  if (change.status === 'supplement' && deadline) {
    const request = change.case.supplementRequest ?? change.opinion ?? SEE_CASE;
    return { ...base, content: { template: 'MATERIALS_REQUIRED', ...about, request, deadline: new Date(deadline) } };
  }
  if (change.status === 'approved' || change.status === 'rejected') {
    const detail = change.status === 'rejected' ? (change.case.rejectionReason ?? change.opinion ?? SEE_CASE) : note;
    return { ...base, content: { template: 'CASE_RESULT', ...about, statusText, decidedAt: now, detail } };
  }
  return { ...base, content: { template: 'CASE_PROGRESS', ...about, statusText, at: now, note } };
}

/** The message for a booking made (or moved to another time) or cancelled. */
export function bookingNotice(kind: 'confirmed' | 'cancelled', appointment: Appointment): SubscribeNotice {
  const base = { page: `${APPOINTMENT_PAGE}?id=${appointment.id}`, about: appointment.id };
  const booking = {
    bookingId: appointment.id,
    business: appointment.business.name,
    day: appointment.date,
    from: appointment.from,
    to: appointment.to,
  };
  if (kind === 'cancelled') {
    return { ...base, content: { template: 'BOOKING_CANCELLED', ...booking, note: '您已取消本次预约' } };
  }
  return {
    ...base,
    content: {
      template: 'BOOKING_CONFIRMED',
      ...booking,
      hall: appointment.hall.name,
      reminder: '请带身份证按时到厅扫码签到',
    },
  };
}

export interface SubscribeNotifierDeps {
  wechat: WechatClient;
  /** The account through this instance's short cache: its openid never changes. */
  users: Pick<UsersService, 'account'>;
  templates: SubscribeTemplateIds;
  logger: Logger;
}

/**
 * Sends subscribe messages to a user who logs in with WeChat (or linked it). Never fails the caller: a message
 * not sent is logged, the in-app message centre and the pages stay the record.
 */
export class SubscribeNotifier {
  constructor(private readonly deps: SubscribeNotifierDeps) {}

  async notify(userId: string, notice: SubscribeNotice): Promise<void> {
    const { template } = notice.content;
    const templateId = this.deps.templates[template];
    if (!templateId) return;
    try {
      const user = await this.deps.users.account(userId);
      if (!user?.openid) return;
      const outcome = await this.deps.wechat.sendSubscribe({
        openid: user.openid,
        templateId,
        page: notice.page,
        data: subscribeData(notice.content),
      });
      this.deps.logger.info({ template, about: notice.about, outcome }, 'subscribe message');
    } catch (error) {
      this.deps.logger.warn({ err: error, template, about: notice.about }, 'subscribe message not sent');
    }
  }
}
